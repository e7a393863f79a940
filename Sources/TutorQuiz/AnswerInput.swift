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

    /// choice and multi, typed as option numbers (choice takes the first).
    public static func choices(typed: String, multi: Bool) -> Response {
        let picked = numbers(typed)
        guard let first = picked.first else { return .skipped }
        return multi ? .multi(Set(picked)) : .choice(first)
    }

    /// truefalse, typed as a word in either language; anything else is a skip.
    public static func trueFalse(typed: String) -> Response {
        let word = typed.trimmingSpaces().lowercased()
        if ["t", "true", "참", "o", "y", "yes", "예"].contains(word) { return .trueFalse(true) }
        if ["f", "false", "거짓", "x", "n", "no", "아니오"].contains(word) { return .trueFalse(false) }
        return .skipped
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
    public static func order(typed: String, shown: [Int]) -> Response {
        let picks = numbers(typed).filter { shown.indices.contains($0) }
        return picks.isEmpty ? .skipped : .order(picks.map { shown[$0] })
    }

    /// open: the rubric points typed as numbers (out-of-range numbers are ignored).
    public static func points(typed: String, count: Int) -> Set<Int> {
        Set(numbers(typed).filter { (0..<count).contains($0) })
    }

    /// open: a rating typed as a name or 1-4, in either language; nil takes the suggestion.
    public static func rating(typed: String) -> Rating? {
        let names: [String: Rating] = ["again": .again, "1": .again, "hard": .hard, "2": .hard, "good": .good, "3": .good, "easy": .easy, "4": .easy,
                                       "다시": .again, "어려움": .hard, "좋음": .good, "쉬움": .easy]
        return names[typed.trimmingSpaces().lowercased()]
    }
}
