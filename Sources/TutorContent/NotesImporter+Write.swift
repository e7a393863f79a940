import Foundation
import TutorCore

/// Writing imported notes: ids, files, and the links to the built-in lessons.
extension NotesImporter {
    /// Imported lessons live in this namespace (`notes/cors`): a built-in lesson's id is never
    /// taken, so their progress never mixes.
    public static let namespace = "notes"

    public struct Written: Sendable, Equatable {
        public var lessons: [String]   // lesson ids (`notes/…`), each in both languages
        public var quizFiles: [String]
        public var files: [String]     // paths relative to the output folder
        public var plainScenes: [String] = []  // unknown scene ids whose blocks became code blocks
        public var verbatimSections: [String] = []  // lessons nested too deeply, kept as one code block
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

    /// Lesson id from a title: its ASCII words joined by hyphens ("TCP 와 UDP" -> "tcp-udp");
    /// a title with no ASCII word is romanized ("로드밸런서" -> "rodeubaelleonseo"), so the id is
    /// still readable and, unlike a Hangul file name, typeable anywhere, the same under NFC and
    /// NFD file systems, and safe in quiz ids and shell completion. "section-N" only when
    /// nothing is left; made unique with a suffix.
    static func slug(_ title: String, index: Int, taken: inout Set<String>) -> String {
        func words(_ text: String) -> [String] {
            var words: [String] = [], word = ""
            for c in text.lowercased() {
                if c.isASCII && (c.isLetter || c.isNumber) { word.append(c) } else if !word.isEmpty { words.append(word); word = "" }
            }
            if !word.isEmpty { words.append(word) }
            return words
        }
        var base = words(title).joined(separator: "-")
        if base.count < 2 { base = words(Romanize.hangul(title)).joined(separator: "-") }
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
        if !written.plainScenes.isEmpty {
            lines.append("Scene blocks naming unknown scenes became plain code blocks: \(written.plainScenes.joined(separator: ", ")) (see nettutor play --help).")
        }
        if !written.verbatimSections.isEmpty {
            lines.append("Nested too deeply or a table too large for the reader, kept as plain text: \(written.verbatimSections.joined(separator: ", ")).")
        }
        lines.append("Browse them beside the built-in lessons with: nettutor --content \(folder)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `builtIn`: the library's lessons; each imported lesson and question names the one on
    /// its topic (`RelatedContent.match`), since the notes' own answers may be wrong.
    /// `knownScenes`: a scene block naming any other scene becomes a plain code block, so the
    /// lessons pass `check`. Written all or nothing, never through a symbolic link (`StagedWrite`).
    public static func write(_ notes: Notes, language: Language, to dir: URL, force: Bool, builtIn: [RelatedContent.Lesson] = [],
                             knownScenes: Set<String> = []) throws -> Written {
        guard !notes.sections.isEmpty else { throw ImportError.noSections }
        var taken = Set<String>()
        var files: [(String, String)] = []  // relative path, contents
        var lessons: [String] = [], quizzes: [String] = [], plainScenes: [String] = [], verbatimSections: [String] = []
        let note = Localized(
            ko: "> 이 레슨은 영어로 쓴 노트에서 가져왔으며 아직 번역되지 않았습니다.",
            en: "> This lesson was imported from notes written in Korean and is not translated yet.")
        for (index, section) in notes.sections.enumerated() {
            let name = slug(section.title, index: index, taken: &taken), id = "\(namespace)/\(name)"
            let related = RelatedContent.match(title: section.title, question: nil, in: builtIn)
            var text = section.body.joined(separator: "\n")
            if MarkdownBody.parse(text).2 != nil { text = verbatim(text); verbatimSections.append(id) }
            let body = (related.map { seeAlso($0, language) + "\n\n" } ?? "") + text
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
                let (text, dropped) = withoutUnknownScenes(front + "\n" + untranslated + body + "\n", knownScenes: knownScenes)
                if l == language { plainScenes += dropped }
                files.append(("Content/\(l.rawValue)/\(namespace)/\(name).md", text))
            }
            guard !section.toggles.isEmpty else { continue }
            var yaml = "lesson: \(id)\nquestions:\n"
            for (n, toggle) in section.toggles.enumerated() {
                let q = quoted(toggle.question), a = quoted(toggle.answer)
                let link = RelatedContent.match(title: section.title, question: toggle.question, in: builtIn)
                let points = rubricPoints(toggle.answer, language: language, checkedAgainst: link)
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
                    explain: {ko: \(quoted(explain(section.title, link, .ko))), en: \(quoted(explain(section.title, link, .en)))}

                """
            }
            quizzes.append(id)
            files.append(("Quizzes/\(namespace)/\(name).yaml", yaml))
        }
        do { try StagedWrite.commit(files, folders: ["Quizzes"], into: dir, overwrite: force) }
        catch let c as StagedWrite.Conflict { throw ImportError.wouldOverwrite(c.paths) }
        catch let f as StagedWrite.Failure { throw ImportError.cannotWrite(f.why) }
        return Written(lessons: lessons, quizFiles: quizzes, files: files.map(\.0), plainScenes: plainScenes,
                       verbatimSections: verbatimSections)
    }

    /// Markdown nested deeper than the reader allows, kept as text: one code block whose fence
    /// is longer than any run of tildes inside, so nothing in it can close it.
    static func verbatim(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text { if c == "~" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "~", count: max(3, longest + 1))
        return fence + "\n" + text + "\n" + fence
    }

    /// The lesson with each scene block naming an unknown scene turned into a plain code block
    /// (its fence line loses the `scene ID` info string), and the ids dropped. The lines come
    /// from the lesson parser itself, so a fence inside a list or quote is found too.
    static func withoutUnknownScenes(_ text: String, knownScenes: Set<String>) -> (String, [String]) {
        var lines = text.components(separatedBy: "\n"), dropped: [String] = []
        let diags = LessonParser.parse(text, file: "", language: .en, knownScenes: knownScenes).diagnostics
        for d in diags where d.message.hasSuffix("in scene block") && d.line >= 1 && d.line <= lines.count {
            let line = lines[d.line - 1]
            guard let fence = line.range(of: #"(`{3,}|~{3,})\s*scene\b.*$"#, options: .regularExpression) else { continue }
            dropped.append(String(line[fence].drop { $0 == "`" || $0 == "~" }.trimmingCharacters(in: .whitespaces).dropFirst(5)).trimmingCharacters(in: .whitespaces))
            let marks = line[fence].prefix { $0 == "`" || $0 == "~" }
            lines[d.line - 1] = line.replacingCharacters(in: fence, with: marks)
        }
        return (lines.joined(separator: "\n"), dropped)
    }

    /// The pointer at the built-in lesson (and question) that corrects a note, as a sentence.
    static func reference(_ m: RelatedContent.Match, _ l: Language) -> String {
        let q = m.question.map { l == .ko ? ", 문제 \($0)" : ", question \($0)" } ?? ""
        return l == .ko ? "내장 레슨 '\(m.lessonTitle.ko)'(nettutor read \(m.lesson)\(q))" : "the built-in lesson '\(m.lessonTitle.en)' (nettutor read \(m.lesson)\(q))"
    }

    /// The first line of an imported lesson on a built-in topic.
    static func seeAlso(_ m: RelatedContent.Match, _ l: Language) -> String {
        l == .ko ? "> 같은 주제: \(reference(m, .ko)). 노트와 다르면 레슨이 맞습니다."
                 : "> On the same topic: \(reference(m, .en)). Where the notes disagree, the lesson is right."
    }

    static func explain(_ title: String, _ link: RelatedContent.Match?, _ l: Language) -> String {
        let check = link.map { l == .ko ? "\(reference($0, .ko))으로 확인하세요." : "check it against \(reference($0, .en))." }
            ?? (l == .ko ? "레슨과 출처로 확인하세요." : "check it against the lesson and its sources.")
        return l == .ko ? "노트의 '\(title)' 절에서 가져온 질문입니다. 노트의 답은 틀릴 수 있으니 \(check)"
                        : "Imported from the notes' section '\(title)'. The notes' answer may be wrong; \(check)"
    }

    /// Rubric points: the answer's sentences (at most five), then a reminder to verify, since
    /// notes can be wrong (naming the built-in lesson when there is one). Always at least two points.
    static func rubricPoints(_ answer: String, language: Language, checkedAgainst link: RelatedContent.Match? = nil) -> [Localized] {
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
        points.append(link.map { Localized(ko: "\(reference($0, .ko))과 맞음(노트에는 오류가 있을 수 있음)",
                                           en: "Agrees with \(reference($0, .en)) (notes can be wrong)") }
                      ?? Localized(ko: "최신 표준과 레슨으로 답을 검증함(노트에는 오류가 있을 수 있음)",
                                   en: "Checks the answer against current standards and the lesson (notes can be wrong)"))
        return points
    }
}
