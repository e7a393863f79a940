import Testing
import TutorCore
import TutorQuiz

@Suite("Progress figures (StudyFigures): each defined once")
struct StudyFiguresTests {
    static let t0 = 1_767_225_600.0  // 2026-01-01 00:00 UTC
    static let hour = 3_600.0

    static func question(_ n: Int, lesson: String = "tcp") -> Question {
        Question(id: "\(lesson)/q\(n)", lesson: lesson, kind: .truefalse, level: 1, prompt: Localized(ko: "p", en: "p"),
                 explain: Localized(ko: "e", en: "e"), answer: .trueFalse(true))
    }

    /// Home said `due 3` and the dashboard `Due today 15`: one counted due now, the other by midnight.
    @Test("Due now and due later today are separate figures that add up, and the dashboard uses the same ones")
    func dueNowVersusLaterToday() {
        let now = Self.t0 + 10 * Self.hour
        var cards: [String: Card] = [:]
        for n in 0..<3 { cards["tcp/q\(n)"] = Card(due: now - Double(n + 1) * Self.hour) }      // overdue: due now
        for n in 3..<15 { cards["tcp/q\(n)"] = Card(due: now + Double(n - 2) * 0.5 * Self.hour) } // later today
        cards["tcp/q15"] = Card(due: now + 20 * Self.hour)                                       // tomorrow
        cards["tcp/q16"] = Card(due: now + 72 * Self.hour)                                       // in 2–6 days
        let due = StudyFigures.Due(cards.values, now: now, utcOffset: 0)
        #expect(due.now == 3 && due.laterToday == 12 && due.tomorrow == 1 && due.inTwoToSixDays == 1)
        #expect(due.next == now + 0.5 * Self.hour)
        let d = Dashboard.compute(questions: (0..<17).map { Self.question($0) }, lessonTopics: ["tcp": "transport"], topicOrder: ["transport"],
                                  readLessons: [], cards: cards, attempts: [], reviews: [], now: now)
        #expect(d.due == due)
    }

    /// The dashboard showed `recall 100%` right after 6 of 15 wrong answers on one topic.
    @Test("Recall counts a wrong last answer as not known: right after 6 wrong of 15 it is 60%, not 100%")
    func recallAfterWrongAnswers() {
        var cards: [String: Card] = [:], attempts: [Attempt] = []
        for n in 0..<15 {
            let wrong = n < 6, at = Self.t0 + Double(n) * 10
            let rating: Rating = wrong ? .again : .good
            cards["tcp/q\(n)"] = Scheduling.next(nil, rating: rating, at: at)
            attempts.append(Attempt(questionID: "tcp/q\(n)", lesson: "tcp", kind: "truefalse", answeredAt: at, correct: !wrong,
                                    score: wrong ? 0 : 1, rating: rating, durationMS: 1000, response: "", source: "quiz"))
        }
        let d = Dashboard.compute(questions: (0..<15).map { Self.question($0) }, lessonTopics: ["tcp": "transport"], topicOrder: ["transport"],
                                  readLessons: [], cards: cards, attempts: attempts, reviews: [], now: Self.t0 + 200)
        let t = d.topics[0]
        #expect(t.questionsAnswered == 15 && t.lastRight == 9)
        #expect(t.recall <= 0.6 + 1e-9 && t.recall > 0.59, "recall \(t.recall)")
        #expect(abs(t.mastery - t.recall / 2) < 1e-9)  // nothing read: half of it is recall
    }

    @Test("The last answer decides: a question missed, then answered right, counts as right")
    func lastAnswerWins() {
        func a(_ correct: Bool, _ t: Double) -> Attempt {
            Attempt(questionID: "q", lesson: "l", kind: "short", answeredAt: t, correct: correct, score: 0, rating: .good, durationMS: 0, response: "", source: "quiz")
        }
        #expect(StudyFigures.lastAnswerRight([a(false, 1), a(true, 2)]) == ["q": true])
        #expect(StudyFigures.lastAnswerRight([a(true, 2), a(false, 3)]) == ["q": false])
    }

    @Test("New today: the daily allowance left, at most the questions never answered")
    func newToday() {
        #expect(StudyFigures.newToday(unstarted: 50, newPerDay: 10, startedToday: 4) == 6)
        #expect(StudyFigures.newToday(unstarted: 3, newPerDay: 10, startedToday: 0) == 3)
        #expect(StudyFigures.newToday(unstarted: 50, newPerDay: 10, startedToday: 12) == 0)
        let reviews = [(questionID: "a", reviewedAt: Self.t0 - 10), (questionID: "a", reviewedAt: Self.t0 + 10), (questionID: "b", reviewedAt: Self.t0 + 20)]
        #expect(StudyFigures.startedToday(reviews, now: Self.t0 + 100, utcOffset: 0) == 1)
    }
}
