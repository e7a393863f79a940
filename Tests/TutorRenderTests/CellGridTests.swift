import Testing
import TutorTestSupport
@testable import TutorRender

@Suite("CellGrid: wide-cell rules of DESIGN §3")
struct CellGridTests {
    @Test("A wide glyph takes its cell plus a continuation cell")
    func wideTakesTwoCells() {
        var g = CellGrid(width: 6, height: 1)
        let used = g.put("한a", x: 0, y: 0)
        #expect(used == 3)
        #expect(g[0, 0].width == 2)
        #expect(g[1, 0].isContinuation)
        #expect(g[2, 0].grapheme == "a")
        #expect(g.rowText(0) == "한a   ")
    }

    @Test("Overwriting the left half of a wide cell blanks both halves")
    func overwriteLeftHalf() {
        var g = CellGrid(width: 4, height: 1)
        g.put("한", x: 1, y: 0)
        g.put("x", x: 1, y: 0)
        #expect(g.rowText(0) == " x  ")
        #expect(!g[2, 0].isContinuation)
    }

    @Test("Overwriting the right half of a wide cell blanks both halves")
    func overwriteRightHalf() {
        var g = CellGrid(width: 4, height: 1)
        g.put("한", x: 1, y: 0)
        g.put("x", x: 2, y: 0)
        #expect(g.rowText(0) == "  x ")
        #expect(g[1, 0].width == 1)
    }

    @Test("A wide glyph that does not fit at the clip edge becomes a blank")
    func wideAtClipEdgeBecomesBlank() {
        var g = CellGrid(width: 5, height: 1)
        let used = g.put("ab한", x: 2, y: 0)
        #expect(used == 3)
        #expect(g.rowText(0) == "  ab ")
        var h = CellGrid(width: 10, height: 1)
        h.put("가나다", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(h.rowText(0) == "가나      ")
        #expect(h[4, 0].grapheme == " " && h[4, 0].width == 1)
    }

    @Test("A wide glyph over another wide glyph shifted by one blanks the orphaned half")
    func wideOverShiftedWide() {
        var g = CellGrid(width: 6, height: 1)
        g.put("가나", x: 0, y: 0)     // 가 at 0-1, 나 at 2-3
        g.put("다", x: 1, y: 0)       // covers 가's right half and 나's left half
        #expect(g.rowText(0) == " 다   ")
        #expect(g[0, 0].width == 1 && g[3, 0].width == 1)
    }

    @Test("Combining marks never occupy a cell of their own")
    func combiningStaysWithBase() {
        var g = CellGrid(width: 4, height: 1)
        g.put("e\u{301}x", x: 0, y: 0)
        #expect(g[0, 0].grapheme == "e\u{301}")
        #expect(g[1, 0].grapheme == "x")
    }

    @Test("snapshotText starts with the size and quotes rows with each wide glyph once")
    func snapshotFormat() {
        var g = CellGrid(width: 5, height: 2)
        g.put("한글", x: 0, y: 1)
        #expect(g.snapshotText() == "size 5x2\n\"     \"\n\"한글 \"\n")
    }

    @Test("Writing outside the grid is ignored, never a crash")
    func outOfBoundsIgnored() {
        var g = CellGrid(width: 3, height: 1)
        g.put("abcdefg", x: -5, y: 0)  // only "fg" lands, in columns 0 and 1
        #expect(g.rowText(0) == "fg ")
        g.put("abc", x: 0, y: -1)
        #expect(g.rowText(0) == "fg ")
        g.put("z", x: 7, y: 9)
        g.fill(Rect(x: -3, y: -3, width: 100, height: 100))
        #expect(g.rowText(0) == "   ")
    }

    @Test("ZWJ emoji, flags and variation selectors keep a border in place (one cell per spacing scalar)")
    func emojiClustersKeepBorders() {
        var g = CellGrid(width: 14, height: 3)
        for (y, text) in ["👨\u{200D}👩\u{200D}👧\u{200D}👦", "🇰🇷🇯🇵 ok", "❤\u{FE0F} e\u{301}"].enumerated() {
            g.put("|", x: 0, y: y, style: .plain)
            g.put(text, x: 1, y: y)
            g.put("|", x: 13, y: y, style: .plain)
        }
        expectGrid(g, [
            "|👨👩👧👦    |",
            "|🇰🇷🇯🇵 ok     |",
            "|❤ é         |",
        ])
        #expect(g[1, 0].grapheme == "👨" && g[3, 0].grapheme == "👩")
        #expect(g[1, 1].grapheme == "🇰" && g[2, 1].grapheme == "🇷")
        #expect(!g.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F } })
    }

    @Test("A cluster cut by the clip edge writes only the pieces that fit")
    func clusterAtClipEdge() {
        var g = CellGrid(width: 5, height: 1)
        let n = g.put("👨\u{200D}👩\u{200D}👧", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(n == 5)
        expectGrid(g, ["👨👩 "])
    }
}
