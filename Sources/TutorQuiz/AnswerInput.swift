import NetSim
import TutorCore

/// How what a learner typed or picked becomes a `Response`, per kind: one set of rules for the
/// TUI quiz and `nettutor quiz --plain`. Option, item and point numbers are typed 1-based.
public enum AnswerInput {
    /// The numbers in typed text ("1 3", "2,4"), 0-based.
    public static func numbers(_ typed: String) -> [Int] {
        typed.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.map { $0 - 1 }
    }

    /// short, numeric, generated: blank text is a skip.
    public static func text(_ typed: String) -> Response {
        typed.trimmingSpaces().isEmpty ? .skipped : .text(typed)
    }

    /// cloze: one text per blank; all blank is a skip.
    public static func blanks(_ typed: [String]) -> Response {
        typed.allSatisfy { $0.trimmingSpaces().isEmpty } ? .skipped : .blanks(typed)
    }

    /// What typed text cannot be taken as: the plain quiz asks again instead of grading it.
    public enum Problem: Error, Sendable, Equatable {
        /// A number with no option, item or point (`240` of 4); `count` is how many there are.
        case noSuchNumber(Int, count: Int)
        case notTrueOrFalse
        case notARating
    }

    /// choice and multi, typed as the numbers shown (choice takes the first); `shown` is the
    /// authored index at each shown position, so the response names options as authored.
    public static func choices(typed: String, multi: Bool, shown: [Int]) -> Result<Response, Problem> {
        let picked = numbers(typed)
        if let bad = picked.first(where: { !shown.indices.contains($0) }) { return .failure(.noSuchNumber(bad + 1, count: shown.count)) }
        guard let first = picked.first else { return .success(.skipped) }
        return .success(multi ? .multi(Set(picked.map { shown[$0] })) : .choice(shown[first]))
    }

    /// The order a choice or multi question's options are shown in (the authored index at each
    /// position), for one presentation: seeded, so a test can replay it, and never the authored
    /// order when there are three options or more (so "the answer is option 1" never holds).
    public static func shownChoices(count: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        let authored = Array(0..<count)
        var shown = authored.shuffled(using: &rng)
        // A few more draws; the last resort rotates, which is never the authored order.
        for _ in 0..<8 where shown == authored && count > 2 { shown = authored.shuffled(using: &rng) }
        if shown == authored && count > 2 { shown = Array(authored[1...] + authored[..<1]) }
        return shown
    }

    /// truefalse, typed as a word in either language; blank is a skip, anything else a problem.
    public static func trueFalse(typed: String) -> Result<Response, Problem> {
        let word = typed.trimmingSpaces().lowercased()
        if word.isEmpty { return .success(.skipped) }
        if ["t", "true", "참", "o", "y", "yes", "예"].contains(word) { return .success(.trueFalse(true)) }
        if ["f", "false", "거짓", "x", "n", "no", "아니오"].contains(word) { return .success(.trueFalse(false)) }
        return .failure(.notTrueOrFalse)
    }

    /// The order an order question's items are shown in (indices of the right order): shuffled
    /// by the item's seed, never already right.
    public static func shownOrder(count: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        var shown = Array(0..<count)
        while shown == Array(0..<count) && count > 1 { shown.shuffle(using: &rng) }
        return shown
    }

    /// order, typed as the shown numbers in the right order.
    public static func order(typed: String, shown: [Int]) -> Result<Response, Problem> {
        let picks = numbers(typed)
        if let bad = picks.first(where: { !shown.indices.contains($0) }) { return .failure(.noSuchNumber(bad + 1, count: shown.count)) }
        return .success(picks.isEmpty ? .skipped : .order(picks.map { shown[$0] }))
    }

    /// open: the rubric points typed as numbers.
    public static func points(typed: String, count: Int) -> Result<Set<Int>, Problem> {
        let picks = numbers(typed)
        if let bad = picks.first(where: { !(0..<count).contains($0) }) { return .failure(.noSuchNumber(bad + 1, count: count)) }
        return .success(Set(picks))
    }

    /// open: a rating typed as a name or 1-4, in either language; blank (nil) takes the suggestion.
    public static func rating(typed: String) -> Result<Rating?, Problem> {
        let names: [String: Rating] = ["again": .again, "1": .again, "hard": .hard, "2": .hard, "good": .good, "3": .good, "easy": .easy, "4": .easy,
                                       "다시": .again, "어려움": .hard, "좋음": .good, "쉬움": .easy]
        let word = typed.trimmingSpaces().lowercased()
        if word.isEmpty { return .success(nil) }
        return names[word].map { .success($0) } ?? .failure(.notARating)
    }
}
