import Testing
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
}
