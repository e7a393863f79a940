import TutorCore

extension QuizScreen {
    /// The quiz changes keymaps by kind of answer and phase, so its help lists the keys of
    /// now first and then those of the other phases (Tab in a cloze, the rubric's rating keys,
    /// `v` after an answer), each key once: read from the same keymaps the quiz uses.
    static func helpSections(_ s: State) -> [HelpSection] {
        let now = bindings(s)
        var seen = Set(now.map(signature))
        func unseen(_ keymaps: [[KeyBinding]]) -> [KeyBinding] {
            keymaps.flatMap { $0 }.filter { seen.insert(signature($0)).inserted }
        }
        let answering = unseen([KeyBindings.quizChoice, KeyBindings.quizMulti, KeyBindings.quizTrueFalse, KeyBindings.quizOrder,
                                KeyBindings.quizTyping, KeyBindings.quizCloze, KeyBindings.quizOpenTyping])
        return [HelpSection(title: UIText.quizSection, bindings: now),
                HelpSection(title: UIText.quizAnsweringSection, bindings: answering),
                HelpSection(title: UIText.quizRubricSection, bindings: unseen([KeyBindings.quizRubric])),
                HelpSection(title: UIText.quizFeedbackSection, bindings: unseen([KeyBindings.quizFeedback]))]
    }

    /// Two bindings are the same entry when they take the same keys to the same command.
    private static func signature(_ b: KeyBinding) -> String { "\(b.keys)|\(b.command)|\(b.label.en)" }
}
