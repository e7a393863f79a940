import TutorCore

/// Advice on how a question is written, reported by `nettutor check` as warnings (the question
/// still loads): things that let a learner guess without knowing.
public enum QuizLint {
    /// How much longer than the mean of the others the correct choice may be.
    public static let longestRatio = 1.5

    /// The languages in which a choice question's correct option is conspicuously the longest:
    /// longer than every other option and more than `longestRatio` times their mean length, so
    /// "pick the longest" wins. Lengths are in characters (a syllable counts one).
    public static func correctIsLongest(_ choices: [Choice]) -> [(language: Language, ratio: Double)] {
        guard let right = choices.first(where: \.correct) else { return [] }
        let others = choices.filter { !$0.correct }
        guard !others.isEmpty else { return [] }
        return Language.allCases.compactMap { language in
            let length = Double(right.text[language].count)
            let lengths = others.map { Double($0.text[language].count) }
            let mean = lengths.reduce(0, +) / Double(lengths.count)
            guard length > lengths.max()!, mean > 0, length > longestRatio * mean else { return nil }
            return (language, length / mean)
        }
    }

    static func warning(_ flagged: [(language: Language, ratio: Double)], question: String) -> String {
        let which = flagged.map { "\($0.language.rawValue) \(($0.ratio * 10).rounded(.down) / 10)x" }.joined(separator: ", ")
        return "\(question): the correct choice is conspicuously the longest (\(which) the others' mean length); shorten it or lengthen the others"
    }
}
