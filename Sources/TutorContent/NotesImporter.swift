import Foundation
import TutorCore

/// Turns a Markdown export of study notes (Notion style) into lessons and open questions.
///
/// How sections are found, in order of strength:
/// 1. ATX headings (`#`, `##`, `###`) after the document's first `# title`.
/// 2. A line that is a link on its own (the source the notes came from), followed by a short
///    title line (`- Title` with no indented body, or plain text): the link becomes a source.
/// 3. Table-of-contents runs (two or more short plain lines in a row) announce titles; the
///    first later line equal to an entry, or a bold-only line equal to one, starts a section.
/// 4. Without any table of contents, every bold-only line starts a section; with one, a bold
///    line that is not an entry becomes a `###` subheading of the current section.
/// A bullet followed by an indented body is a toggle: the bullet is a question, the body its
/// answer. Images and date stamps (`12.01`) are dropped.
public enum NotesImporter {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var sources: [String] = []
        public var body: [String] = []
        public var toggles: [(question: String, answer: String)] = []

        public static func == (a: Section, b: Section) -> Bool {
            a.title == b.title && a.sources == b.sources && a.body == b.body
                && a.toggles.map(\.question) == b.toggles.map(\.question) && a.toggles.map(\.answer) == b.toggles.map(\.answer)
        }
    }

    public struct Notes: Sendable {
        public var title: String?
        public var sections: [Section]
        public var imagesDropped: Int
    }

    public static func parse(_ raw: String) -> Notes {
        let lines = Sanitize.text(ContentText.normalized(raw), keepNewlines: true).components(separatedBy: "\n")
        var title: String?
        var start = 0
        if let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }), lines[first].hasPrefix("# ") {
            title = String(lines[first].dropFirst(2)).trimmingCharacters(in: .whitespaces)
            start = first + 1
        }
        // Table-of-contents entries: runs of at least two short plain lines.
        var tocLines = Set<Int>()
        var entries: [String] = []
        var i = start
        while i < lines.count {
            var j = i
            while j < lines.count, isShortPlain(lines[j]) { j += 1 }
            if j - i >= 2 {
                for k in i..<j { tocLines.insert(k); entries.append(lines[k].trimmingCharacters(in: .whitespaces)) }
            }
            i = max(j, i + 1)
        }
        var pendingEntries = entries  // each entry starts at most one section
        let hasTOC = !entries.isEmpty

        var sections: [Section] = []
        var images = 0
        var pendingSource: String?
        i = start
        func startSection(_ t: String) {
            sections.append(Section(title: t, sources: pendingSource.map { [$0] } ?? []))
            pendingSource = nil
            if let e = pendingEntries.firstIndex(of: t) { pendingEntries.remove(at: e) }
        }
        func append(_ line: String) {
            if sections.isEmpty { return }  // preamble text before any section is not a lesson
            sections[sections.count - 1].body.append(line)
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            defer { i += 1 }
            if tocLines.contains(i) { continue }
            if trimmed.hasPrefix("![") { images += 1; continue }
            if trimmed.range(of: #"^\d{1,2}\.\d{1,2}\.?$"#, options: .regularExpression) != nil { continue }
            if let heading = atxHeading(trimmed) { startSection(heading); continue }
            if let url = linkOnly(trimmed) {
                // A link followed by a short title line opens a section with that source.
                if let next = nextNonBlank(lines, after: i), let t = titleCandidate(lines, next), !hasIndentedBody(lines, after: next) {
                    pendingSource = url
                    startSection(t)
                    i = next
                } else if !sections.isEmpty {
                    sections[sections.count - 1].sources.append(url)
                } else {
                    pendingSource = url
                }
                continue
            }
            if let bold = boldOnly(trimmed) {
                if !hasTOC || pendingEntries.contains(bold) { startSection(bold) }
                else { append("### " + bold) }
                continue
            }
            if hasTOC, pendingEntries.contains(trimmed), isShortPlain(line) { startSection(trimmed); continue }
            // Toggle: a bullet whose following lines are indented.
            if trimmed.hasPrefix("- "), hasIndentedBody(lines, after: i), !sections.isEmpty {
                let question = String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                var body: [String] = []
                var k = i + 1
                while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).isEmpty || isIndented(lines[k]) {
                    body.append(lines[k].trimmingCharacters(in: .whitespaces))
                    k += 1
                }
                let answer = body.split(separator: "", omittingEmptySubsequences: true).map { $0.joined(separator: " ") }.joined(separator: "\n\n")
                sections[sections.count - 1].toggles.append((question, answer))
                append("**Q.** " + question)
                append("")
                for paragraph in answer.components(separatedBy: "\n\n") { append("> " + paragraph); append(">") }
                if sections[sections.count - 1].body.last == ">" { sections[sections.count - 1].body.removeLast() }
                append("")
                i = k - 1
                continue
            }
            append(line)
        }
        for s in sections.indices {  // trim blank lines at both ends
            while sections[s].body.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { sections[s].body.removeFirst() }
            while sections[s].body.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { sections[s].body.removeLast() }
        }
        return Notes(title: title, sections: sections, imagesDropped: images)
    }

    // MARK: line shapes

    static func isIndented(_ line: String) -> Bool { line.hasPrefix("    ") || line.hasPrefix("\t") }

    static func nextNonBlank(_ lines: [String], after i: Int) -> Int? {
        var k = i + 1
        while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
        return k < lines.count ? k : nil
    }

    /// The next non-blank line after `i` is indented (the body of a toggle).
    static func hasIndentedBody(_ lines: [String], after i: Int) -> Bool {
        guard let k = nextNonBlank(lines, after: i) else { return false }
        return isIndented(lines[k])
    }

    static func isShortPlain(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 60, !isIndented(line) else { return false }
        if t.hasPrefix("#") || t.hasPrefix("-") || t.hasPrefix("*") || t.hasPrefix(">") || t.hasPrefix("|") || t.hasPrefix("[") || t.hasPrefix("!") || t.hasPrefix("`") { return false }
        if t.first?.isNumber == true, t.contains(".") { return false }  // "1. item", "12.01"
        if t.hasSuffix(".") || t.hasSuffix(":") || t.hasSuffix("다") || t.contains(": ") { return false }
        return true
    }

    static func titleCandidate(_ lines: [String], _ k: Int) -> String? {
        let t = lines[k].trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("- "), t.count <= 62 { return String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        if let b = boldOnly(t) { return b }
        return isShortPlain(lines[k]) ? t : nil
    }

    static func atxHeading(_ t: String) -> String? {
        guard let m = t.range(of: #"^#{1,3} +"#, options: .regularExpression) else { return nil }
        let rest = t[m.upperBound...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }

    static func boldOnly(_ t: String) -> String? {
        guard t.count > 4, t.hasPrefix("**"), t.hasSuffix("**") else { return nil }
        let inner = t.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        return inner.isEmpty || inner.contains("**") ? nil : inner
    }

    /// `[text](url)` or a bare URL alone on a line: its URL.
    static func linkOnly(_ t: String) -> String? {
        if t.hasPrefix("http://") || t.hasPrefix("https://"), !t.contains(" ") { return t }
        guard let m = t.range(of: #"^\[[^\]]*\]\((https?://[^)\s]+)\)$"#, options: .regularExpression) else { return nil }
        let inner = t[m]
        guard let open = inner.lastIndex(of: "(") else { return nil }
        return String(inner[inner.index(after: open)..<inner.index(before: inner.endIndex)])
    }
}
