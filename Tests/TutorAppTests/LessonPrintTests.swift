import Testing
import TutorCore
import TutorRender
@testable import TutorApp

/// `nettutor read` writes the first screenful of a lesson before the rest is laid out: the
/// pieces must be exactly the lesson's lines, in order, with nothing lost or doubled.
@Suite("read in pieces: the pieces are the whole")
struct LessonPrintTests {
    @Test("LessonText.printed in pieces: the heading, then each block alone after a blank line, joined they are the printed lines")
    func piecesAreTheWhole() {
        for lesson in Fixtures.all {
            for width in [20, 80] {
                var pieces: [[Line]] = []
                LessonText.printed(lesson, width: width, glyphs: .unicode) { pieces.append($0) }
                #expect(pieces.count == lesson.blocks.count + 1, "\(lesson.meta.id): the heading, then one piece per block")
                // Each block's piece is a blank line, then that block laid out alone.
                for (i, block) in lesson.blocks.enumerated() {
                    let alone = LessonLayout.layout(block, width: width, glyphs: .unicode, language: lesson.meta.language)
                    #expect(pieces[i + 1] == (i > 0 && !alone.isEmpty ? [[]] + alone : alone), "\(lesson.meta.id) block \(i)")
                }
                #expect(pieces[0].first?.plainText == lesson.meta.title && pieces[0].last == [], "the heading ends with a blank line")
                #expect(pieces.flatMap { $0 } == LessonText.printed(lesson, width: width, glyphs: .unicode))
                #expect(LessonLayout.lines(lesson, width: width, glyphs: .unicode, language: lesson.meta.language).map(\.line) == Array(pieces.dropFirst().joined()))
            }
        }
    }
}
