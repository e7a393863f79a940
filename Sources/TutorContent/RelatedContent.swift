import Foundation
import TutorCore

/// Finds the built-in lesson and question on the same topic as an imported one, so a note's
/// answer (which may be wrong) points at the lesson that corrects it. Matching is by shared
/// words of the titles and prompts, Korean and English, deterministic.
public enum RelatedContent {
    public struct Lesson: Sendable, Equatable {
        public var id: String
        public var title: Localized
        public var questions: [(id: String, prompt: Localized)]
        public init(id: String, title: Localized, questions: [(id: String, prompt: Localized)]) {
            self.id = id; self.title = title; self.questions = questions
        }
        public static func == (a: Lesson, b: Lesson) -> Bool { a.id == b.id && a.title == b.title && a.questions.map(\.id) == b.questions.map(\.id) }
    }

    public struct Match: Sendable, Equatable {
        public var lesson: String
        public var lessonTitle: Localized
        public var question: String?
    }

    /// The built-in lessons and their questions, as `match` reads them.
    public static func lessons(catalog: LessonCatalog, banks: [QuizBank]) -> [Lesson] {
        catalog.ids.compactMap { id in
            guard let ko = catalog.meta(id: id, language: .ko) ?? catalog.meta(id: id, language: .en),
                  let en = catalog.meta(id: id, language: .en) ?? catalog.meta(id: id, language: .ko) else { return nil }
            let qs = banks.first { $0.lesson == id }?.questions.map { (id: $0.id, prompt: $0.prompt) } ?? []
            return Lesson(id: id, title: Localized(ko: ko.title, en: en.title), questions: qs)
        }
    }

    static let stopWords: Set<String> = ["the", "and", "vs", "of", "a", "an", "to", "in", "on", "for", "is", "what", "how", "why", "방식", "차이", "무엇"]
    static let particles: Set<Character> = ["와", "과", "의", "은", "는", "이", "가", "을", "를", "에", "로", "도"]

    /// Lower-cased words of at least two letters (a change of script splits a word), a
    /// trailing Korean particle dropped.
    static func words(_ text: String) -> Set<String> {
        var out = Set<String>(), word = ""
        func flush() {
            var w = word; word = ""
            if w.count >= 3, let last = w.last, particles.contains(last), w.unicodeScalars.contains(where: { $0.value >= 0xAC00 }) { w.removeLast() }
            if w.count >= 2 || w.first?.isNumber == true, !stopWords.contains(w) { out.insert(w) }
        }
        for c in text.lowercased() {
            guard c.isLetter || c.isNumber else { flush(); continue }
            if let last = word.last, last.isASCII != c.isASCII { flush() }  // "TCP일까" is "tcp" and "일까"
            word.append(c)
        }
        flush()
        return out
    }

    /// The lesson whose title (either language) or id shares the most of `title`'s words
    /// (more than half of them, or the whole title without spaces), and within it the question whose prompt shares most with
    /// `question` (at least two words).
    public static func match(title: String, question: String?, in lessons: [Lesson]) -> Match? {
        let want = words(title)
        guard !want.isEmpty else { return nil }
        // Spacing differs between notes and lessons ("로드밸런서", "로드 밸런서"): compare without it too.
        func compact(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
        var best: (score: Double, lesson: Lesson)?
        for l in lessons {
            let have = words(l.title.ko).union(words(l.title.en)).union(words(l.id.replacingOccurrences(of: "-", with: " ")))
            let whole = compact(title).count >= 2 && [l.title.ko, l.title.en].contains { compact($0).contains(compact(title)) }
            let score = whole ? 1 : Double(want.intersection(have).count) / Double(want.count)
            if score > 0.5, score > (best?.score ?? 0) { best = (score, l) }  // more than half: one shared word of two is chance
        }
        guard let lesson = best?.lesson else { return nil }
        var q: (shared: Int, id: String)?
        if let question {
            let asked = words(question)
            for candidate in lesson.questions {
                let shared = asked.intersection(words(candidate.prompt.ko).union(words(candidate.prompt.en))).count
                if shared >= 2, shared > (q?.shared ?? 0) { q = (shared, candidate.id) }
            }
        }
        return Match(lesson: lesson.id, lessonTitle: lesson.title, question: q?.id)
    }
}
