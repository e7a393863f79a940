import Testing
import TutorRender
import TutorTestSupport

/// The grid-literal helper must itself fail when it should.
@Suite("Grid literals")
struct GridLiteralTests {
    static func grid() -> CellGrid {
        var g = CellGrid(width: 8, height: 2)
        g.put("한글 ok", x: 0, y: 0, style: Style(.heading))
        g.put("✕", x: 3, y: 1, style: Style(.loss))
        return g
    }

    @Test("A matching literal counts Hangul as two columns")
    func matches() {
        #expect(GridLiteral.mismatch(Self.grid(), ["한글 ok ", "   ✕    "]) == nil)
        // Half a wide glyph cut by an area's edge reads as a blank.
        #expect(GridLiteral.rows(of: Self.grid(), in: Rect(x: 1, y: 0, width: 4, height: 1)) == [" 글 "])
        #expect(GridLiteral.rows(of: Self.grid(), in: Rect(x: 0, y: 0, width: 3, height: 1)) == ["한 "])
    }

    @Test("A differing row is reported with a caret at its column, and the actual grid as a literal")
    func differs() throws {
        let diff = try #require(GridLiteral.mismatch(Self.grid(), ["한글 ok ", "    ✕   "]))
        #expect(diff.contains("row 1\n    expected: |    ✕   |\n    actual:   |   ✕    |\n                  ^ column 3"))
        // After Hangul the caret counts display columns (한글 and a space: 5), not characters.
        let hangul = try #require(GridLiteral.mismatch(Self.grid(), ["한글 OK ", "   ✕    "]))
        #expect(hangul.contains("|한글 ok |\n                    ^ column 5"))
        #expect(diff.contains("actual, as a literal:\n[\n    \"한글 ok \",\n    \"   ✕    \",\n]"))
    }

    @Test("A literal row of the wrong width is named")
    func wrongWidth() throws {
        let diff = try #require(GridLiteral.mismatch(Self.grid(), ["한글 ok", "   ✕    "]))
        #expect(diff.contains("literal row 0 is 7 columns wide, not 8"))
    }

    @Test("Roles: marked cells are checked, spaces are not")
    func roles() {
        #expect(GridLiteral.roleMismatch(Self.grid(), ["hhhh", "   x"], ["h": .heading, "x": .loss]) == nil)
        #expect(GridLiteral.roleMismatch(Self.grid(), ["   x"], ["x": .loss])?.contains("(3,0)") == true)
    }

    @Test("Anything drawn outside an area is found, a styled blank too")
    func outside() {
        var g = CellGrid(width: 4, height: 3)
        g.put("ab", x: 1, y: 1)
        #expect(GridLiteral.touchedOutside(g, Rect(x: 1, y: 1, width: 2, height: 1)) == nil)
        g.fill(Rect(x: 3, y: 2, width: 1, height: 1), style: Style(.selection, reverse: true))
        #expect(GridLiteral.touchedOutside(g, Rect(x: 1, y: 1, width: 2, height: 1))?.contains("(3,2)") == true)
    }
}
