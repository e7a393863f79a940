import Testing
@testable import TutorRender

@Suite("CellGrid.diff: the cells a back end draws")
struct CellGridDiffTests {
    func changes(_ new: CellGrid, from old: CellGrid?) -> [String] {
        new.diff(from: old).map { "\($0.x),\($0.y)=\($0.cell.grapheme)" }
    }

    @Test("Only changed cells, in row order; the same frame again draws nothing")
    func changedOnly() {
        var a = CellGrid(width: 4, height: 2)
        a.put("ab", x: 0, y: 0)
        var b = a
        b.put("x", x: 1, y: 0)
        b.put("y", x: 3, y: 1)
        #expect(changes(b, from: a) == ["1,0=x", "3,1=y"])
        #expect(b.diff(from: b).isEmpty)
    }

    @Test("A style change is a change")
    func style() {
        let a = CellGrid(width: 2, height: 1)
        var b = a
        b.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.bold = true }
        #expect(changes(b, from: a) == ["1,0= "])
    }

    @Test("A wide glyph is drawn once, at its left cell; its continuation is never listed")
    func wide() {
        let a = CellGrid(width: 4, height: 1)
        var b = a
        b.put("한", x: 1, y: 0)
        #expect(changes(b, from: a) == ["1,0=한"])
    }

    @Test("A change under the right half of a wide glyph redraws the glyph")
    func wideRightHalf() {
        var a = CellGrid(width: 4, height: 1)
        a.put("한", x: 0, y: 0)
        var b = a
        b.restyle(Rect(x: 1, y: 0, width: 3, height: 1)) { $0.reverse = true }
        #expect(changes(b, from: a) == ["0,0=한", "2,0= ", "3,0= "])
    }

    @Test("Replacing a wide glyph by narrow ones lists the cell under its old right half")
    func wideToNarrow() {
        var a = CellGrid(width: 4, height: 1)
        a.put("한", x: 0, y: 0)
        var b = CellGrid(width: 4, height: 1)
        b.put("ab", x: 0, y: 0)
        #expect(changes(b, from: a) == ["0,0=a", "1,0=b"])
    }

    @Test("No previous frame, or one of another size: every cell (a full repaint)")
    func full() {
        var b = CellGrid(width: 3, height: 1)
        b.put("가", x: 0, y: 0)
        #expect(changes(b, from: nil) == ["0,0=가", "2,0= "])
        #expect(changes(b, from: CellGrid(width: 2, height: 1)) == ["0,0=가", "2,0= "])
    }
}
