import Foundation
import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Help and key bars as a user meets them at 80x24: help scrolls to its last line, the bar
/// keeps `?` and the way out, and keys behind the enlarge notice do nothing.
@Suite("Help overlay, key bars, enlarge notice")
struct HelpAndFooterTests {
    /// Every screen and mode reached here, in both languages.
    static func harnesses(_ language: Language) throws -> [(String, AppHarness)] {
        var out: [(String, AppHarness)] = []
        var home = AppHarness(language: language, lessons: Fixtures.all)
        out.append(("home", home))
        home.press("enter")
        out.append(("reader", home))
        out.append(("player", try playerHarness(.tcp3Way, language: language)))
        var cwnd = AppHarness(language: language, lessons: Fixtures.all)
        cwnd.state.push(.cwnd(try CwndScreen.State(parameters: CwndParameters())))
        out.append(("cwnd", cwnd))
        var journey = AppHarness(language: language, lessons: Fixtures.all)
        journey.state.push(.journey(try JourneyScreen.State(parameters: JourneyParameters())))
        out.append(("journey", journey))
        var quiz = quizHarness(language: language)
        out.append(("quiz", quiz))
        quiz.press("1", "enter")
        out.append(("quiz feedback", quiz))
        return out
    }

    /// Everything the help shows at any scroll position, row by row.
    static func helpSeen(_ h: inout AppHarness) -> [String] {
        h.press("?")
        var seen: [String] = []
        for _ in 0..<40 {
            let frame = h.frame()
            seen += (0..<h.state.size.height).map { frame.rowText($0) }
            h.press("down")
            if !h.state.showHelp { break }
        }
        return seen
    }

    @Test("At 80x24 help scrolls to every key of the screen and the global ones, in both languages", arguments: Language.allCases)
    func helpShowsEverything(language: Language) throws {
        for (name, var h) in try Self.harnesses(language) {
            let top = h.state.top!
            let seen = Self.helpSeen(&h).joined(separator: "\n")
            // Every row of the help is on screen at some scroll position, both columns of it.
            let layout = HelpOverlay.layout(top, h.state.context, size: h.state.size)
            for (left, right) in layout.rows {
                for piece in [left.plainText, right?.plainText ?? ""] {
                    let text = piece.trimmingCharacters(in: .whitespaces)
                    let shown = text.isEmpty || seen.contains(text)
                    #expect(shown, "\(name): help row '\(text)' never on screen")
                }
            }
            // And those rows hold every label: a long one wraps under itself, never cut.
            let columns = (layout.rows.map(\.0.plainText) + layout.rows.map { $0.1?.plainText ?? "" }).joined().filter { !$0.isWhitespace }
            for (_, bindings) in HelpOverlay.sections(top) {
                for b in bindings {
                    let inRows = columns.contains(b.label[language].filter { !$0.isWhitespace })
                    #expect(inRows, "\(name): '\(b.label[language])' not in the help")
                }
            }
            if let note = top.helpNote {
                let last = note[language].split(separator: " ").last!
                let shown = seen.contains(last)
                #expect(shown, "\(name): the end of the note is never shown")
            }
        }
    }

    @Test("Help scrolls by line and page while open and stops at its end; any other key closes it unacted")
    func helpScrolls() {
        var h = quizHarness(language: .en)
        h.press("?")
        let max = HelpOverlay.layout(h.state.top!, h.state.context, size: h.state.size).maxScroll
        #expect(max > 0, "the quiz's help is taller than 24 rows")
        #expect(h.screenText.contains("scroll, any other key closes"))
        h.press("down")
        #expect(h.state.helpScroll == 1)
        h.press("pgdn", "pgdn", "pgdn")
        #expect(h.state.helpScroll == max && h.state.showHelp)
        h.press("up")
        #expect(h.state.helpScroll == max - 1)
        h.press("pgup", "pgup")
        #expect(h.state.helpScroll == 0)
        let quiz = h.state.quiz
        h.press("2")
        #expect(!h.state.showHelp && h.state.quiz == quiz, "2 closes help and picks nothing")
        h.press("?")
        #expect(h.state.helpScroll == 0, "help opens at its top again")
    }

    @Test("Only home and the reader end their help with the read rule; the quiz help lists Tab, the rubric keys and v")
    func helpContent() throws {
        for (name, var h) in try Self.harnesses(.en) {
            let seen = Self.helpSeen(&h).joined(separator: "\n")
            let readRule = seen.contains("marked read") || seen.contains("✓ read")
            #expect(readRule == ["home", "reader"].contains(name), "\(name)")
            if name.hasPrefix("quiz") {
                for label in ["next blank", "mark covered", "rating", "replay the question's scene"] {
                    let shown = label.split(separator: " ").allSatisfy { seen.contains($0) }
                    #expect(shown, "\(name): \(label)")
                }
                let tab = seen.contains("Tab")
                #expect(tab, "\(name)")
            }
        }
    }

    @Test("At 80 columns every key bar keeps ? help and the way back or out, in both languages", arguments: Language.allCases)
    func barKeepsEssentials(language: Language) throws {
        for (name, h) in try Self.harnesses(language) {
            let row = h.frame().rowText(23)
            let top = h.state.top!
            #expect(row.contains("? " + KeyBindings.global[0].label[language]), "\(name): \(row)")
            for b in top.bindings where b.inBar && KeyBindings.priority(b.command) <= 1 {
                let label = (b.barLabel ?? b.label)[language]
                #expect(row.contains(label), "\(name): '\(label)' missing from \(row)")
            }
        }
    }

    @Test("The key bar drops the least important entries first and keeps the rest in order")
    func barPriority() {
        let bar = KeyHelpBar(prioritized: [(key: "a", label: "aaaa", priority: 2), (key: "q", label: "back", priority: 1),
                                           (key: "b", label: "bbbb", priority: 2), (key: "?", label: "help", priority: 0)])
        #expect(bar.line(width: 22).plainText == "a aaaa  q back  ? help  ", "a fits once the essentials are in; b does not")
        #expect(bar.kept(width: 14) == [1, 3])
        #expect(bar.kept(width: 100) == [0, 1, 2, 3])
    }

    @Test("Behind the enlarge notice keys do nothing (no lesson opens); q quits")
    func tooSmallIgnoresKeys() {
        var h = AppHarness(lessons: Fixtures.all)
        h.resize(30, 10)
        h.press("down", "enter", "pgdn", "?", "L")
        #expect(h.state.screen == .home && h.state.stack.count == 1 && !h.state.showHelp && h.state.language == .ko)
        #expect(h.effects.isEmpty)
        #expect(h.screenText.contains("q, Ctrl-C"))
        h.press("q")
        #expect(h.quit)
    }
}

