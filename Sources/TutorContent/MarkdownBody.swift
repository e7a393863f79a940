import CCmarkGFM
import Foundation
import TutorCore

/// The Markdown body through cmark-gfm (tables and strikethrough on) into typed blocks.
enum MarkdownBody {
    // Registering the extensions fills a global list in cmark-gfm: once, and thread-safe (a
    // static let is initialised exactly once), since lessons may be parsed concurrently.
    static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// The blocks, the scene blocks with their lines, and the first limit the body breaks (then
    /// no blocks: converting them recurses, or the table would fill memory).
    static func parse(_ body: String) -> ([Block], [(String, Int)], MarkdownGuard.Hit?) {
        var scenes: [(String, Int)] = []
        let (blocks, hit) = withTree(body) { doc in children(doc).compactMap { block($0, &scenes) } }
        return (blocks ?? [], scenes, hit)
    }

    /// How many blocks `parse` gives, and the same scene blocks and limit, without building them.
    static func outline(_ body: String) -> (count: Int, scenes: [(String, Int)], limit: MarkdownGuard.Hit?) {
        var scenes: [(String, Int)] = []
        let (count, hit) = withTree(body) { doc in children(doc).filter { makesBlock($0, &scenes) }.count }
        return (count ?? 0, scenes, hit)
    }

    /// cmark-gfm's tree of `body` given to `use`, or the first limit it breaks (then `use` is not called).
    static func withTree<T>(_ body: String, _ use: (OpaquePointer) -> T) -> (T?, MarkdownGuard.Hit?) {
        _ = registration
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return (nil, nil) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(body.utf8)
        if let hit = MarkdownGuard.check(bytes) { return (nil, hit) }
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parser_feed(parser, $0, buf.count) }
        }
        guard let doc = cmark_parser_finish(parser) else { return (nil, nil) }
        defer { cmark_node_free(doc) }
        if let line = tooDeep(doc) { return (nil, MarkdownGuard.Hit(line: line, message: MarkdownGuard.tooDeep)) }
        return (use(doc), nil)
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

    static func fenceInfo(_ node: OpaquePointer) -> String {
        cmark_node_get_fence_info(node).map { String(cString: $0) }?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// A fenced block whose info is `scene ID` is a scene card.
    static func sceneID(_ info: String) -> String? {
        info.hasPrefix("scene ") || info == "scene" ? Sanitize.text(String(info.dropFirst(5)).trimmingCharacters(in: .whitespaces)) : nil
    }

    /// Whether `block(_:_:)` makes a block of `node`, noting the scene blocks in it as it would.
    static func makesBlock(_ node: OpaquePointer, _ scenes: inout [(String, Int)]) -> Bool {
        switch type(node) {
        case "list":
            for item in children(node) { for c in children(item) { _ = makesBlock(c, &scenes) } }
            return true
        case "block_quote":
            for c in children(node) { _ = makesBlock(c, &scenes) }
            return true
        case "code_block":
            if let id = sceneID(fenceInfo(node)) { scenes.append((id, Int(cmark_node_get_start_line(node)))) }
            return true
        case "heading", "paragraph", "html_block", "thematic_break", "table": return true
        default: return !inlines(node).isEmpty
        }
    }

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
            let info = fenceInfo(node)
            if let id = sceneID(info) {
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
