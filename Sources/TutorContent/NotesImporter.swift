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
        let lines = Sanitize.text(raw, keepNewlines: true).replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
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

extension NotesImporter {
    public struct Written: Sendable, Equatable {
        public var lessons: [String]   // lesson ids, each in both languages
        public var quizFiles: [String]
        public var files: [String]     // paths relative to the output folder
    }

    public enum ImportError: Error, CustomStringConvertible, Equatable {
        case noSections
        case wouldOverwrite([String])
        case cannotWrite(String)
        public var description: String {
            switch self {
            case .noSections: "no sections found: expected headings, bold title lines or titles after source links"
            case .wouldOverwrite(let files): "these files exist; pass --force to overwrite them: \(files.prefix(5).joined(separator: ", "))\(files.count > 5 ? ", …" : "")"
            case .cannotWrite(let why): "cannot write: \(why)"
            }
        }
    }

    /// Lesson id from a title: ASCII words joined by hyphens ("TCP 와 UDP" -> "tcp-udp"), or
    /// "section-N" when the title has no ASCII word; made unique with a suffix.
    static func slug(_ title: String, index: Int, taken: inout Set<String>) -> String {
        var words: [String] = [], word = ""
        for c in title.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { word.append(c) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        var base = words.joined(separator: "-")
        if base.count > 48 { base = String(base.prefix(48)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
        if base.count < 2 { base = "section-\(index + 1)" }
        var id = base, n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        taken.insert(id)
        return id
    }

    static func topic(for title: String, body: String) -> Topic {
        let text = (title + " " + body.prefix(400)).lowercased()
        let rules: [(Topic, [String])] = [
            (.programming, ["blocking", "async", "동기", "thread"]),
            (.infrastructure, ["dns", "ipv", "load", "로드", "proxy", "cdn", "subnet", "nat"]),
            (.web, ["http", "cors", "cookie", "session", "rest", "url", "웹", "web"]),
            (.transport, ["tcp", "udp", "flow", "congestion", "흐름", "혼잡", "arq"]),
        ]
        for (topic, words) in rules where words.contains(where: { text.contains($0) }) { return topic }
        return .foundations
    }

    /// First sentence-like line of the body, without Markdown marks, at most 80 columns.
    static func summary(_ section: Section) -> String {
        for line in section.body {
            var t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("|") || t.hasPrefix(">") || t.hasPrefix("**Q.**") { continue }
            t = t.replacingOccurrences(of: #"^(\d+\.|-|\*)\s*"#, with: "", options: .regularExpression)
            t = t.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            if t.count < 4 { continue }
            var out = "", width = 0
            for c in t {
                let w = c.isASCII ? 1 : 2
                if width + w > 79 { out += "…"; break }
                out.append(c); width += w
            }
            return out
        }
        return section.title
    }

    /// A JSON string literal, which is also a valid YAML scalar: safe for any text.
    static func quoted(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = String(data: data, encoding: .utf8)!
        return String(array.dropFirst().dropLast())
    }

    /// Writes `Content/<lang>/<id>.md` for each section (the other language gets the same text
    /// with a note that it is not translated yet, so every lesson exists in both as `check`
    /// requires) and `Quizzes/<id>.yaml` of open questions for sections with toggles.
    /// Refuses to overwrite any existing file unless `force`, and then writes nothing.
    /// What `nettutor import` prints after writing.
    public static func summary(_ notes: Notes, _ written: Written, folder: String) -> String {
        let questions = notes.sections.reduce(0) { $0 + $1.toggles.count }
        var lines = ["Imported \(written.lessons.count) lessons (Korean and English files) and \(questions) questions in \(written.quizFiles.count) quiz files into \(folder):"]
        for (section, id) in zip(notes.sections, written.lessons) {
            let n = section.toggles.count
            lines.append("  \(id)  \(section.title)\(n == 0 ? "" : "  (\(n) question\(n == 1 ? "" : "s"))")")
        }
        if notes.imagesDropped > 0 { lines.append("Dropped \(notes.imagesDropped) images (the reader shows text only).") }
        lines.append("Browse them with: nettutor --content \(folder)")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func write(_ notes: Notes, language: Language, to dir: URL, force: Bool) throws -> Written {
        guard !notes.sections.isEmpty else { throw ImportError.noSections }
        var taken = Set<String>()
        var files: [(String, String)] = []  // relative path, contents
        var lessons: [String] = [], quizzes: [String] = []
        let note = Localized(
            ko: "> 이 레슨은 영어로 쓴 노트에서 가져왔으며 아직 번역되지 않았습니다.",
            en: "> This lesson was imported from notes written in Korean and is not translated yet.")
        for (index, section) in notes.sections.enumerated() {
            let id = slug(section.title, index: index, taken: &taken)
            let body = section.body.joined(separator: "\n")
            let front = [
                "---",
                "id: \(id)",
                "title: \(quoted(section.title))",
                "topic: \(topic(for: section.title, body: body).rawValue)",
                "order: \((index + 1) * 10)",
                "summary: \(quoted(summary(section)))",
                "scenes: []",
                "sources: [\(section.sources.map(quoted).joined(separator: ", "))]",
                "---",
            ].joined(separator: "\n")
            lessons.append(id)
            for l in Language.allCases {
                let untranslated = l == language ? "" : note[l] + "\n\n"
                files.append(("Content/\(l.rawValue)/\(id).md", front + "\n" + untranslated + body + "\n"))
            }
            guard !section.toggles.isEmpty else { continue }
            var yaml = "lesson: \(id)\nquestions:\n"
            for (n, toggle) in section.toggles.enumerated() {
                let q = quoted(toggle.question), a = quoted(toggle.answer)
                let points = rubricPoints(toggle.answer, language: language)
                yaml += """
                  - id: \(id)/note-\(n + 1)
                    kind: open
                    level: 3
                    prompt: {ko: \(q), en: \(q)}
                    rubric:

                """
                for p in points { yaml += "      - {ko: \(quoted(p.ko)), en: \(quoted(p.en))}\n" }
                yaml += """
                    model_answer: {ko: \(a), en: \(a)}
                    explain: {ko: \(quoted("노트의 '\(section.title)' 절에서 가져온 질문입니다. 노트의 답은 틀릴 수 있으니 레슨과 출처로 확인하세요.")), en: \(quoted("Imported from the notes' section '\(section.title)'. The notes' answer may be wrong; check it against the lesson and its sources."))}

                """
            }
            quizzes.append(id)
            files.append(("Quizzes/\(id).yaml", yaml))
        }
        let fm = FileManager.default
        let existing = files.map(\.0).filter { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }
        if !existing.isEmpty && !force { throw ImportError.wouldOverwrite(existing) }
        do {
            for (path, text) in files {
                let url = dir.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            try fm.createDirectory(at: dir.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        } catch {
            throw ImportError.cannotWrite(error.localizedDescription)
        }
        return Written(lessons: lessons, quizFiles: quizzes, files: files.map(\.0))
    }

    /// Rubric points: the answer's sentences (at most five), then a reminder to verify, since
    /// notes can be wrong. Always at least two points.
    static func rubricPoints(_ answer: String, language: Language) -> [Localized] {
        var sentences: [String] = []
        for paragraph in answer.components(separatedBy: "\n\n") {
            var current = ""
            for c in paragraph {
                current.append(c)
                if ".?!".contains(c) {
                    let s = current.trimmingCharacters(in: .whitespaces)
                    if s.count > 3 { sentences.append(s) }
                    current = ""
                }
            }
            let rest = current.trimmingCharacters(in: .whitespaces)
            if rest.count > 3 { sentences.append(rest) }
        }
        var points = sentences.prefix(5).map { Localized(ko: $0, en: $0) }
        points.append(Localized(ko: "최신 표준과 레슨으로 답을 검증함(노트에는 오류가 있을 수 있음)",
                                en: "Checks the answer against current standards and the lesson (notes can be wrong)"))
        return points
    }
}
