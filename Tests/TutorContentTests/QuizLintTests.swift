import Foundation
import Testing
import TutorCore
@testable import TutorContent

@Suite("Quiz lint")
struct QuizLintTests {
    static func yaml(_ right: String, _ others: [String]) -> String {
        """
        lesson: t
        questions:
          - id: t/long
            kind: choice
            level: 1
            prompt: {ko: "p", en: "p"}
            choices:
              - {text: {ko: "\(right)", en: "\(right)"}, correct: true}
        \(others.map { "      - {text: {ko: \"\($0)\", en: \"\($0)\"}, why: {ko: w, en: w}}" }.joined(separator: "\n"))
            explain: {ko: e, en: e}
        """
    }

    @Test("check warns when the correct choice is conspicuously the longest; the question still loads")
    func correctIsLongestWarns() throws {
        let r = parseQuiz(Self.yaml("The side that sent the first FIN, the active closer", ["Always the client", "The passive closer", "Both sides"]))
        #expect(r.diagnostics.map(\.description) == [
            "Quizzes/t.yaml:8: warning: question 't/long': the correct choice is conspicuously the longest (ko 3.4x, en 3.4x the others' mean length); shorten it or lengthen the others",
        ])
        #expect(try #require(r.bank).questions.count == 1, "a warning does not drop the question")
    }

    @Test("No warning when the options are of like length, or a wrong one is longest")
    func likeLengthsPass() {
        #expect(parseQuiz(Self.yaml("The active closer", ["The passive closer", "Always the client", "Both sides"])).diagnostics.isEmpty)
        #expect(parseQuiz(Self.yaml("Client", ["A very long and plausible wrong answer", "Server"])).diagnostics.isEmpty)
        // Longest, but not by 1.5 times the mean.
        #expect(QuizLint.correctIsLongest([Choice(text: Localized(ko: "abcdefgh", en: "abcdefgh"), correct: true),
                                          Choice(text: Localized(ko: "abcdefg", en: "abcdefg"), correct: false)]).isEmpty)
    }
}
