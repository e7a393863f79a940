import Testing
import TutorCore
import TutorQuiz
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Answering as the user meets it: nothing is chosen until the learner chooses, options are
/// where the shuffle put them, and the card's return is shown.
@Suite("Quiz answering")
struct QuizAnsweringTests {
    @Test("Enter without choosing scores nothing: it submits nothing and asks to choose, for choice, multi and true/false")
    func enterWithoutChoosingScoresNothing() {
        var h = quizHarness()
        #expect(h.currentKind == .choice)
        #expect(!h.screenText.contains("(•)"), "no option starts chosen")
        h.press("enter")
        #expect(h.quiz.phase == .answering && h.recorded.isEmpty && h.quiz.session.grades.isEmpty)
        #expect(h.frame().rowText(23).contains("Choose an answer first"))
        h.press("1")                                     // answer it, then reach the multi question
        h.press("enter")
        #expect(h.currentKind == .multi)
        h.press("enter")
        #expect(h.quiz.phase == .answering && h.recorded.count == 1 && h.frame().rowText(23).contains("Choose first"))
        h.press("1", "enter", "enter")
        #expect(h.currentKind == .truefalse)
        h.press("enter")
        #expect(h.quiz.phase == .answering && h.recorded.count == 2 && h.frame().rowText(23).contains("t for true"))
    }

    @Test("↓ chooses the first shown option, Enter submits it; the record names the option as authored")
    func chooseThenEnter() {
        var h = quizHarness()
        let order = h.quiz.item!.choiceOrder
        #expect(order != [0, 1, 2], "the fixture's card is shown shuffled")
        h.press("down")
        #expect(h.quiz.selection == 0 && h.screenText.contains("(•) 1."))
        h.press("enter")
        #expect(h.recorded.first?.response == "\(order[0] + 1)")
        #expect(h.quiz.grade?.correct == (order[0] == 0))
    }

    @Test("Options are drawn in their shuffled order, and each option's why follows it to the feedback")
    func whyFollowsItsOption() {
        for authored in [1, 2] {
            var h = quizHarness()
            let item = h.quiz.item!
            for (i, c) in item.shownChoices.enumerated() { #expect(h.screenText.contains("( ) \(i + 1). \(c.text.en)")) }
            h.press(h.key(ofAuthored: authored))
            guard case .choices(let choices) = item.question.answer else { return }
            #expect(h.screenText.contains(choices[authored].why!.en), "the why of the option chosen, wherever it was shown")
            #expect(h.recorded.last?.response == "\(authored + 1)")
        }
    }

    @Test("A new card shows it comes back in 10 minutes after Good, and a wrong answer in a minute")
    func nextReviewShown() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 0))
        #expect(h.quiz.returnsIn == 600 && h.screenText.contains("Next review: in 10 min"))
        #expect(h.state.cards["udp/choice"].map { $0.due - h.state.now } == 600, "the shell scheduled the same")
        h.press("enter")
        h.press("3", "enter")                            // multi: a wrong pick
        #expect(h.screenText.contains("Next review: in 1 min"))
    }

    @Test("Korean: the answer's return is said in Korean")
    func nextReviewKorean() {
        var h = quizHarness(language: .ko)
        h.press(h.key(ofAuthored: 0))
        #expect(h.screenText.contains("다음 복습: 10분 뒤"))
    }
}
