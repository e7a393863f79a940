import Testing
import TutorCore
@testable import TutorQuiz

private func question(_ id: String, _ kind: QuestionKind = .truefalse) -> Question {
    Question(id: id, lesson: String(id.split(separator: "/")[0]), kind: kind, level: 1, prompt: Localized(ko: "?", en: "?"),
             explain: Localized(ko: "", en: ""), answer: kind == .open ? .open(rubric: [], modelAnswer: Localized(ko: "", en: "")) : .trueFalse(true))
}

@Suite("Session planner")
struct SessionPlannerTests {
    let banks = [QuizBank(lesson: "tcp", questions: (1...4).map { question("tcp/\($0)") }),
                 QuizBank(lesson: "udp", questions: [question("udp/1"), question("udp/open", .open)])]
    let now = 10 * 86_400 + 3600.0  // day 10, 01:00 UTC

    @Test("A lesson's quiz is its questions in file order; an unknown lesson names the close ones")
    func lesson() throws {
        let s = try SessionPlanner.plan(.lesson("tcp"), banks: banks, cards: [:], newStartedToday: 0, newPerDay: 10, now: now, utcOffset: 0)
        #expect(s.items.map(\.question.id) == ["tcp/1", "tcp/2", "tcp/3", "tcp/4"])
        #expect(throws: SessionPlanner.PlanError.noQuiz(lesson: "tpc", close: ["tcp", "udp"], all: ["tcp", "udp"])) {
            try SessionPlanner.plan(.lesson("tpc"), banks: banks, cards: [:], newStartedToday: 0, newPerDay: 10, now: now, utcOffset: 0)
        }
        #expect(SessionPlanner.PlanError.noQuiz(lesson: "x", close: [], all: ["tcp"]).description == "no quiz for 'x'; lessons with quizzes: tcp")
    }

    @Test("Reviews: due cards first (most overdue first), then new questions up to what is left of today's allowance")
    func review() throws {
        let cards = ["tcp/3": Card(due: now - 50), "tcp/1": Card(due: now - 100), "tcp/2": Card(due: now + 100)]
        let s = try SessionPlanner.plan(.review(lesson: nil), banks: banks, cards: cards, newStartedToday: 1, newPerDay: 3, now: now, utcOffset: 0)
        #expect(s.items.map(\.question.id) == ["tcp/1", "tcp/3", "tcp/4", "udp/1"])
        let one = try SessionPlanner.plan(.review(lesson: "udp"), banks: banks, cards: cards, newStartedToday: 0, newPerDay: 10, now: now, utcOffset: 0)
        #expect(one.items.map(\.question.id) == ["udp/1", "udp/open"])
        #expect(throws: SessionPlanner.PlanError.newPerDayOutOfRange) {
            try SessionPlanner.plan(.review(lesson: nil), banks: banks, cards: [:], newStartedToday: 0, newPerDay: 501, now: now, utcOffset: 0)
        }
    }

    @Test("Interview: open questions only, 1 to 50 of them")
    func interview() throws {
        let s = try SessionPlanner.plan(.interview(count: 5), banks: banks, cards: [:], newStartedToday: 0, newPerDay: 10, now: now, utcOffset: 0)
        #expect(s.items.map(\.question.id) == ["udp/open"] && s.mode == .interview)
        #expect(throws: SessionPlanner.PlanError.countOutOfRange) {
            try SessionPlanner.plan(.interview(count: 0), banks: banks, cards: [:], newStartedToday: 0, newPerDay: 10, now: now, utcOffset: 0)
        }
    }

    @Test("The day starts at local midnight: a UTC offset moves it")
    func day() {
        #expect(SessionPlanner.day(now, utcOffset: 0) == 10)
        #expect(SessionPlanner.day(now, utcOffset: -7200) == 9, "01:00 UTC is 23:00 the day before at UTC-2")
        #expect(SessionPlanner.startOfDay(now, utcOffset: 9 * 3600) == 10 * 86_400 - 9 * 3600)
    }

    @Test("The retention clamp: FSRS gets 0.7...0.99 whatever is stored; nothing stored is 0.9")
    func retention() {
        #expect(SessionPlanner.scheduler(desiredRetention: 0.5).desiredRetention == 0.7)
        #expect(SessionPlanner.scheduler(desiredRetention: 1.5).desiredRetention == 0.99)
        #expect(SessionPlanner.scheduler(desiredRetention: 0.8).desiredRetention == 0.8)
        #expect(SessionPlanner.scheduler(desiredRetention: nil).desiredRetention == 0.9)
    }
}

@Suite("Answer input")
struct AnswerInputTests {
    @Test("Typed numbers are the shown 1-based options, answered as authored; none is a skip; choice takes the first")
    func choices() {
        let identity = [0, 1, 2, 3]
        #expect(AnswerInput.choices(typed: "2", multi: false, shown: identity) == .success(.choice(1)))
        #expect(AnswerInput.choices(typed: " 3, 1 ", multi: true, shown: identity) == .success(.multi([0, 2])))
        #expect(AnswerInput.choices(typed: "3 1", multi: false, shown: identity) == .success(.choice(2)))
        #expect(AnswerInput.choices(typed: "", multi: true, shown: identity) == .success(.skipped))
        // Shown 1 is authored option 3.
        #expect(AnswerInput.choices(typed: "1", multi: false, shown: [2, 0, 3, 1]) == .success(.choice(2)))
        #expect(AnswerInput.choices(typed: "1 4", multi: true, shown: [2, 0, 3, 1]) == .success(.multi([2, 1])))
    }

    @Test("Out-of-range numbers are a problem to ask again about, not an answer")
    func outOfRangeIsAskedAgain() {
        #expect(AnswerInput.choices(typed: "240", multi: false, shown: [0, 1, 2, 3]) == .failure(.noSuchNumber(240, count: 4)))
        #expect(AnswerInput.choices(typed: "1 5", multi: true, shown: [0, 1, 2, 3]) == .failure(.noSuchNumber(5, count: 4)))
        #expect(AnswerInput.order(typed: "9", shown: [2, 0, 1]) == .failure(.noSuchNumber(9, count: 3)))
        #expect(AnswerInput.points(typed: "1 3 9", count: 3) == .failure(.noSuchNumber(9, count: 3)))
        #expect(AnswerInput.trueFalse(typed: "maybe") == .failure(.notTrueOrFalse))
        #expect(AnswerInput.rating(typed: "great") == .failure(.notARating))
    }

    @Test("True or false in either language; blank is a skip")
    func trueFalse() {
        #expect(AnswerInput.trueFalse(typed: " Yes ") == .success(.trueFalse(true)))
        #expect(AnswerInput.trueFalse(typed: "참") == .success(.trueFalse(true)))
        #expect(AnswerInput.trueFalse(typed: "아니오") == .success(.trueFalse(false)))
        #expect(AnswerInput.trueFalse(typed: " ") == .success(.skipped))
    }

    @Test("Blank text and all-blank cloze answers are skips; text is kept as typed")
    func text() {
        #expect(AnswerInput.text("  ") == .skipped)
        #expect(AnswerInput.text(" 1001 ") == .text(" 1001 "))
        #expect(AnswerInput.blanks(["", " "]) == .skipped)
        #expect(AnswerInput.blanks(["flow", ""]) == .blanks(["flow", ""]))
    }

    @Test("Order: shown shuffled by the seed and never already right; typed as the shown numbers")
    func order() {
        let shown = AnswerInput.shownOrder(count: 4, seed: 7)
        #expect(shown.sorted() == [0, 1, 2, 3] && shown != [0, 1, 2, 3])
        #expect(AnswerInput.shownOrder(count: 4, seed: 7) == shown, "the same seed, the same order")
        #expect(AnswerInput.shownOrder(count: 1, seed: 7) == [0])
        let right = (0..<4).map { k in shown.firstIndex(of: k)! + 1 }.map(String.init).joined(separator: " ")
        #expect(AnswerInput.order(typed: right, shown: shown) == .success(.order([0, 1, 2, 3])))
        #expect(AnswerInput.order(typed: "", shown: shown) == .success(.skipped))
    }

    @Test("Open: covered points in range; a rating by name or number, in either language; blank takes the suggestion")
    func open() {
        #expect(AnswerInput.points(typed: "1 3", count: 3) == .success([0, 2]))
        #expect(AnswerInput.rating(typed: "Good") == .success(.good) && AnswerInput.rating(typed: "4") == .success(.easy))
        #expect(AnswerInput.rating(typed: "다시") == .success(.again))
        #expect(AnswerInput.rating(typed: "") == .success(nil))
    }
}
