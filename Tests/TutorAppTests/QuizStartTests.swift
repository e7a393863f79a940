import Testing
import TutorCore
import TutorQuiz
@testable import TutorApp

@Suite("Starting a quiz from the TUI")
struct QuizStartTests {
    @Test("A planned session becomes the quiz with its title; an empty one is a message")
    func answer() {
        let ctx = AppState(size: .init(width: 80, height: 24), language: .en, catalog: LessonCatalog([Fixtures.ipEn.meta])).context
        #expect(QuizRequest.lesson("ip").plan == .lesson("ip") && QuizRequest.interview.plan == .interview(count: 5))
        let session = QuizSession(mode: .lesson("ip"), items: [QuizItem(Question(id: "ip/a", lesson: "ip", kind: .truefalse, level: 1,
            prompt: Localized(ko: "?", en: "?"), explain: Localized(ko: "", en: ""), answer: .trueFalse(true)), seed: 1)])
        #expect(QuizRequest.lesson("ip").answer(session, ctx) == .quizReady(session, title: "Quiz: IPv4 vs IPv6"))
        #expect(QuizRequest.review.answer(QuizSession(mode: .review, items: []), ctx)
                == .quizFailed("Nothing due now, and no new questions are left for today."))
    }
}
