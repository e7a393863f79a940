import CCmarkGFM
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
        let body = self.body(front, file: file, knownScenes: knownScenes)
        guard let blocks = body.blocks else { return Result(lesson: nil, diagnostics: front.diagnostics + body.diagnostics) }
        meta.blockCount = blocks.count
        if metaOnly { return Result(lesson: Lesson(meta: meta, blocks: []), diagnostics: front.diagnostics) }
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
        if let limit { return (nil, [Diagnostic(file: file, line: front.bodyStartLine + limit.line - 1, limit.message)]) }
        let diags = sceneRefs.filter { !knownScenes.contains($0.0) }.map {
            Diagnostic(file: file, line: front.bodyStartLine + $0.1 - 1, "unknown scene id '\($0.0)' in scene block")
        }
        return (blocks, diags)
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

/// The Markdown body through cmark-gfm (tables and strikethrough on) into typed blocks.
enum MarkdownBody {
    // Registering the extensions fills a global list in cmark-gfm: once, and thread-safe (a
    // static let is initialised exactly once), since lessons may be parsed concurrently.
    static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The blocks, the scene blocks with their lines, and the first limit the body breaks (then
    /// no blocks: converting them recurses, or the table would fill memory).
    static func parse(_ body: String) -> ([Block], [(String, Int)], MarkdownGuard.Hit?) {
        _ = registration
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return ([], [], nil) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(body.utf8)
        if let hit = MarkdownGuard.check(bytes) { return ([], [], hit) }
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parser_feed(parser, $0, buf.count) }
        }
        guard let doc = cmark_parser_finish(parser) else { return ([], [], nil) }
        defer { cmark_node_free(doc) }
        if let line = tooDeep(doc) { return ([], [], MarkdownGuard.Hit(line: line, message: MarkdownGuard.tooDeep)) }
        var scenes: [(String, Int)] = []
        let blocks = children(doc).compactMap { block($0, &scenes) }
        return (blocks, scenes, nil)
    }

    /// Walks the tree by its links (no recursion): the first line nested too deeply, if any.
    static func tooDeep(_ doc: OpaquePointer) -> Int? {
        var node = cmark_node_first_child(doc), depth = 1
        while let n = node {
            if depth > ContentLimits.markdownDepth {
                var m: OpaquePointer? = n, line = 0
                while let x = m, line == 0 { line = Int(cmark_node_get_start_line(x)); m = cmark_node_parent(x) }
                return max(1, line)
            }
            if let child = cmark_node_first_child(n) { node = child; depth += 1; continue }
            var m = n
            node = nil
            while true {
                if let next = cmark_node_next(m) { node = next; break }
                guard let parent = cmark_node_parent(m), parent != doc else { break }
                m = parent; depth -= 1
            }
        }
        return nil
    }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child { out.append(c); child = cmark_node_next(c) }
        return out
    }

    static func type(_ node: OpaquePointer) -> String { String(cString: cmark_node_get_type_string(node)) }
    static func literal(_ node: OpaquePointer) -> String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }

    static func block(_ node: OpaquePointer, _ scenes: inout [(String, Int)]) -> Block? {
        switch type(node) {
        case "heading":
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(node))
        case "paragraph":
            return .paragraph(inlines(node))
        case "list":
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(node).map { item in children(item).compactMap { block($0, &scenes) } }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case "block_quote":
            return .quote(children(node).compactMap { block($0, &scenes) })
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) }?.trimmingCharacters(in: .whitespaces) ?? ""
            if info.hasPrefix("scene ") || info == "scene" {
                let id = Sanitize.text(String(info.dropFirst(5)).trimmingCharacters(in: .whitespaces))
                scenes.append((id, Int(cmark_node_get_start_line(node))))
                return .scene(id: id)
            }
            var text = literal(node)
            if text.hasSuffix("\n") { text.removeLast() }
            return .code(language: Sanitize.text(info), text: Sanitize.text(text, keepNewlines: true))
        case "html_block":
            var text = literal(node)
            if text.hasSuffix("\n") { text.removeLast() }
            return .code(language: "html", text: Sanitize.text(text, keepNewlines: true))
        case "thematic_break":
            return .rule
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            var aligns: [TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<count {
                    switch UInt8(raw[i]) {
                    case UInt8(ascii: "l"): aligns.append(.left)
                    case UInt8(ascii: "c"): aligns.append(.center)
                    case UInt8(ascii: "r"): aligns.append(.right)
                    default: aligns.append(.none)
                    }
                }
            }
            var header: [[Inline]] = [], rows: [[[Inline]]] = []
            for row in children(node) {
                let cells = children(row).map { inlines($0) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            }
            return .table(alignments: aligns, header: header, rows: rows)
        default:
            let text = inlines(node)
            return text.isEmpty ? nil : .paragraph(text)
        }
    }

    static func inlines(_ node: OpaquePointer) -> [Inline] {
        var out: [Inline] = []
        for child in children(node) {
            switch type(child) {
            case "text", "html_inline": out.append(.text(Sanitize.text(literal(child))))
            case "softbreak": out.append(.text(" "))
            case "linebreak": out.append(.lineBreak)
            case "code": out.append(.code(Sanitize.text(literal(child))))
            case "strong": out.append(.strong(inlines(child)))
            case "emph": out.append(.emphasis(inlines(child)))
            case "strikethrough": out.append(.strikethrough(inlines(child)))
            case "link":
                let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                out.append(.link(text: inlines(child), destination: Sanitize.text(url)))
            case "image": out.append(contentsOf: inlines(child))
            default: out.append(contentsOf: inlines(child))
            }
        }
        // Merge adjacent text runs so wrapping sees whole words.
        var merged: [Inline] = []
        for i in out {
            if case .text(let b) = i, case .text(let a)? = merged.last { merged[merged.count - 1] = .text(a + b) }
            else { merged.append(i) }
        }
        return merged
    }
}
