import Testing
@testable import TutorRender

/// `Wrap` scans scalars for speed; this is the plain per-Character algorithm it replaced, kept
/// as the reference: the two must agree on every input.
@Suite("Wrap agrees with the per-Character reference algorithm")
struct WrapReferenceTests {
    static func reference(_ spans: Line, width: Int) -> [Line] {
        var lines: [Line] = [], current: [(Character, Style)] = [], currentWidth = 0
        var word: [(Character, Style)] = [], wordWidth = 0, pendingSpace: Style? = nil
        func coalesce(_ chars: [(Character, Style)]) -> Line {
            var line: Line = []
            for (c, s) in chars {
                if let last = line.last, last.style == s { line[line.count - 1].text.append(c) } else { line.append(Span(String(c), s)) }
            }
            return line
        }
        func flushLine() { lines.append(coalesce(current)); current = []; currentWidth = 0 }
        func placeWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = (pendingSpace != nil && !current.isEmpty) ? 1 : 0
            if currentWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1 { current.append((" ", pendingSpace!)); currentWidth += 1 }
                current += word; currentWidth += wordWidth
            } else {
                if !current.isEmpty { flushLine() }
                for (c, s) in word {
                    let w = TextWidth.width(of: c)
                    if currentWidth + w > width && !current.isEmpty { flushLine() }
                    current.append((c, s)); currentWidth += w
                }
            }
            word = []; wordWidth = 0; pendingSpace = nil
        }
        for span in spans {
            for c in span.text {
                if c == "\n" { placeWord(); flushLine(); pendingSpace = nil }
                else if c == " " || c == "\t" { placeWord(); pendingSpace = span.style }
                else { word.append((c, span.style)); wordWidth += TextWidth.width(of: c) }
            }
        }
        placeWord()
        if !current.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    @Test("Random mixes of ASCII, Hangul, emoji, combining marks, spaces, tabs and newlines in three styles")
    func agreesOnRandomInput() {
        let pieces = ["tcp", "SYN", "한글", "재전송", "👨‍👩‍👧", "e\u{301}", "🇰🇷", " ", "  ", "\t", "\n", "x", "aaaaaaaaaaaaaaaaaaaaaaaaaaa", "가나다라마바사아자차카타파하"]
        let styles = [Style.plain, Style(.code), Style(.heading, bold: true)]
        var rng = SplitMix(seed: 7)
        for _ in 0..<2000 {
            var spans: Line = []
            for _ in 0..<Int(rng.next() % 6 + 1) {
                var text = ""
                for _ in 0..<Int(rng.next() % 8) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
                spans.append(Span(text, styles[Int(rng.next() % 3)]))
            }
            let width = Int(rng.next() % 30 + 1)
            #expect(Wrap.wrap(spans, width: width) == Self.reference(spans, width: width), "\(spans) at \(width)")
        }
    }
}

/// A small deterministic generator (the test must fail the same way every run): Knuth's MMIX
/// linear congruential step, the high bits.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
