import Testing
import TutorApp
import TutorCore
import TutorQuiz
import TutorRender
import TutorTestSupport

/// The home screen, the `r` message, the dashboard and `nettutor progress` name the same
/// figures with the same words.
@Suite("Progress figures on every screen")
struct ProgressFiguresTests {
    static let now = 1_767_225_600.0 + 10 * 3_600

    static func harness(cards: [String: Card]) -> AppHarness {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.quizBanks = [QuizFixtures.bank]
        h.state.cards = cards
        h.send(.clockAdvanced(to: now))
        return h
    }

    @Test("Home says 'due now' and counts what a review asks now, not what is due by midnight")
    func homeSaysDueNow() {
        let ids = QuizFixtures.bank.questions.map(\.id)
        var cards: [String: Card] = [:]
        cards[ids[0]] = Card(due: Self.now - 60)
        cards[ids[1]] = Card(due: Self.now + 3_600)
        let h = Self.harness(cards: cards)
        #expect(h.screenText.split(separator: "\n").first { $0.contains("nettutor - ") }?.contains("due now 1") == true, "\(h.screenText)")
    }

    /// With every question started and nothing due yet, `r` said "no reviews are due" while the
    /// dashboard said "Due today" for the same cards.
    @Test("r with nothing due now says when the next review is and how many come later today")
    func reviewMessageAgrees() {
        var cards: [String: Card] = [:]
        for (n, q) in QuizFixtures.bank.questions.enumerated() { cards[q.id] = Card(due: Self.now + Double(n + 2) * 3_600) }
        var h = Self.harness(cards: cards)
        h.press("r")
        let message = h.state.message ?? ""
        #expect(message.contains("Nothing due now") && message.contains("in 2 h")
                && message.contains("\(QuizFixtures.bank.questions.count) later today"), "\(message)")
    }

    @Test("The dashboard and `progress` label due now, later today, right and recall the same way")
    func dashboardAndProgressAgree() {
        var cards: [String: Card] = [:], attempts: [Attempt] = []
        let questions = (0..<15).map { n in
            Question(id: "tcp/q\(n)", lesson: "tcp", kind: .truefalse, level: 1, prompt: Localized(ko: "p", en: "p"),
                     explain: Localized(ko: "e", en: "e"), answer: .trueFalse(true))
        }
        for (n, q) in questions.enumerated() {
            let wrong = n < 6, at = Self.now - 60 + Double(n)
            cards[q.id] = Scheduling.next(nil, rating: wrong ? .again : .good, at: at)
            attempts.append(Attempt(questionID: q.id, lesson: "tcp", kind: "truefalse", answeredAt: at, correct: !wrong, score: wrong ? 0 : 1,
                                    rating: wrong ? .again : .good, durationMS: 1000, response: "", source: "quiz"))
        }
        let d = Dashboard.compute(questions: questions, lessonTopics: ["tcp": "transport"], topicOrder: ["transport"], readLessons: [],
                                  cards: cards, attempts: attempts, reviews: [], now: Self.now)
        let recall = "\(Int((d.topics[0].recall * 100).rounded()))%"
        #expect(recall == "60%")
        let text = DashboardText.plain(d, language: .en)
        #expect(text.contains("now \(d.due.now), later today \(d.due.laterToday)") && text.contains("right 9/15, recall 60%")
                && text.contains("0 if last wrong"), "\(text)")
        var h = Self.harness(cards: [:])
        h.send(.dashboardLoaded(d))
        #expect(h.screenText.contains("now \(d.due.now) · later today \(d.due.laterToday)") && h.screenText.contains("right 9/15 · recall 60%")
                && h.screenText.contains("0 if last wrong"), "\(h.screenText)")
    }
}
