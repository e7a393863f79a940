import Testing
import TutorCore
import TutorQuiz
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Issue 15: the quiz footer says where the answers are, never "saved" when they are not.
@Suite("Quiz footer tells the truth about saving")
struct SaveStateTests {
    @Test("saved, saving later, not saved: the stop key's label follows the shell, in both languages", arguments: [Language.en, .ko])
    func footer(language: Language) {
        var h = quizHarness(language: language)
        func stopLabel() -> String? { QuizScreen.bindings(h.quiz).first { $0.command == .back }?.label[language] }
        #expect(stopLabel() == KeyBindings.stopLabel(.saved)[language])
        h.send(.saveStateChanged(.savingLater))
        #expect(stopLabel() == (language == .ko ? "그만두기(나중에 저장)" : "stop (saving later)"))
        h.send(.saveStateChanged(.notSaved))
        #expect(stopLabel() == (language == .ko ? "그만두기(저장 안 됨)" : "stop (answers not saved)"))
        #expect(!stopLabel()!.contains(language == .ko ? "저장됨" : "are saved"))
    }

    @Test("A TUI started without a usable store shows not saved in the quiz from the first question")
    func startNotSaving() {
        var s = StartUp(catalog: LessonCatalog(Fixtures.all.map(\.meta)), language: .en, size: Size(width: 80, height: 24),
                        screen: .quiz(QuizSession(mode: .lesson("udp"), items: QuizFixtures.bank.questions.prefix(1).map { QuizItem($0, seed: 1) }), title: "Quiz"))
        s.notSaving = true
        let state = AppState(start: s)
        #expect(QuizScreen.bindings(state.quiz!).first { $0.command == .back }?.label.en == "stop (answers not saved)")
    }
}
