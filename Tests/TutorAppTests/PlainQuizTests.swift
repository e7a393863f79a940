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
}

@Suite("Plain quiz")
struct PlainQuizTests {
    func question(_ id: String, _ answer: Answer, _ kind: QuestionKind) -> QuizItem {
        QuizItem(Question(id: id, lesson: "t", kind: kind, level: 1, prompt: Localized(ko: "?", en: "Q \(id)"),
                          explain: Localized(ko: "", en: "because"), answer: answer), seed: 1)
    }

    @Test("Answers typed as text are graded by AnswerInput, stored with their time, and q stops")
    func conversation() throws {
        let choices = [Choice(text: Localized(ko: "a", en: "a"), correct: false), Choice(text: Localized(ko: "b", en: "b"), correct: true)]
        var quiz = PlainQuiz(session: QuizSession(mode: .lesson("t"), items: [question("t/tf", .trueFalse(true), .truefalse),
                                                                            question("t/c", .choices(choices), .choice),
                                                                            question("t/x", .trueFalse(false), .truefalse)]), language: .en)
        let script = Script(["yes", " 2 ", "q"])
        try quiz.run(script)
        #expect(script.recorded.map(\.questionID) == ["t/tf", "t/c"])
        #expect(script.recorded.map(\.response) == ["true", "2"] && script.recorded.allSatisfy(\.correct))
        #expect(script.recorded[0].durationMS == 5000 && script.recorded[0].source == "quiz")
        #expect(script.said.contains("Next review: in 10 min") && script.said.contains("  2) b"))
        #expect(script.said.suffix(3) == ["Stopping.", "", "Done: 2 of 2 correct."])
    }

    @Test("Nothing to ask says so")
    func empty() throws {
        var quiz = PlainQuiz(session: QuizSession(mode: .review, items: []), language: .ko)
        let script = Script([])
        try quiz.run(script)
        #expect(script.said == [PlainQuiz.nothingToDo(.ko)])
    }
}
