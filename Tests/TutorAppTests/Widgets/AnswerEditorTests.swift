import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

@Suite("AnswerEditor widget")
struct AnswerEditorTests {
    /// Reviewer: 13 Hangul syllables with no space in a 12-column field: five syllables (10
    /// columns) a row, since lines are laid out one column narrower than the field so the
    /// cursor always has a cell; the break falls between syllables; the cursor after the last.
    @Test("The editor wraps Hangul by character, 12x3")
    func wrapsHangul() {
        var grid = CellGrid(width: 12, height: 3)
        let input = TextInput("가나다라마바사아자차카타파")
        AnswerEditor(input: input, glyphs: .unicode).render(into: &grid, area: Rect(x: 0, y: 0, width: 12, height: 3))
        expectGrid(grid, [
            "가나다라마  ",
            "바사아자차  ",
            "카타파      ",
        ])
        #expect(grid.cursor! == (6, 2))
        let layout = input.layout(width: 12)
        #expect(layout.lines == [0..<5, 5..<10, 10..<13])
        for line in layout.lines { #expect(TextWidth.width(of: String(input.characters[line])) <= 11) }
    }

    /// Reviewer: English breaks after a space, the space hanging at the row's end; a word longer
    /// than the row breaks by column. When the text is taller than the field the rows scroll to
    /// keep the cursor's row, and ↑ in the top-right corner says lines are hidden above.
    @Test("English wraps at spaces and scrolls to the cursor, 12x2, in an offset area")
    func wrapsWordsAndScrolls() {
        var grid = CellGrid(width: 16, height: 4)
        let area = Rect(x: 2, y: 1, width: 12, height: 2)
        AnswerEditor(input: TextInput("the sender waits retransmission"), glyphs: .unicode).render(into: &grid, area: area)
        // Lines: "the sender ", "waits ", "retransmiss", "ion": the last two shown.
        expectGrid(grid, [
            "retransmiss↑",
            "ion         ",
        ], area: area)
        #expect(grid.cursor! == (2 + 3, 2))
        expectBlank(grid, outside: area)
    }

    @Test("↑↓ move between wrapped lines by column; Home and End stay on the line")
    func verticalMoves() {
        var input = TextInput("가나다라마바사아자차카타파")
        _ = input.edit(.up, width: 12)
        #expect(input.cursor == 8, "column 6 of the line above: after 아")
        _ = input.edit(.up, width: 12)
        #expect(input.cursor == 3)
        _ = input.edit(.up, width: 12)
        #expect(input.cursor == 0, "above the first line: its start")
        _ = input.edit(.down, width: 12)
        _ = input.edit(.lineEnd, width: 12)
        #expect(input.cursor == 9, "the end of a wrapped line, before the break")
        _ = input.edit(.lineStart, width: 12)
        #expect(input.cursor == 5)
        let edited = input.edit(.up)
        #expect(!edited, "on one line ↑ is not an edit")
    }
}
