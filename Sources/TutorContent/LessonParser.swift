import Foundation
import TutorCore
import Yams

/// Turns one lesson file (YAML front matter + GFM Markdown) into a `Lesson`.
public enum LessonParser {
    public struct Result: Sendable {
        public var lesson: Lesson?
        public var diagnostics: [Diagnostic]
    }

    static let requiredFields = ["id", "title", "topic", "order", "summary"]

    /// Parses front matter only (fast path for the catalog) or the whole lesson. With `metaOnly`,
    /// the body is parsed only for the lessons `countBlocks` names (their block count is home's
    /// percent read of a started lesson): every lesson's body made the TUI start 50% slower.
    public static func parse(_ text: String, file: String, language: Language, metaOnly: Bool = false,
                             countBlocks: (String) -> Bool = { _ in true }, knownScenes: Set<String>) -> Result {
        let front = frontMatter(text, file: file, language: language, knownScenes: knownScenes)
        guard var meta = front.meta else { return Result(lesson: nil, diagnostics: front.diagnostics) }
        if metaOnly && !countBlocks(meta.id) { return Result(lesson: Lesson(meta: meta, blocks: []), diagnostics: front.diagnostics) }
        if metaOnly {
            let outline = blockCount(front, file: file, knownScenes: knownScenes)
            guard let count = outline.count else { return Result(lesson: nil, diagnostics: front.diagnostics + outline.diagnostics) }
            meta.blockCount = count
            return Result(lesson: Lesson(meta: meta, blocks: []), diagnostics: front.diagnostics)
        }
        let body = self.body(front, file: file, knownScenes: knownScenes)
        guard let blocks = body.blocks else { return Result(lesson: nil, diagnostics: front.diagnostics + body.diagnostics) }
        meta.blockCount = blocks.count
        return Result(lesson: Lesson(meta: meta, blocks: blocks), diagnostics: front.diagnostics + body.diagnostics)
    }

    /// The front matter: the meta (when it has no error) and its diagnostics. The content index
    /// keeps these two, and the body's outcome, per file.
    struct Front {
        var meta: LessonMeta?
        var diagnostics: [Diagnostic]
        var body: Substring = ""
        var bodyStartLine = 1
    }

    /// The body: its blocks, or nil when it breaks a limit (then the one diagnostic says which);
    /// otherwise the diagnostics are its unknown scene ids.
    static func body(_ front: Front, file: String, knownScenes: Set<String>) -> (blocks: [Block]?, diagnostics: [Diagnostic]) {
        let (blocks, sceneRefs, limit) = MarkdownBody.parse(String(front.body))
        return (limit == nil ? blocks : nil, bodyDiagnostics(front, file: file, knownScenes: knownScenes, sceneRefs, limit))
    }

    /// The same outcome with only the number of blocks (what the index keeps): the blocks are
    /// not built, which was most of a cold `check`'s Markdown time.
    static func blockCount(_ front: Front, file: String, knownScenes: Set<String>) -> (count: Int?, diagnostics: [Diagnostic]) {
        let (count, sceneRefs, limit) = MarkdownBody.outline(String(front.body))
        return (limit == nil ? count : nil, bodyDiagnostics(front, file: file, knownScenes: knownScenes, sceneRefs, limit))
    }

    static func bodyDiagnostics(_ front: Front, file: String, knownScenes: Set<String>, _ sceneRefs: [(String, Int)], _ limit: MarkdownGuard.Hit?) -> [Diagnostic] {
        if let limit { return [Diagnostic(file: file, line: front.bodyStartLine + limit.line - 1, limit.message)] }
        return sceneRefs.filter { !knownScenes.contains($0.0) }.map {
            Diagnostic(file: file, line: front.bodyStartLine + $0.1 - 1, "unknown scene id '\($0.0)' in scene block")
        }
    }

    static func frontMatter(_ text: String, file: String, language: Language, knownScenes: Set<String>) -> Front {
        var diags: [Diagnostic] = []
        func error(_ line: Int, _ message: String) { diags.append(Diagnostic(file: file, line: line, message)) }

        if text.utf8.count > ContentLimits.fileBytes {
            error(1, "file too large (more than \(ContentLimits.fileBytes) bytes)")
            return Front(meta: nil, diagnostics: diags)
        }
        guard let split = splitFrontMatter(ContentText.normalized(text)) else {
            error(1, "missing front matter: the file must start with a '---' line and close it with another")
            return Front(meta: nil, diagnostics: diags)
        }
        let yamlLines = split.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func lineOf(_ key: String) -> Int {
            for (i, l) in yamlLines.enumerated() where l.hasPrefix("\(key):") { return i + 2 }
            return 1
        }

        let object: Any?
        do {
            object = try YAMLGuard.compose(split.yaml).map(YAMLGuard.plain)
        } catch let v as YAMLGuard.Violation {
            error(v.line + 1, v.message)
            return Front(meta: nil, diagnostics: diags)
        } catch let e as YamlError {
            error(yamlErrorLine(e).map { $0 + 1 } ?? 1, "bad YAML in front matter: \(yamlErrorSummary(e))")
            return Front(meta: nil, diagnostics: diags)
        } catch {
            diags.append(Diagnostic(file: file, line: 1, "bad YAML in front matter: \(error)"))
            return Front(meta: nil, diagnostics: diags)
        }
        guard let fields = object as? [String: Any] else {
            error(2, "front matter must be a mapping of 'key: value' lines")
            return Front(meta: nil, diagnostics: diags)
        }
        for key in requiredFields where fields[key] == nil {
            error(1, "missing field '\(key)' in front matter")
        }
        func string(_ key: String) -> String? {
            guard let v = fields[key] else { return nil }
            if let s = v as? String { return s }
            if v is Int || v is Double || v is Bool { return "\(v)" }
            error(lineOf(key), "field '\(key)' must be a string"); return nil
        }
        func stringList(_ key: String) -> [String] {
            guard let v = fields[key] else { return [] }
            if let list = v as? [Any] {
                return list.compactMap { item in
                    if let s = item as? String { return s }
                    error(lineOf(key), "field '\(key)' must be a list of strings"); return nil
                }
            }
            error(lineOf(key), "field '\(key)' must be a list, e.g. [a, b]"); return []
        }

        let id = string("id").map { Sanitize.text($0) }
        let title = string("title").map { Sanitize.text($0) }
        let summary = string("summary").map { Sanitize.text($0) }
        var topic: Topic?
        if let t = string("topic") {
            topic = Topic(rawValue: t)
            if topic == nil {
                error(lineOf("topic"), "unknown topic '\(Sanitize.text(t))' (expected one of: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        var order: Int?
        if let v = fields["order"] {
            order = v as? Int
            if order == nil { error(lineOf("order"), "field 'order' must be an integer") }
        }
        let scenes = stringList("scenes").map { Sanitize.text($0) }
        let sources = stringList("sources").map { Sanitize.text($0) }
        for scene in scenes where !knownScenes.contains(scene) {
            error(lineOf("scenes"), "unknown scene id '\(scene)'")
        }
        for key in ["id", "title", "summary"] {
            if let v = fields[key] as? String, ContentText.isBlank(v) {
                error(lineOf(key), "field '\(key)' is empty")
            }
        }

        guard let id, let title, let summary, let topic, let order, !diags.contains(where: { $0.severity == .error }) else {
            return Front(meta: nil, diagnostics: diags)
        }
        let meta = LessonMeta(id: id, language: language, title: title, topic: topic, order: order,
                              summary: summary, scenes: scenes, sources: sources)
        return Front(meta: meta, diagnostics: diags, body: split.body, bodyStartLine: split.bodyStartLine)
    }

    /// Splits "---\n<yaml>\n---\n<body>"; `bodyStartLine` is the 1-based line where the body begins.
    /// Walks the UTF-8 bytes for the two fence lines: splitting the whole file into line strings
    /// was the catalog's main cost, and the body is not even needed there.
    static func splitFrontMatter(_ text: String) -> (yaml: String, body: Substring, bodyStartLine: Int)? {
        let utf8 = text.utf8
        func lineEnd(from i: String.Index) -> String.Index { utf8[i...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        func next(after end: String.Index) -> String.Index? { end < utf8.endIndex ? utf8.index(after: end) : nil }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard isFence(text[utf8.startIndex..<firstEnd]), var lineStart = next(after: firstEnd) else { return nil }
        let yamlStart = lineStart
        var line = 2
        while true {
            let end = lineEnd(from: lineStart)
            if isFence(text[lineStart..<end]) {
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)  // its newline is not YAML
                let body = next(after: end).map { text[$0...] } ?? text[text.endIndex...]
                return (String(text[yamlStart..<yamlEnd]), body, line + 1)
            }
            guard let n = next(after: end) else { return nil }
            lineStart = n; line += 1
        }
    }

    /// `---` with only whitespace around it (`.whitespaces`: tab and Unicode Zs, as before).
    static func isFence(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
        while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
        if bytes.elementsEqual("---".utf8) { return true }
        // Other Unicode spaces (NBSP, U+3000 …) are rare: the exact rule for a line holding "---".
        guard line.utf8.count < 256, line.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return line.trimmingCharacters(in: .whitespaces) == "---"
    }

    static func yamlErrorLine(_ e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default: return nil
        }
    }

    static func yamlErrorSummary(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(e)".components(separatedBy: "\n").first ?? "invalid YAML"
        }
    }
}
