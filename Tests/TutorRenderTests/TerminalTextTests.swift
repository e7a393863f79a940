import Testing
import TutorTestSupport
@testable import TutorRender

@Suite("TerminalText: no C0/C1/ESC/bidi control reaches a terminal raw (DESIGN §3, issue 15)")
struct TerminalTextTests {
    static let hostile = "x\u{1B}]0;PWNED\u{07}\u{1B}]52;c;Zm9v\u{07}\u{9B}2J\u{202E}.md"

    @Test("Escaping shows each control as a visible escape")
    func escapes() {
        #expect(TerminalText.escaped(Self.hostile) == "x^[]0;PWNED^G^[]52;c;Zm9v^G\\u{9B}2J\\u{202E}.md")
        #expect(TerminalText.escaped("a\tb\nc", keepNewlines: true) == "a    b\nc")
    }

    @Test("The cell grid never holds a control character: an id or file name with an OSC 52 write is drawn escaped")
    func gridEscapes() {
        var g = CellGrid(width: 60, height: 1)
        g.put(Self.hostile, x: 0, y: 0)
        g.put(Character("\u{1B}"), x: 50, y: 0, style: .plain)
        let text = g.rowText(0)
        #expect(!text.unicodeScalars.contains(where: TerminalText.needsEscape))
        #expect(text.hasPrefix("x^[]0;PWNED^G^[]52;c;Zm9v^G"))
        #expect(text.contains("^["))
    }

    @Test("The byte scan agrees with the scalar rule on every mix of controls, C1, bidi, tabs, line feeds, Hangul and arrows")
    func byteScanMatchesScalars() {
        let pool: [Unicode.Scalar] = ["a", " ", "\n", "\t", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{FF}",
                                      "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}",
                                      "\u{2026}", "\u{2192}", "\u{AC00}", "\u{D55C}", "\u{1F600}"]
        for text in ScalarMix.strings(from: pool, count: 4000, seed: 0x9E37_79B9_7F4A_7C15) {
            for keep in [false, true] {
                let expected = text.unicodeScalars.contains { TerminalText.needsEscape($0) && !(keep && $0 == "\n") }
                #expect(TerminalText.mayNeedEscape(text, keepNewlines: keep) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
