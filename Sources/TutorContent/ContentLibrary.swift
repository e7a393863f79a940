import Foundation
import TutorCore

/// The content folder on disk: `Content/<lang>/<id>.md` (and `Quizzes/`, used by the quiz work).
public struct ContentLibrary: Sendable {
    public let root: URL
    public let knownScenes: Set<String>
    public let knownGenerators: Set<String>

    public init(root: URL, knownScenes: Set<String>, knownGenerators: Set<String> = []) {
        self.root = root; self.knownScenes = knownScenes; self.knownGenerators = knownGenerators
    }

    public var quizDirectory: URL { root.appendingPathComponent("Quizzes") }
    public var glossaryURL: URL { contentDirectory.appendingPathComponent("glossary.yaml") }

    /// Every `Quizzes/*.yaml`, sorted by name.
    public func quizFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: quizDirectory.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".yaml") }.map { quizDirectory.appendingPathComponent($0) }
    }

    /// All quiz banks that parse; problems are returned, broken files skipped.
    public func loadQuizzes() -> ([QuizBank], [Diagnostic]) {
        var banks: [QuizBank] = [], diags: [Diagnostic] = []
        for url in quizFiles() {
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = QuizParser.parse(text, file: displayPath(url), knownScenes: knownScenes, knownGenerators: knownGenerators)
                diags += r.diagnostics
                if let bank = r.bank { banks.append(bank) }
            }
        }
        return (banks, diags)
    }

    /// The glossary (an absent file is an empty glossary).
    public func loadGlossary() -> ([GlossaryEntry], [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: glossaryURL.path) else { return ([], []) }
        switch read(glossaryURL) {
        case .failure(let d): return ([], [d])
        case .success(let text): return GlossaryParser.parse(text, file: displayPath(glossaryURL))
        }
    }

    public var contentDirectory: URL { root.appendingPathComponent("Content") }

    public func lessonURL(id: String, language: Language) -> URL {
        contentDirectory.appendingPathComponent(language.rawValue).appendingPathComponent("\(id).md")
    }

    /// Finds the content root (DESIGN §6): explicit flag, then `$NETTUTOR_CONTENT`, then
    /// `<exe>/../share/nettutor`, then the nearest ancestor of the executable or of the working
    /// directory holding both `Content/` and `Quizzes/`.
    public static func locate(explicit: String?, environment: [String: String], executable: String, workingDirectory: String) -> URL? {
        let fm = FileManager.default
        func holdsContent(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.appendingPathComponent("Content").path, isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: url.appendingPathComponent("Quizzes").path, isDirectory: &isDir) && isDir.boolValue
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = environment["NETTUTOR_CONTENT"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let share = exe.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/nettutor")
        if holdsContent(share) { return share }
        for start in [exe.deletingLastPathComponent(), URL(fileURLWithPath: workingDirectory)] {
            var dir = start.standardizedFileURL
            while true {
                if holdsContent(dir) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// Every lesson file per language, sorted by name.
    public func lessonFiles() -> [(Language, URL)] {
        var out: [(Language, URL)] = []
        for language in Language.allCases {
            let dir = contentDirectory.appendingPathComponent(language.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                out.append((language, dir.appendingPathComponent(name)))
            }
        }
        return out
    }

    func displayPath(_ url: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    func read(_ url: URL) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(Diagnostic(file: displayPath(url), line: 1, "cannot read file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(file: displayPath(url), line: 1, "file is not valid UTF-8"))
        }
        return .success(text)
    }

    /// Front matter of every lesson; broken lessons are skipped and reported.
    public func loadCatalog() -> (LessonCatalog, [Diagnostic]) {
        var metas: [LessonMeta] = [], diags: [Diagnostic] = []
        var seen = Set<String>()
        for (language, url) in lessonFiles() {
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = LessonParser.parse(text, file: displayPath(url), language: language, metaOnly: true, knownScenes: knownScenes)
                diags += r.diagnostics
                if let meta = r.lesson?.meta, seen.insert("\(language.rawValue)/\(meta.id)").inserted { metas.append(meta) }
            }
        }
        return (LessonCatalog(metas), diags)
    }

    /// One whole lesson, or the diagnostics explaining why it cannot be shown.
    public func loadLesson(id: String, language: Language) -> Result<Lesson, ContentError> {
        let url = lessonURL(id: id, language: language)
        switch read(url) {
        case .failure(let d): return .failure(ContentError(diagnostics: [d]))
        case .success(let text):
            let r = LessonParser.parse(text, file: displayPath(url), language: language, knownScenes: knownScenes)
            if let lesson = r.lesson { return .success(lesson) }
            return .failure(ContentError(diagnostics: r.diagnostics))
        }
    }

    /// Everything `nettutor check` reports, sorted by file and line.
    public func check() -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var ids: [Language: [String: String]] = [:]    // language -> id -> file
        var stems: [Language: [String: String]] = [:]  // language -> file name -> file
        let files = lessonFiles()
        if files.isEmpty {
            diags.append(Diagnostic(file: displayPath(contentDirectory), line: 1, "no lessons found (expected Content/ko/*.md and Content/en/*.md)"))
        }
        for (language, url) in files {
            let file = displayPath(url)
            let stem = url.deletingPathExtension().lastPathComponent
            stems[language, default: [:]][stem] = file
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = LessonParser.parse(text, file: file, language: language, knownScenes: knownScenes)
                diags += r.diagnostics
                guard let meta = r.lesson?.meta else { continue }
                if meta.id != stem {
                    diags.append(Diagnostic(file: file, line: 2, "id '\(meta.id)' does not match the file name '\(stem).md'"))
                }
                if let other = ids[language]?[meta.id] {
                    diags.append(Diagnostic(file: file, line: 2, "duplicate id '\(meta.id)' (also in \(other))"))
                } else {
                    ids[language, default: [:]][meta.id] = file
                }
            }
        }
        // Pairing goes by file name, so a lesson broken in one language still finds its twin.
        for language in Language.allCases {
            for (stem, file) in stems[language] ?? [:] where stems[language.other]?[stem] == nil {
                diags.append(Diagnostic(file: file, line: 1, "lesson '\(stem)' has no \(language.other == .ko ? "Korean" : "English") version (Content/\(language.other.rawValue)/\(stem).md)"))
            }
        }
        diags += checkQuizzes(lessons: Set((stems[.ko] ?? [:]).keys).union((stems[.en] ?? [:]).keys))
        diags += loadGlossary().1
        return diags.sorted()
    }

    /// Quiz files: each parses, is named after its lesson, names an existing lesson, and no
    /// question id appears twice anywhere.
    func checkQuizzes(lessons: Set<String>) -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var ids: [String: String] = [:]
        for url in quizFiles() {
            let file = displayPath(url)
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = QuizParser.parse(text, file: file, knownScenes: knownScenes, knownGenerators: knownGenerators)
                diags += r.diagnostics
                guard let bank = r.bank else { continue }
                let stem = url.deletingPathExtension().lastPathComponent
                if bank.lesson != stem { diags.append(Diagnostic(file: file, line: 1, "lesson '\(bank.lesson)' does not match the file name '\(stem).yaml'")) }
                if !lessons.contains(bank.lesson) { diags.append(Diagnostic(file: file, line: 1, "no lesson '\(bank.lesson)' in Content/")) }
                for q in bank.questions {
                    if let other = ids[q.id] { diags.append(Diagnostic(file: file, line: 1, "question id '\(q.id)' is also used in \(other)")) }
                    else { ids[q.id] = file }
                }
            }
        }
        return diags
    }

    /// Checks a single lesson file (for `nettutor check FILE`).
    public func check(file url: URL) -> [Diagnostic] {
        if url.pathExtension == "yaml" {
            switch read(url) {
            case .failure(let d): return [d]
            case .success(let text):
                if url.lastPathComponent == "glossary.yaml" { return GlossaryParser.parse(text, file: displayPath(url)).1 }
                return QuizParser.parse(text, file: displayPath(url), knownScenes: knownScenes, knownGenerators: knownGenerators).diagnostics
            }
        }
        let language: Language = url.deletingLastPathComponent().lastPathComponent == "ko" ? .ko : .en
        switch read(url) {
        case .failure(let d): return [d]
        case .success(let text):
            return LessonParser.parse(text, file: displayPath(url), language: language, knownScenes: knownScenes).diagnostics
        }
    }
}
