import Testing
import TutorCore
import TutorQuiz
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// An interview question as long as the shipped ones: a model answer of a dozen lines and five
/// rubric points of two or three lines each, so the grading view is taller than 80x24.
enum LongInterview {
    static let rubric: [Localized] = (1...5).map { n in
        Localized(ko: "루브릭 항목 \(n): " + String(repeating: "서버는 재전송 타이머가 만료되면 FIN을 다시 보내고 클라이언트는 ACK를 다시 보낸다. ", count: 2),
                  en: "Rubric point \(n): " + String(repeating: "the server resends its FIN when the retransmission timer fires and the client ACKs it again. ", count: 2))
    }
    static let model = Localized(ko: String(repeating: "서버는 FIN을 보내고 LAST-ACK에서 ACK를 기다립니다. 유실을 알려 주는 메시지는 없습니다. ", count: 12),
                                 en: String(repeating: "The server sent its FIN and waits in LAST-ACK; nothing tells it the final ACK was lost. ", count: 12))
    static let question = Question(id: "t/long", lesson: "t", kind: .open, level: 3,
                                   prompt: Localized(ko: "마지막 ACK가 유실되면 무슨 일이 일어납니까?", en: "What happens when the final ACK is lost?"),
                                   explain: Localized(ko: "TIME-WAIT", en: "TIME-WAIT"), answer: .open(rubric: rubric, modelAnswer: model))

    static func harness(_ language: Language, size: Size = Size(width: 80, height: 24)) -> AppHarness {
        var h = AppHarness(size: size, language: language, lessons: Fixtures.all)
        h.send(.clockAdvanced(to: 1_767_225_600))
        h.send(.quizReady(QuizSession(mode: .interview, items: [QuizItem(question, seed: 1)]), title: "interview"))
        return h
    }
}

@Suite("Quiz interview")
struct QuizInterviewTests {
    @Test("The grading view at 80x24 shows every rubric point and the rating line: ↓ scrolls to each", arguments: [Language.en, .ko])
    func gradingViewScrolls(language: Language) {
        var h = LongInterview.harness(language)
        h.type(language == .ko ? "서버가 FIN을 다시 보냅니다" : "The server resends its FIN")
        h.press("enter")
        #expect(h.quiz.phase == .rubric)
        let ratingLine = language == .ko ? "평가: " : "Rating: "
        var seen = Set<Int>()
        for _ in 0..<40 {
            let text = h.screenText
            #expect(text.contains(ratingLine), "the rating line is always on screen")
            #expect(h.frame().rowText(23).contains(language == .ko ? "Enter 이 평가로 마치기" : "Enter finish with this rating"), "the footer says what finishes")
            for (i, p) in LongInterview.rubric.enumerated() where text.contains(String(p[language].prefix(language == .ko ? 9 : 16))) { seen.insert(i) }
            h.press("down")
        }
        #expect(seen == Set(0..<5), "every point was on screen at some time: \(seen.sorted())")
        #expect(h.quiz.cursor == 4, "↓ ends on the last point")
        h.press("space", "enter")
        #expect(h.recorded.last?.rating == .hard, "one of five points suggests Hard")
    }

    @Test("↑ from the first point scrolls back to the model answer; PgDn pages")
    func scrollBack() {
        var h = LongInterview.harness(.en)
        h.press("enter")
        let top = h.screenText
        #expect(top.contains("Model answer: The server sent"))
        h.press("pgdn")
        #expect(h.quiz.scroll > 0 && !h.screenText.contains("Model answer: The server sent"))
        for _ in 0..<10 { h.press("up") }
        #expect(h.quiz.scroll == 0 && h.screenText.contains("Model answer: The server sent"))
    }

    @Test("The answer field wraps: a long Hangul answer stays whole on screen with the cursor after it")
    func editorWrapsHangul() {
        var h = LongInterview.harness(.ko)
        let answer = String(repeating: "타임아웃재전송", count: 20)  // 140 syllables, 280 columns, no space
        h.type(answer)
        let grid = h.frame()
        let rows = (0..<grid.height).map { grid.rowText($0) }
        let joined = rows.map { $0.replacingOccurrences(of: " ", with: "") }.joined()
        #expect(joined.contains(answer), "every syllable is on screen")
        for y in 0..<grid.height { #expect(TextWidth.width(of: rows[y]) == 80) }
        let cursor = grid.cursor!
        #expect(cursor.y < 23 && rows[cursor.y].contains("재전송"), "the cursor is on the last row of the answer")
        h.press("backspace")
        #expect(h.quiz.input.text == String(answer.dropLast()), "Backspace removes one syllable")
    }

    @Test("At 0:00 the answer is handed in as it stands and grading begins; the timer stops while grading")
    func timerAutoSubmits() {
        var h = LongInterview.harness(.en)
        h.type("TIME-WAIT")
        h.send(.clockAdvanced(to: 1_767_225_600 + 119))
        h.tick(1)
        #expect(h.quiz.phase == .answering && h.screenText.contains("0:01"))
        h.send(.clockAdvanced(to: 1_767_225_600 + 120))
        h.tick(1)
        #expect(h.quiz.phase == .rubric && h.quiz.timedOut && h.quiz.input.text == "TIME-WAIT")
        #expect(h.screenText.contains("Time's up") && h.screenText.contains("Your answer: TIME-WAIT"))
        #expect(h.state.tickInterval == nil, "no ticks while grading")
        #expect(!h.screenText.contains("0:00"), "no countdown in the title while grading")
        h.send(.clockAdvanced(to: 1_767_225_600 + 400))
        h.tick(1)
        #expect(h.quiz.phase == .rubric && h.recorded.isEmpty, "grading takes as long as it takes")
        h.press("enter")
        #expect(h.recorded.count == 1 && h.recorded[0].response.hasPrefix("TIME-WAIT"))
    }

    @Test("Each rating key shows its interval before it is pressed; after grading, the one chosen")
    func intervalPerRatingKey() {
        var h = LongInterview.harness(.en)
        h.press("enter")
        let text = h.screenText
        for label in ["1 Again 1 min", "2 Hard 6 min", "3 Good 10 min", "4 Easy "] { #expect(text.contains(label), "\(label)") }
        h.press("3", "enter")
        #expect(h.screenText.contains("Next review: in 10 min"))
        var ko = LongInterview.harness(.ko)
        ko.press("enter")
        for label in ["1 다시 1분", "2 어려움 6분", "3 좋음 10분", "4 쉬움 "] { #expect(ko.screenText.contains(label), "\(label)") }
    }
}

@Suite("Quiz interview snapshots")
struct QuizInterviewSnapshotTests {
    /// Reviewer: a long model answer scrolled part way, ↓ marking more below at the right edge,
    /// the rating and every key's interval pinned above the footer, Enter first in the footer.
    @Test("Grading a long answer, 80x24, English and Korean", arguments: [Language.en, .ko])
    func grading(language: Language) {
        var h = LongInterview.harness(language)
        h.type(language == .ko ? "서버가 FIN을 다시 보냅니다" : "The server resends its FIN")
        h.press("enter", "down", "down", "space")
        expectSnapshot(h, "quiz-grading-long-\(language.rawValue)-80x24")
    }

    /// Reviewer: a long Korean answer wrapped over several underlined rows, broken between
    /// syllables, the cursor after the last one; Enter's meaning first in the footer.
    @Test("Writing a long Korean answer, 80x24")
    func editor() {
        var h = LongInterview.harness(.ko)
        h.type(String(repeating: "서버는 FIN을 다시 보내고 클라이언트는 TIME-WAIT에서 ACK를 다시 보냅니다. ", count: 5))
        expectSnapshot(h, "quiz-editor-ko-80x24")
    }

    /// Reviewer: time's up in the warning colour above the answer as handed in; no countdown.
    @Test("Time's up, 80x24")
    func timeUp() {
        var h = LongInterview.harness(.en)
        h.type("TIME-WAIT keeps")
        h.send(.clockAdvanced(to: 1_767_225_600 + 121))
        h.tick(1)
        expectSnapshot(h, "quiz-timeup-80x24")
    }
}
