import Testing
@testable import TutorRender

@Suite("Wrapping and widgets count display columns")
struct WrapAndWidgetTests {
    @Test("Korean wraps at spaces by display width")
    func koreanWrapsAtSpaces() {
        let lines = Wrap.wrap("흐름 제어는 수신자 버퍼를 보호합니다", width: 12).map(\.plainText)
        #expect(lines == ["흐름 제어는", "수신자", "버퍼를", "보호합니다"])
        for l in lines { #expect(TextWidth.width(of: l) <= 12) }
    }

    @Test("An over-long token breaks by column, never splitting a wide glyph")
    func longTokenBreaksByColumn() {
        let lines = Wrap.wrap("가나다라마바사", width: 5).map(\.plainText)
        #expect(lines == ["가나", "다라", "마바", "사"])
        let ascii = Wrap.wrap("abcdefghij", width: 4).map(\.plainText)
        #expect(ascii == ["abcd", "efgh", "ij"])
    }

    @Test("Styles survive wrapping per character")
    func stylesSurvive() {
        let bold = Style(.emphasis, bold: true)
        let lines = Wrap.wrap([Span("plain "), Span("굵은 글씨", bold)], width: 10)
        #expect(lines.count == 2)
        #expect(lines[1].first?.style == bold)
    }

    @Test("Explicit newlines start new lines; empty input gives one empty line")
    func newlines() {
        #expect(Wrap.wrap("a\nb", width: 10).map(\.plainText) == ["a", "b"])
        #expect(Wrap.wrap("", width: 10).count == 1)
    }

    @Test("Table columns line up when cells hold Hangul")
    func tableAlignsHangul() {
        let t = TableLayout(header: [[Span("구분")], [Span("IPv4")], [Span("IPv6")]],
                            rows: [[[Span("주소 길이")], [Span("32비트")], [Span("128비트")]],
                                   [[Span("브로드캐스트")], [Span("있음")], [Span("없음 (멀티캐스트)")]]],
                            alignments: [.left, .left, .left])
        let lines = t.lines(maxWidth: 80, glyphs: .unicode).map(\.plainText)
        let widths = Set(lines.map { TextWidth.width(of: $0) })
        #expect(widths.count == 1, "every table line has the same display width: \(lines)")
        // Column separators sit at the same display column on every row.
        func separatorColumns(_ s: String) -> [Int] {
            var col = 0, out: [Int] = []
            for c in s { if "│┼┬┴├┤┌┐└┘".contains(c) { out.append(col) }; col += TextWidth.width(of: c) }
            return out
        }
        #expect(Set(lines.map(separatorColumns)).count == 1)
    }

    @Test("A table wider than the space wraps its cells and still fits")
    func tableShrinksToFit() {
        let long = [Span("아주 긴 설명이 들어가는 셀입니다 그리고 더 길어집니다")]
        let t = TableLayout(header: [[Span("항목")], [Span("설명")]], rows: [[[Span("x")], long]], alignments: [])
        let lines = t.lines(maxWidth: 30, glyphs: .ascii).map(\.plainText)
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= 30 })
        #expect(lines.count > 5)
    }

    @Test("List keeps the selection visible while scrolling")
    func listOffset() {
        #expect(ListView.offset(keeping: 0, visible: 5, current: 0, count: 20) == 0)
        #expect(ListView.offset(keeping: 7, visible: 5, current: 0, count: 20) == 3)
        #expect(ListView.offset(keeping: 2, visible: 5, current: 3, count: 20) == 2)
        #expect(ListView.offset(keeping: 19, visible: 5, current: 0, count: 20) == 15)
        #expect(ListView.offset(keeping: 3, visible: 5, current: 10, count: 4) == 0)
    }

    @Test("ListView draws the selected row reversed and clips to its area")
    func listRender() {
        var g = CellGrid(width: 10, height: 3)
        ListView(items: [[Span("하나")], [Span("둘")], [Span("셋")], [Span("넷")]], selected: 1, offset: 1)
            .render(into: &g, area: Rect(x: 0, y: 0, width: 10, height: 2))
        #expect(g.rowText(0).hasPrefix("둘"))
        #expect(g[0, 0].style.reverse)
        #expect(!g[0, 1].style.reverse)
        #expect(g.rowText(2) == String(repeating: " ", count: 10))
    }

    @Test("Box draws its frame and title, and returns the inner area")
    func boxFrame() {
        var g = CellGrid(width: 12, height: 4)
        let inner = Box(title: "레슨").render(into: &g, area: g.bounds, glyphs: .ascii)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(g.rowText(0) == "+- 레슨 ---+")
        #expect(g.rowText(3) == "+----------+")
    }

    @Test("KeyHelp bar keeps whole entries that fit")
    func keyHelp() {
        let bar = KeyHelpBar([(key: "?", label: "도움말"), (key: "q", label: "종료")])
        #expect(bar.line(width: 12).plainText == "? 도움말  ")
        #expect(bar.line(width: 40).plainText == "? 도움말  q 종료  ")
    }

    @Test("Key names parse as tests and help use them")
    func keyNames() {
        #expect(Key(name: "ctrl+c") == .ctrl("c"))
        #expect(Key(name: "down") == .down)
        #expect(Key(name: "L") == .char("L"))
        #expect(Key(name: "nonsense") == nil)
    }
}
