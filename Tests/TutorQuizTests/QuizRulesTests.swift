import Testing
import TutorCore
@testable import TutorQuiz

private func choiceQuestion(_ id: String = "t/c", options: Int = 4) -> Question {
    let choices = (0..<options).map { i in
        Choice(text: Localized(ko: "보기\(i)", en: "option \(i)"), correct: i == 0, why: i == 0 ? nil : Localized(ko: "왜\(i)", en: "why \(i)"))
    }
    return Question(id: id, lesson: "t", kind: .choice, level: 1, prompt: Localized(ko: "?", en: "?"),
                    explain: Localized(ko: "", en: ""), answer: .choices(choices))
}

@Suite("Choice shuffle")
struct ChoiceShuffleTests {
    @Test("The same seed gives the same order; the order is a permutation of the options")
    func sameSeedSameOrder() {
        for seed in UInt64(0)..<50 {
            let shown = AnswerInput.shownChoices(count: 4, seed: seed)
            #expect(shown == AnswerInput.shownChoices(count: 4, seed: seed))
            #expect(shown.sorted() == [0, 1, 2, 3])
        }
        let q = choiceQuestion()
        #expect(QuizItem(q, seed: 1, presentation: 1234).choiceOrder == QuizItem(q, seed: 99, presentation: 1234).choiceOrder,
                "the order depends on the card, not the generator's seed")
    }

    @Test("The authored order is never shown, so it is never shown twice in a row for a card")
    func authoredOrderNeverTwiceInARow() {
        for n in 3...8 {
            for seed in UInt64(0)..<300 { #expect(AnswerInput.shownChoices(count: n, seed: seed) != Array(0..<n), "n=\(n) seed=\(seed)") }
        }
        // A card reviewed again and again: each presentation (a new last-review time) reshuffles.
        let q = choiceQuestion()
        var previous: [Int]?, repeats = 0
        for k in 0..<200 {
            let order = QuizItem(q, seed: 0, presentation: 1_767_225_600 + Double(k) * 86_400 * 1.7).choiceOrder
            #expect(order != [0, 1, 2, 3])
            if order == previous { repeats += 1 }
            previous = order
        }
        #expect(repeats < 30, "consecutive presentations mostly differ (\(repeats) repeats of 200)")
    }

    @Test("Over many presentations the correct answer is at every position about equally often")
    func correctPositionDistributed() {
        let q = choiceQuestion()
        var at = [0, 0, 0, 0]
        for k in 0..<2000 {
            let item = QuizItem(q, seed: 0, presentation: 1_000_000 + Double(k) * 613)
            at[item.choiceOrder.firstIndex(of: 0)!] += 1
        }
        for count in at { #expect((350...650).contains(count), "\(at)") }
    }

    @Test("Each option keeps its why, and the response names the option as authored")
    func whyFollowsItsOption() {
        let q = choiceQuestion()
        let item = QuizItem(q, seed: 0, presentation: 42)
        guard case .choices(let authored) = q.answer else { return }
        for (position, choice) in item.shownChoices.enumerated() {
            #expect(choice == authored[item.choiceOrder[position]])
            let typed = AnswerInput.choices(typed: "\(position + 1)", multi: false, shown: item.choiceOrder)
            guard case .success(let response) = typed else { Issue.record("\(typed)"); continue }
            #expect(response == .choice(item.choiceOrder[position]) && response.recordText == "\(item.choiceOrder[position] + 1)")
            let grade = Grader.grade(q, response)
            #expect(grade.correct == choice.correct)
            if let why = choice.why { #expect(grade.feedback.contains(why)) }
        }
    }
}

@Suite("Units")
struct UnitTests {
    @Test("4분 answers a question in seconds: minutes convert to 240 s, in either language")
    func minutesToSeconds() {
        let q = Question(id: "t/n", lesson: "t", kind: .numeric, level: 1, prompt: Localized(ko: "?", en: "?"),
                         explain: Localized(ko: "", en: ""), answer: .numeric(answer: 240, tolerance: 0, unit: "s"))
        for typed in ["4분", "4 분", "4 min", "4 minutes", "240", "240 s", "240초", "4분 0초", "3분 60초", "240000 ms"] {
            #expect(Grader.grade(q, .text(typed)).correct, "\(typed)")
        }
        #expect(Units.convert(4, from: "분", to: "s") == 240)
        #expect(!Grader.grade(q, .text("4")).correct, "a bare 4 is 4 seconds")
        #expect(!Grader.grade(q, .text("4 h")).correct)
        #expect(Grader.grade(q, .text("4 KB")).feedback.contains { $0.en == "Wrong unit: the answer is in s, not KB." })
    }

    @Test("1.5 KB is 1500 bytes (decimal, as docs/CONTENT.md says); 1.5 KiB is 1536")
    func kilobytes() {
        #expect(Units.convert(1.5, from: "KB", to: "byte") == 1500)
        #expect(Units.convert(1.5, from: "KiB", to: "byte") == 1536)
        #expect(Units.convert(2, from: "MB", to: "KB") == 2000)
        #expect(Units.convert(8000, from: "bits", to: "B") == 1000)
        #expect(Units.convert(1, from: "Mbps", to: "byte/s") == 125_000)
        #expect(Units.convert(3, from: "KB/s", to: "byte/s") == 3000)
        #expect(Units.convert(1, from: "ms", to: "byte") == nil)
        let q = Question(id: "t/b", lesson: "t", kind: .numeric, level: 1, prompt: Localized(ko: "?", en: "?"),
                         explain: Localized(ko: "", en: ""), answer: .numeric(answer: 1500, tolerance: 0, unit: "byte"))
        for typed in ["1.5 KB", "1.5KB", "1,500 bytes", "1500바이트", "1.5 킬로바이트", "12000 bits"] { #expect(Grader.grade(q, .text(typed)).correct, "\(typed)") }
        #expect(!Grader.grade(q, .text("1.5 KiB")).correct)
        let converted = Grader.grade(q, .text("1.5 KB"))
        #expect(converted.feedback.contains { $0.en == "1.5 KB = 1500 byte" }, "the conversion is shown")
    }

    @Test("Units of counted things only match their spellings")
    func counts() {
        #expect(Units.convert(3, from: "segments", to: "MSS") == 3)
        #expect(Units.convert(3, from: "RTTs", to: "RTT") == 3)
        #expect(Units.convert(3, from: "packets", to: "byte") == nil)
        #expect(Units.convert(3, from: "apples", to: "apples") == 3)
    }
}

@Suite("Passing")
struct PassingTests {
    @Test("Hard is passing everywhere: a Hard self-rating is a right answer, Again a wrong one")
    func hardIsPassing() {
        #expect(Rating.hard.passes && Rating.good.passes && Rating.easy.passes && !Rating.again.passes)
        let rubric = (0..<4).map { Localized(ko: "점\($0)", en: "point \($0)") }
        let q = Question(id: "t/o", lesson: "t", kind: .open, level: 1, prompt: Localized(ko: "?", en: "?"),
                         explain: Localized(ko: "", en: ""), answer: .open(rubric: rubric, modelAnswer: Localized(ko: "", en: "")))
        let hard = Grader.grade(q, .open(text: "x", covered: [0], rating: .hard))
        #expect(hard.correct && hard.feedback.first?.en == "Hard: counts as remembered.")
        let suggestedHard = Grader.grade(q, .open(text: "x", covered: [0], rating: nil))
        #expect(suggestedHard.rating == .hard && suggestedHard.correct, "the suggestion passes too")
        let again = Grader.grade(q, .open(text: "x", covered: [0, 1, 2, 3], rating: .again))
        #expect(!again.correct, "covering every point but rating Again is a wrong answer")
        // A typo forgiven is Hard, and right; partial credit is Again, and wrong.
        let short = Question(id: "t/s", lesson: "t", kind: .short, level: 1, prompt: Localized(ko: "?", en: "?"),
                             explain: Localized(ko: "", en: ""), answer: .short(accept: LocalizedList(ko: [], en: ["congestion window"])))
        let typo = Grader.grade(short, .text("congestoin window"))
        #expect(typo.rating == .hard && typo.correct)
        let session = QuizSession(mode: .lesson("t"), items: [QuizItem(q, seed: 0)])
        var s = session
        _ = s.answer(.open(text: "x", covered: [0], rating: .hard))
        #expect(s.correctCount == 1, "the plain quiz's and the summary's count")
    }

    @Test("The dashboard counts an answer right by its rating (one rule), even one stored as not correct")
    func dashboardUsesTheRule() {
        let q = choiceQuestion()
        func attempt(_ rating: Rating, correct: Bool) -> Attempt {
            Attempt(questionID: q.id, lesson: "t", kind: "open", answeredAt: 1000, correct: correct, score: 0.25,
                    rating: rating, durationMS: 1000, response: "", source: "interview")
        }
        let d = Dashboard.compute(questions: [q], lessonTopics: ["t": "transport"], topicOrder: ["transport"], readLessons: [], cards: [:],
                                  attempts: [attempt(.hard, correct: false), attempt(.again, correct: false)], reviews: [], now: 2000)
        #expect(d.accuracyByWeek.last == 0.5)
    }
}

@Suite("Scheduling you can see")
struct SchedulingPreviewTests {
    @Test("The interval of each rating key is what answering with it schedules")
    func intervalPerRatingKey() {
        let fsrs = FSRS()
        let t = 1_767_225_600.0
        let fresh = Scheduling.intervals(nil, at: t, fsrs: fsrs)
        #expect(fresh[.again] == 60 && fresh[.hard] == 330 && fresh[.good] == 600, "the learning steps: 1 min, (1+10)/2 min, 10 min")
        #expect(fresh[.easy]! >= 86_400)
        let card = Scheduling.next(Scheduling.next(nil, rating: .good, at: t, fsrs: fsrs), rating: .good, at: t + 600, fsrs: fsrs)
        let later = t + 5 * 86_400
        let intervals = Scheduling.intervals(card, at: later, fsrs: fsrs)
        for r in Rating.allCases { #expect(intervals[r] == Scheduling.next(card, rating: r, at: later, fsrs: fsrs).due - later) }
        #expect(intervals[.again]! < intervals[.hard]! && intervals[.hard]! <= intervals[.good]! && intervals[.good]! < intervals[.easy]!)
    }

    @Test("New cards come in curriculum order, from lessons already read first, not alphabetically")
    func newCardOrder() {
        func question(_ id: String) -> Question {
            Question(id: id, lesson: String(id.split(separator: "/")[0]), kind: .truefalse, level: 1, prompt: Localized(ko: "?", en: "?"),
                     explain: Localized(ko: "", en: ""), answer: .trueFalse(true))
        }
        // Banks load alphabetically: blocking-async first.
        let questions = ["blocking-async/1", "blocking-async/2", "network-layers/1", "network-layers/2", "tcp-handshake/1", "tcp-handshake/2"].map(question)
        let curriculum = ["network-layers", "tcp-handshake", "blocking-async"]
        let none = QuizSession.review(questions, cards: [:], now: 0, newPerDay: 3, day: 0, lessonOrder: curriculum)
        #expect(none.items.map(\.question.id) == ["network-layers/1", "network-layers/2", "tcp-handshake/1"])
        let read = QuizSession.review(questions, cards: [:], now: 0, newPerDay: 4, day: 0, lessonOrder: curriculum, readLessons: ["tcp-handshake"])
        #expect(read.items.map(\.question.id) == ["tcp-handshake/1", "tcp-handshake/2", "network-layers/1", "network-layers/2"])
        let planned = try? SessionPlanner.plan(.review(lesson: nil), banks: [QuizBank(lesson: "all", questions: questions)], cards: [:], newStartedToday: 0,
                                               newPerDay: 2, now: 0, utcOffset: 0, lessonOrder: curriculum, readLessons: ["blocking-async"])
        #expect(planned?.items.map(\.question.id) == ["blocking-async/1", "blocking-async/2"])
    }
}
