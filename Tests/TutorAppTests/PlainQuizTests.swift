import Testing
import TutorCore
import TutorQuiz
@testable import TutorApp

/// A scripted conversation: the answers typed, the lines said, the attempts stored.
final class Script: QuizConversation {
    var answers: [String]
    var said: [String] = []
    var recorded: [Attempt] = []
    var clock = 1000.0
    init(_ answers: [String]) { self.answers = answers }
    func say(_ line: String) { said.append(line) }
    func ask(_ prompt: String) -> String? { said.append(prompt); clock += 5; return answers.isEmpty ? nil : answers.removeFirst() }
    func now() -> Double { clock }
    func record(_ attempt: Attempt) throws -> Card { recorded.append(attempt); return Card(due: attempt.answeredAt + 600) }
    func card(_ questionID: String) -> Card? { nil }
    var saving = SaveState.saved
}

@Suite("Plain quiz")
struct PlainQuizTests {
    func question(_ id: String, _ answer: Answer, _ kind: QuestionKind) -> QuizItem {
        QuizItem(Question(id: id, lesson: "t", kind: kind, level: 1, prompt: Localized(ko: "?", en: "Q \(id)"),
                          explain: Localized(ko: "", en: "because"), answer: answer), seed: 1)
    }

    static let choices = ["a", "b", "c", "d"].map { Choice(text: Localized(ko: $0, en: $0), correct: $0 == "b", why: $0 == "b" ? nil : Localized(ko: "", en: "not \($0)")) }

    @Test("Answers typed as text are graded by AnswerInput, stored with their time, and q stops")
    func conversation() throws {
        let c = question("t/c", .choices(Self.choices), .choice)
        let shownB = c.choiceOrder.firstIndex(of: 1)! + 1
        var quiz = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [question("t/tf", .trueFalse(true), .truefalse), c,
                                                                            question("t/x", .trueFalse(false), .truefalse)]), language: .en)
        let script = Script(["yes", " \(shownB) ", "q"])
        try quiz.run(script)
        #expect(script.recorded.map(\.questionID) == ["t/tf", "t/c"])
        #expect(script.recorded.map(\.response) == ["true", "2"] && script.recorded.allSatisfy(\.correct), "b is recorded as authored option 2")
        #expect(script.recorded[0].durationMS == 5000 && script.recorded[0].source == "quiz")
        #expect(script.said.contains("Next review: in 10 min") && script.said.contains("  \(shownB)) b"))
        #expect(script.said.suffix(3) == ["Stopping.", "", "Done: 2 of 2 correct."])
    }

    @Test("The plain quiz shows the options shuffled, never the authored order, and 1 is not always right")
    func plainShuffles() throws {
        let c = question("t/c", .choices(Self.choices), .choice)
        #expect(c.choiceOrder != [0, 1, 2, 3])
        var quiz = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [c]), language: .en)
        let script = Script(["1"])
        try quiz.run(script)
        let listed = script.said.filter { $0.hasPrefix("  ") && $0.contains(") ") }
        #expect(listed == c.shownChoices.enumerated().map { "  \($0.offset + 1)) \($0.element.text.en)" })
        #expect(script.recorded.first?.response == "\(c.choiceOrder[0] + 1)")
    }

    @Test("The intro says whether answers are saved, saved later or not saved, in both languages")
    func introTellsSaving() throws {
        let c = question("t/c", .choices(Self.choices), .choice)
        for (state, en, ko) in [(SaveState.saved, "answers given are saved", "답한 것은 저장됨"), (.savingLater, "saved later", "나중에 저장됨"),
                                (.notSaved, "answers are not saved", "저장되지 않음")] {
            for language in [Language.en, .ko] {
                var quiz = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [c]), language: language)
                let script = Script([]); script.saving = state
                try quiz.run(script)
                #expect(script.said.first?.contains(language == .en ? en : ko) == true)
            }
        }
    }

    @Test("An out-of-range option (240 of 4) is asked again with a clear message, not graded wrong")
    func outOfRangeAskedAgain() throws {
        let c = question("t/c", .choices(Self.choices), .choice)
        let shownB = c.choiceOrder.firstIndex(of: 1)! + 1
        var quiz = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [c, question("t/tf", .trueFalse(true), .truefalse)]), language: .en)
        let script = Script(["240", "\(shownB)", "maybe", "t"])
        try quiz.run(script)
        #expect(script.said.contains("There is no 240: answer with numbers from 1 to 4 (an empty line skips)."))
        #expect(script.said.contains("Answer t (true) or f (false); an empty line skips."))
        #expect(script.recorded.count == 2 && script.recorded.allSatisfy(\.correct), "each question graded once, on the answer it could take")
        var ko = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [c]), language: .ko)
        let koScript = Script(["9", ""])
        try ko.run(koScript)
        #expect(koScript.said.contains("9번은 없습니다: 1부터 4까지의 번호로 답하세요(빈 줄은 건너뛰기)."))
        #expect(koScript.recorded.first?.response == "", "an empty line skips")
    }

    @Test("Hard is passing in plain mode too: a Hard self-rating counts as correct; each rating's interval is shown first")
    func hardIsPassingInPlainMode() throws {
        let rubric = (1...4).map { Localized(ko: "점\($0)", en: "point \($0)") }
        let o = question("t/o", .open(rubric: rubric, modelAnswer: Localized(ko: "모범", en: "model")), .open)
        var quiz = PlainQuiz(session: QuizSession(mode: .interview, items: [o]), language: .en)
        let script = Script(["my answer", "1 7", "1", "great", "hard"])
        try quiz.run(script)
        #expect(script.said.contains("There is no 7: answer with numbers from 1 to 4 (an empty line skips)."))
        #expect(script.said.contains("Again 1 min · Hard 6 min · Good 10 min · Easy 8 days"))
        #expect(script.said.contains("Answer again, hard, good, easy or 1-4 (Enter takes the suggestion)."))
        #expect(script.recorded.first?.rating == .hard && script.recorded.first?.correct == true)
        #expect(script.said.contains("Hard: counts as remembered.") && script.said.last == "Done: 1 of 1 correct.")
    }

    @Test("Nothing to ask says so")
    func empty() throws {
        var quiz = PlainQuiz(session: QuizSession(mode: .review, items: []), language: .ko)
        let script = Script([])
        try quiz.run(script)
        #expect(script.said == [PlainQuiz.nothingToDo(.ko)])
    }
}
