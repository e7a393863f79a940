import Foundation
import TutorCore
import Yams

/// `Quizzes/<lesson>.yaml` → `QuizBank`, checking every rule of docs/CONTENT.md.
public enum QuizParser {
    public struct Result: Sendable {
        public var bank: QuizBank?
        public var diagnostics: [Diagnostic]
    }

    public static func parse(_ text: String, file: String, knownScenes: Set<String>, knownGenerators: Set<String>) -> Result {
        var f = YAMLFields(file: file)
        guard let root = f.compose(text) else { return Result(bank: nil, diagnostics: f.diagnostics) }
        guard root.mapping != nil else {
            f.error(1, "a quiz file is a mapping with 'lesson' and 'questions'")
            return Result(bank: nil, diagnostics: f.diagnostics)
        }
        guard let lesson = f.string(root, "lesson", context: "quiz"),
              let list = f.node(root, "questions", context: "quiz") else {
            return Result(bank: nil, diagnostics: f.diagnostics)
        }
        guard let items = list.sequence else {
            f.error(f.line(list), "'questions' must be a list")
            return Result(bank: nil, diagnostics: f.diagnostics)
        }
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        for item in items {
            // Duplicates are found by the raw id, so a broken first copy still counts.
            if let id = item.field("id")?.scalar?.string {
                if let first = seen[id] {
                    f.error(f.line(item), "duplicate question id '\(id)' (also on line \(first))")
                    continue
                }
                seen[id] = f.line(item)
            }
            if let q = question(item, lesson: lesson, fields: &f, knownScenes: knownScenes, knownGenerators: knownGenerators) {
                questions.append(q)
            }
        }
        let ok = !f.diagnostics.contains { $0.severity == .error }
        return Result(bank: ok ? QuizBank(lesson: lesson, questions: questions) : nil, diagnostics: f.diagnostics)
    }

    static func question(_ node: Node, lesson: String, fields f: inout YAMLFields,
                         knownScenes: Set<String>, knownGenerators: Set<String>) -> Question? {
        let errorsBefore = f.errorCount
        guard node.mapping != nil else { f.error(f.line(node), "each question is a mapping"); return nil }
        let id = f.string(node, "id", context: "question") ?? "?"
        let ctx = "question '\(id)'"
        if id != "?" && !id.hasPrefix(lesson + "/") {
            f.error(f.line(node.field("id")), "\(ctx): id must start with '\(lesson)/'")
        }
        var kind: QuestionKind?
        if let k = f.string(node, "kind", context: ctx) {
            kind = QuestionKind(rawValue: k)
            if kind == nil {
                f.error(f.line(node.field("kind")), "\(ctx): unknown kind '\(k)' (expected one of: \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let level = f.int(node, "level", context: ctx)
        if let level, !(1...3).contains(level) { f.error(f.line(node.field("level")), "\(ctx): level must be 1, 2 or 3") }
        let prompt = f.localized(node, "prompt", context: ctx)
        let explain = f.localized(node, "explain", context: ctx)
        let scene = f.string(node, "scene", context: ctx, required: false)
        if let scene, !knownScenes.contains(scene) { f.error(f.line(node.field("scene")), "\(ctx): unknown scene id '\(scene)'") }

        var answer: Answer?
        switch kind {
        case .choice, .multi:
            answer = choices(node, kind: kind!, ctx: ctx, fields: &f)
        case .truefalse:
            if let n = f.node(node, "answer", context: ctx) {
                if let b = n.bool { answer = .trueFalse(b) } else { f.error(f.line(n), "\(ctx): 'answer' must be true or false") }
            }
        case .short:
            if let accept = f.localizedList(node, "accept", context: ctx) {
                if accept.ko.isEmpty || accept.en.isEmpty { f.error(f.line(node.field("accept")), "\(ctx): 'accept' needs at least one answer per language") }
                answer = .short(accept: accept)
            }
        case .cloze:
            if let text = f.localized(node, "text", context: ctx) {
                let ko = Cloze.blanks(in: text.ko).count, en = Cloze.blanks(in: text.en).count
                if ko == 0 || en == 0 { f.error(f.line(node.field("text")), "\(ctx): cloze text needs at least one {{blank}} in each language") }
                else if ko != en { f.error(f.line(node.field("text")), "\(ctx): cloze has \(ko) blanks in Korean but \(en) in English") }
                answer = .cloze(text: text)
            }
        case .order:
            if let items = f.localizedList(node, "items", context: ctx) {
                if !(3...8).contains(items.ko.count) { f.error(f.line(node.field("items")), "\(ctx): 'order' needs 3 to 8 items") }
                else if items.ko.count != items.en.count { f.error(f.line(node.field("items")), "\(ctx): 'items' has \(items.ko.count) Korean but \(items.en.count) English entries") }
                answer = .order(items: items)
            }
        case .numeric:
            if let n = f.node(node, "answer", context: ctx) {
                let tol = node.field("tolerance").map { $0.float } ?? 0
                // .nan is never equal to an answer and .inf tolerance accepts any: both refused.
                if let v = n.float, v.isFinite, let tol, tol.isFinite, tol >= 0 {
                    answer = .numeric(answer: v, tolerance: tol, unit: (node.field("unit")?.scalar?.string).map { Sanitize.text($0) })
                } else { f.error(f.line(n), "\(ctx): numeric needs a finite number 'answer' and a finite 'tolerance' of 0 or more") }
            }
        case .open:
            let model = f.localized(node, "model_answer", context: ctx)
            var rubric: [Localized] = []
            if let r = f.node(node, "rubric", context: ctx) {
                if let seq = r.sequence {
                    rubric = seq.compactMap { f.localized($0, name: "rubric point", context: ctx) }
                    if !(2...6).contains(seq.count) { f.error(f.line(r), "\(ctx): 'rubric' needs 2 to 6 points") }
                } else { f.error(f.line(r), "\(ctx): 'rubric' must be a list of {ko, en} points") }
            }
            if let model { answer = .open(rubric: rubric, modelAnswer: model) }
        case .generated:
            if let g = f.string(node, "generator", context: ctx) {
                if !knownGenerators.contains(g) {
                    f.error(f.line(node.field("generator")), "\(ctx): unknown generator '\(g)' (known: \(knownGenerators.sorted().joined(separator: ", ")))")
                }
                answer = .generated(generator: g)
            }
        case nil: break
        }
        guard f.errorCount == errorsBefore, let kind, let level, let prompt, let explain, let answer else { return nil }
        return Question(id: id, lesson: lesson, kind: kind, level: level, prompt: prompt, explain: explain, scene: scene, answer: answer)
    }

    static func choices(_ node: Node, kind: QuestionKind, ctx: String, fields f: inout YAMLFields) -> Answer? {
        guard let list = f.node(node, "choices", context: ctx) else { return nil }
        guard let seq = list.sequence else { f.error(f.line(list), "\(ctx): 'choices' must be a list"); return nil }
        var out: [Choice] = []
        for c in seq {
            guard c.mapping != nil, let text = f.localized(c, "text", context: ctx) else { continue }
            let correct = c.field("correct")?.bool ?? false
            let why = f.localized(c, "why", context: ctx, required: false)
            if !correct && why == nil { f.error(f.line(c), "\(ctx): wrong choice '\(text.en)' needs a 'why'") }
            out.append(Choice(text: text, correct: correct, why: why))
        }
        let correct = out.filter(\.correct).count
        let range = kind == .choice ? 2...6 : 2...8
        if !range.contains(seq.count) { f.error(f.line(list), "\(ctx): \(kind.rawValue) needs \(range.lowerBound) to \(range.upperBound) choices") }
        if kind == .choice && correct != 1 { f.error(f.line(list), "\(ctx): a choice question needs exactly one correct choice (has \(correct))") }
        if kind == .multi && correct < 1 { f.error(f.line(list), "\(ctx): a multi question needs at least one correct choice") }
        if kind == .choice, correct == 1 {
            let flagged = QuizLint.correctIsLongest(out)
            if !flagged.isEmpty, let node = seq.first(where: { $0.field("correct")?.bool == true }) {
                f.warning(f.line(node), QuizLint.warning(flagged, question: ctx))
            }
        }
        return .choices(out)
    }
}

/// `{{answer}}` blanks in cloze text; `a|b` inside a blank lists alternatives.
public enum Cloze {
    public static func blanks(in text: String) -> [[String]] {
        var out: [[String]] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) {
            let inner = rest[open.upperBound..<close.lowerBound]
            out.append(inner.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
            rest = rest[close.upperBound...]
        }
        return out
    }
}

/// `Content/glossary.yaml` → entries, checking unique terms and both definitions.
public enum GlossaryParser {
    public static func parse(_ text: String, file: String) -> ([GlossaryEntry], [Diagnostic]) {
        var f = YAMLFields(file: file)
        guard let root = f.compose(text) else { return ([], f.diagnostics) }
        guard let seq = root.sequence else {
            f.error(1, "the glossary is a list of {term, ko, en} entries")
            return ([], f.diagnostics)
        }
        var out: [GlossaryEntry] = []
        var seen: [String: Int] = [:]
        for item in seq {
            guard item.mapping != nil else { f.error(f.line(item), "each glossary entry is a mapping {term, ko, en}"); continue }
            guard let term = f.string(item, "term", context: "glossary entry") else { continue }
            let ctx = "glossary term '\(term)'"
            let ko = f.string(item, "ko", context: ctx), en = f.string(item, "en", context: ctx)
            if let first = seen[term.lowercased()] {
                f.error(f.line(item), "duplicate glossary term '\(term)' (also on line \(first))"); continue
            }
            seen[term.lowercased()] = f.line(item)
            if let ko, let en { out.append(GlossaryEntry(term: term, definition: Localized(ko: ko, en: en))) }
        }
        return (out, f.diagnostics)
    }
}
