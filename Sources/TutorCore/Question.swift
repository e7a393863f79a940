/// The kinds of quiz question (DESIGN §4).
public enum QuestionKind: String, CaseIterable, Sendable, Codable, Hashable {
    case choice, multi, truefalse, short, cloze, order, numeric, open, generated
}

/// A list of strings in both languages (accepted answers, items to order).
public struct LocalizedList: Sendable, Hashable {
    public var ko: [String]
    public var en: [String]
    public init(ko: [String], en: [String]) { self.ko = ko; self.en = en }
    public subscript(_ language: Language) -> [String] { language == .ko ? ko : en }
}

/// One option of a choice or multi question; a wrong option says why it is wrong.
public struct Choice: Sendable, Hashable {
    public var text: Localized
    public var correct: Bool
    public var why: Localized?
    public init(text: Localized, correct: Bool, why: Localized? = nil) {
        self.text = text; self.correct = correct; self.why = why
    }
}

/// What a question expects, by kind.
public enum Answer: Sendable, Hashable {
    case choices([Choice])                 // choice (one correct) and multi (one or more)
    case trueFalse(Bool)
    case short(accept: LocalizedList)
    case cloze(text: Localized)            // blanks written {{answer}} or {{a|b}}
    case order(items: LocalizedList)       // in the correct order
    case numeric(answer: Double, tolerance: Double, unit: String?)
    case open(rubric: [Localized], modelAnswer: Localized)
    case generated(generator: String)      // built from a seed by a known generator
}

public struct Question: Sendable, Hashable {
    /// Stable forever: progress keys on it.
    public var id: String
    public var lesson: String
    public var kind: QuestionKind
    public var level: Int
    public var prompt: Localized
    public var explain: Localized
    public var scene: String?
    public var answer: Answer

    public init(id: String, lesson: String, kind: QuestionKind, level: Int, prompt: Localized,
                explain: Localized, scene: String? = nil, answer: Answer) {
        self.id = id; self.lesson = lesson; self.kind = kind; self.level = level
        self.prompt = prompt; self.explain = explain; self.scene = scene; self.answer = answer
    }
}

/// The questions of one lesson (`Quizzes/<lesson>.yaml`).
public struct QuizBank: Sendable, Hashable {
    public var lesson: String
    public var questions: [Question]
    public init(lesson: String, questions: [Question]) { self.lesson = lesson; self.questions = questions }
}

/// One glossary term with its definition in both languages.
public struct GlossaryEntry: Sendable, Hashable {
    public var term: String
    public var definition: Localized
    public init(term: String, definition: Localized) { self.term = term; self.definition = definition }
}

/// What the content index knows of a question without its quiz file being parsed: enough to
/// count questions per lesson and kind, and to pair progress (keyed by id) with lessons.
public struct QuestionRef: Sendable, Hashable {
    public var id: String
    public var lesson: String
    public var kind: QuestionKind
    public var level: Int
    public init(id: String, lesson: String, kind: QuestionKind, level: Int) {
        self.id = id; self.lesson = lesson; self.kind = kind; self.level = level
    }
    public init(_ q: Question) { self.init(id: q.id, lesson: q.lesson, kind: q.kind, level: q.level) }
}
