import TutorCore

/// What the learner answered, by kind.
public enum Response: Sendable, Hashable {
    /// choice: the index of the chosen option (in the question's order).
    case choice(Int)
    case multi(Set<Int>)
    case trueFalse(Bool)
    /// short, numeric and generated: the typed text.
    case text(String)
    /// cloze: one text per blank.
    case blanks([String])
    /// order: the items as the learner arranged them, as indices of the correct order.
    case order([Int])
    /// open: the typed answer, the rubric points the learner says it covers, and the rating
    /// chosen (nil: take the suggestion).
    case open(text: String, covered: Set<Int>, rating: Rating?)
    case skipped
}

extension Response {
    /// The answer as text, for the record (1-based option and item numbers).
    public var recordText: String {
        switch self {
        case .choice(let i): "\(i + 1)"
        case .multi(let set): set.sorted().map { "\($0 + 1)" }.joined(separator: ",")
        case .trueFalse(let b): b ? "true" : "false"
        case .text(let t): t
        case .blanks(let b): b.joined(separator: " | ")
        case .order(let o): o.map { "\($0 + 1)" }.joined(separator: ",")
        case .open(let t, let covered, _): "\(t) [covered \(covered.sorted().map { "\($0 + 1)" }.joined(separator: ","))]"
        case .skipped: ""
        }
    }
}

/// The one rule for right and wrong, everywhere (quiz screen, plain quiz, dashboard): a rating
/// FSRS counts as remembered (Hard, Good, Easy) is a right answer; Again is a wrong one.
extension Rating {
    public var passes: Bool { self != .again }
}

extension Attempt {
    /// Whether this answer counts as right (its rating passes), whatever older versions stored.
    public var passed: Bool { rating.passes }
}

public struct Grade: Sendable, Hashable {
    /// Right when the rating passes (`Rating.passes`): the verdict and the schedule never disagree.
    public var correct: Bool { rating.passes }
    /// 0...1 (partial credit for multi, order, cloze, open).
    public var score: Double
    /// Almost right (a small typo was forgiven).
    public var close: Bool
    /// The rating for the scheduler: the learner may override it for open questions.
    public var rating: Rating
    /// One line on the verdict, then details (why an option is wrong, which positions were right).
    public var feedback: [Localized]

    public init(score: Double, close: Bool, rating: Rating, feedback: [Localized]) {
        self.score = score; self.close = close; self.rating = rating; self.feedback = feedback
    }
}

public enum Grader {
    public static func grade(_ q: Question, _ response: Response, generated: GeneratedQuestion? = nil) -> Grade {
        if case .skipped = response {
            return Grade(score: 0, close: false, rating: .again, feedback: [Localized(ko: "건너뛰었습니다.", en: "Skipped.")])
        }
        switch (q.answer, response) {
        case (.choices(let choices), .choice(let i)) where q.kind == .choice:
            guard choices.indices.contains(i) else { return wrong([Localized(ko: "없는 보기입니다.", en: "No such option.")]) }
            if choices[i].correct { return right() }
            var fb = [verdictWrong]
            if let why = choices[i].why { fb.append(why) }
            if let c = choices.first(where: \.correct) { fb.append(Localized(ko: "정답: \(c.text.ko)", en: "Answer: \(c.text.en)")) }
            return wrong(fb)
        case (.choices(let choices), .multi(let chosen)):
            return gradeMulti(choices, chosen)
        case (.choices(let choices), .choice(let i)):
            return gradeMulti(choices, [i])
        case (.trueFalse(let truth), .trueFalse(let given)):
            return given == truth ? right() : wrong([verdictWrong, Localized(ko: "정답: \(truth ? "참" : "거짓")", en: "Answer: \(truth ? "true" : "false")")])
        case (.short(let accept), .text(let text)):
            return gradeText(text, accepted: accept.ko + accept.en)
        case (.cloze(let template), .blanks(let given)):
            let blanks = Cloze.blanks(template)
            guard !blanks.isEmpty else { return wrong([]) }
            var right = 0, close = false
            var fb: [Localized] = []
            for (i, accepted) in blanks.enumerated() {
                let g = i < given.count ? given[i] : ""
                let r = gradeText(g, accepted: accepted.ko + accepted.en)
                if r.correct { right += 1; close = close || r.close }
                else { fb.append(Localized(ko: "빈칸 \(i + 1): \(accepted.ko.first ?? "")", en: "Blank \(i + 1): \(accepted.en.first ?? "")")) }
            }
            let score = Double(right) / Double(blanks.count)
            if right == blanks.count {
                return Grade(score: 1, close: close, rating: close ? .hard : .good, feedback: [close ? verdictClose : verdictRight])
            }
            return Grade(score: score, close: false, rating: .again, feedback: [verdictWrong] + fb)
        case (.order(let items), .order(let given)):
            let n = items.en.count
            let positions = (0..<n).filter { $0 < given.count && given[$0] == $0 }
            let score = Double(positions.count) / Double(max(1, n))
            if positions.count == n && given.count == n { return right() }
            let list = positions.map { "\($0 + 1)" }.joined(separator: ", ")
            return Grade(score: score, close: false, rating: .again, feedback: [
                verdictWrong,
                Localized(ko: positions.isEmpty ? "맞는 자리가 없습니다." : "맞는 자리: \(list) (\(positions.count)/\(n))",
                          en: positions.isEmpty ? "No item is in its place." : "In the right place: \(list) (\(positions.count)/\(n))"),
                Localized(ko: "순서: " + items.ko.joined(separator: " → "), en: "Order: " + items.en.joined(separator: " → ")),
            ])
        case (.numeric(let answer, let tolerance, let unit), .text(let text)):
            return gradeNumber(text, answer: answer, tolerance: tolerance, unit: unit)
        case (.generated, .text(let text)):
            guard let g = generated else { return wrong([]) }
            return gradeNumber(text, answer: g.answer, tolerance: 0, unit: g.unit)
        case (.open(let rubric, _), .open(_, let covered, let chosen)):
            let share = rubric.isEmpty ? 0 : Double(covered.intersection(Set(rubric.indices)).count) / Double(rubric.count)
            let suggested = suggestedRating(share: share), rating = chosen ?? suggested
            // The verdict is the rating's (`Rating.passes`), said in words so ✓ and ✕ never surprise.
            let name = ratingName(rating)
            return Grade(score: share, close: false, rating: rating, feedback: [
                rating.passes ? Localized(ko: "\(name.ko): 기억한 것으로 칩니다.", en: "\(name.en): counts as remembered.")
                              : Localized(ko: "\(name.ko): 기억하지 못한 것으로 칩니다.", en: "\(name.en): counts as not remembered."),
                Localized(ko: "루브릭 \(rubric.count)개 중 \(covered.count)개를 다뤘습니다. 제안 평가: \(ratingName(suggested).ko)",
                          en: "You covered \(covered.count) of \(rubric.count) rubric points. Suggested rating: \(ratingName(suggested).en)"),
            ])
        default:
            return wrong([Localized(ko: "이 문제에 맞지 않는 답입니다.", en: "That is not an answer to this kind of question.")])
        }
    }

    /// Multi: right only when exactly the correct options are picked; partial credit for hits
    /// minus wrong picks; every wrong pick says why.
    static func gradeMulti(_ choices: [Choice], _ chosen: Set<Int>) -> Grade {
        let correctSet = Set(choices.indices.filter { choices[$0].correct })
        let hits = chosen.intersection(correctSet).count, extra = chosen.subtracting(correctSet)
        let missed = correctSet.subtracting(chosen)
        if extra.isEmpty && missed.isEmpty { return right() }
        let score = max(0, Double(hits - extra.count) / Double(max(1, correctSet.count)))
        var fb = [verdictWrong]
        for i in extra.sorted() where choices.indices.contains(i) {
            fb.append(Localized(ko: "\(choices[i].text.ko): 틀린 보기입니다. \(choices[i].why?.ko ?? "")".trimmingSpaces(),
                                en: "\(choices[i].text.en): not right. \(choices[i].why?.en ?? "")".trimmingSpaces()))
        }
        for i in missed.sorted() { fb.append(Localized(ko: "빠뜨린 정답: \(choices[i].text.ko)", en: "Missed: \(choices[i].text.en)")) }
        return Grade(score: score, close: false, rating: .again, feedback: fb)
    }

    /// Open questions: the share of rubric points covered suggests the rating.
    public static func suggestedRating(share: Double) -> Rating {
        share >= 1 ? .easy : share >= 0.5 ? .good : share > 0 ? .hard : .again
    }

    public static func ratingName(_ r: Rating) -> Localized {
        switch r {
        case .again: Localized(ko: "다시(Again)", en: "Again")
        case .hard: Localized(ko: "어려움(Hard)", en: "Hard")
        case .good: Localized(ko: "좋음(Good)", en: "Good")
        case .easy: Localized(ko: "쉬움(Easy)", en: "Easy")
        }
    }

    static let verdictRight = Localized(ko: "정답입니다.", en: "Correct.")
    static let verdictWrong = Localized(ko: "틀렸습니다.", en: "Not quite.")
    static let verdictClose = Localized(ko: "거의 맞았습니다(작은 오타는 봐줍니다).", en: "Close enough: a small typo was forgiven.")
    static func right() -> Grade { Grade(score: 1, close: false, rating: .good, feedback: [verdictRight]) }
    static func wrong(_ fb: [Localized]) -> Grade { Grade(score: 0, close: false, rating: .again, feedback: fb.isEmpty ? [verdictWrong] : fb) }

    // MARK: text

    /// Folding for comparison: case, full-width forms, whitespace, punctuation and hyphens.
    /// (String equality is canonical, so decomposed Hangul equals its syllables.)
    public static func fold(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            var c = ch
            if let u = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 {
                if (0xFF01...0xFF5E).contains(u.value) { c = Character(Unicode.Scalar(u.value - 0xFEE0)!) }   // full-width ASCII
                else if u.value == 0x3000 { c = " " }
            }
            if c.isWhitespace || c.isPunctuation || c.isSymbol || "-‐‑‒–—―−_".contains(c) { continue }
            out.append(Character(String(c).lowercased()))
        }
        return out
    }

    /// Typos forgiven: none on numbers or short single tokens (SYN, ACK, TCP); one edit from five
    /// characters on, two from ten.
    static func allowedEdits(_ accepted: String) -> Int {
        let key = fold(accepted)
        if key.contains(where: \.isNumber) { return 0 }
        if !accepted.contains(" ") && key.count <= 4 { return 0 }
        return key.count >= 10 ? 2 : key.count >= 5 ? 1 : 0
    }

    static func gradeText(_ text: String, accepted: [String]) -> Grade {
        let given = fold(text)
        guard !given.isEmpty else { return wrong([Localized(ko: "답이 비어 있습니다.", en: "The answer is empty.")]) }
        var best: (distance: Int, form: String)?
        for form in accepted {
            let key = fold(form)
            if key == given { return right() }
            let d = editDistance(Array(key), Array(given))
            if d <= allowedEdits(form), best == nil || d < best!.distance { best = (d, form) }
        }
        if let b = best {
            return Grade(score: 1, close: true, rating: .hard, feedback: [
                verdictClose, Localized(ko: "철자: \(b.form)", en: "It is spelled: \(b.form)"),
            ])
        }
        return wrong([verdictWrong, Localized(ko: "정답: \(accepted.first ?? "")", en: "Answer: \(accepted.first { $0.allSatisfy(\.isASCII) } ?? accepted.first ?? "")")])
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    // MARK: numbers

    /// The typed number converted to the question's unit ("4분" for seconds is 240) and compared
    /// within the tolerance; a unit of another kind (ms for bytes) says so.
    static func gradeNumber(_ text: String, answer: Double, tolerance: Double, unit: String?) -> Grade {
        guard let (typed, givenUnit) = Units.parse(text) else {
            return wrong([Localized(ko: "숫자로 답해 주세요.", en: "Please answer with a number.")])
        }
        let shown = TraceFormat.number(answer) + (unit.map { " \($0)" } ?? "")
        var v = typed
        if let unit, !givenUnit.isEmpty {
            guard let converted = Units.convert(typed, from: givenUnit, to: unit) else {
                return wrong([Localized(ko: "단위가 다릅니다: \(givenUnit)가 아니라 \(unit)입니다.", en: "Wrong unit: the answer is in \(unit), not \(givenUnit)."),
                              Localized(ko: "정답: \(shown)", en: "Answer: \(shown)")])
            }
            v = converted
        }
        if abs(v - answer) <= tolerance + max(1e-9, abs(answer) * 1e-12) {  // converted values carry rounding
            guard v != typed else { return right() }
            let inUnit = TraceFormat.number(v) + " " + unit!
            return Grade(score: 1, close: false, rating: .good, feedback: [verdictRight, Localized(ko: "\(text.trimmingSpaces()) = \(inUnit)", en: "\(text.trimmingSpaces()) = \(inUnit)")])
        }
        return wrong([verdictWrong, Localized(ko: "정답: \(shown)", en: "Answer: \(shown)")])
    }
}

/// Cloze templates: "… {{flow control|flow-control}} …".
public enum Cloze {
    /// The accepted answers of each blank, in both languages (either language is accepted).
    public static func blanks(_ text: Localized) -> [LocalizedList] {
        let ko = parts(text.ko).blanks, en = parts(text.en).blanks
        return (0..<max(ko.count, en.count)).map { i in LocalizedList(ko: i < ko.count ? ko[i] : [], en: i < en.count ? en[i] : []) }
    }

    /// The text with each blank replaced by a placeholder, and the blanks' answers.
    public static func parts(_ s: String) -> (text: [String], blanks: [[String]]) {
        var texts: [String] = [], blanks: [[String]] = []
        var rest = Substring(s)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            texts.append(String(rest[..<open.lowerBound]))
            blanks.append(rest[open.upperBound..<close.lowerBound].split(separator: "|").map { String($0).trimmingSpaces() })
            rest = rest[close.upperBound...]
        }
        texts.append(String(rest))
        return (texts, blanks)
    }
}

enum TraceFormat {
    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? "\(Int(v))" : "\(v)" }
}

public extension String {
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
