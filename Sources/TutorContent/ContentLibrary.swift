import Foundation
import TutorCore

/// The content on disk: `Content/<lang>/<id>.md` and `Quizzes/<id>.yaml` in one or more
/// folders (the built-in library, then what `--content` adds). An id may have one namespace
/// folder (`Content/ko/notes/cors.md` is lesson `notes/cors`), so imported notes never take
/// a built-in lesson's id and progress never mixes.
public struct ContentLibrary: Sendable {
    /// The first folder: `check` reports paths relative to it.
    public let root: URL
    /// Every folder, in order; an id found in two is reported by `check`, the first one is used.
    public let roots: [URL]
    public let knownScenes: Set<String>
    public let knownGenerators: Set<String>

    public init(root: URL, knownScenes: Set<String>, knownGenerators: Set<String> = [], adding: [URL] = []) {
        self.root = root; self.knownScenes = knownScenes; self.knownGenerators = knownGenerators
        roots = [root] + adding.filter { $0.standardizedFileURL.path != root.standardizedFileURL.path }
    }

    public var quizDirectory: URL { root.appendingPathComponent("Quizzes") }
    public var glossaryURL: URL { contentDirectory.appendingPathComponent("glossary.yaml") }

    /// The `.ext` files of `dir` and of its subfolders one level down (namespaces), with their
    /// ids (`cors`, `notes/cors`), sorted by id.
    static func files(in dir: URL, ext: String) -> [(id: String, url: URL)] {
        let fm = FileManager.default
        var out: [(String, URL)] = []
        for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] {
            let url = dir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            if name.hasSuffix("." + ext) { out.append((String(name.dropLast(ext.count + 1)), url)) }
            else if !name.hasPrefix("."), fm.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                for inner in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where inner.hasSuffix("." + ext) {
                    out.append(("\(name)/\(inner.dropLast(ext.count + 1))", url.appendingPathComponent(inner)))
                }
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Every quiz file of every folder, with the lesson id its path gives.
    func quizFilesWithIDs() -> [(id: String, url: URL)] {
        roots.flatMap { Self.files(in: $0.appendingPathComponent("Quizzes"), ext: "yaml") }
    }

    /// Every `Quizzes/*.yaml` (and `Quizzes/<namespace>/*.yaml`) of every folder.
    public func quizFiles() -> [URL] { quizFilesWithIDs().map(\.url) }

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

    /// The glossaries of every folder (an absent file is an empty glossary).
    public func loadGlossary() -> ([GlossaryEntry], [Diagnostic]) {
        var entries: [GlossaryEntry] = [], diags: [Diagnostic] = []
        for url in roots.map({ $0.appendingPathComponent("Content/glossary.yaml") }) where FileManager.default.fileExists(atPath: url.path) {
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text): let (e, d) = GlossaryParser.parse(text, file: displayPath(url)); entries += e; diags += d
            }
        }
        return (entries, diags)
    }

    public var contentDirectory: URL { root.appendingPathComponent("Content") }

    /// The lesson's file in the first folder that has it (else where the first folder would).
    public func lessonURL(id: String, language: Language) -> URL {
        let candidates = roots.map { $0.appendingPathComponent("Content/\(language.rawValue)/\(id).md") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
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

    /// Every lesson file per language and folder, with the id its path gives, sorted by id.
    func lessonFilesWithIDs() -> [(language: Language, id: String, url: URL)] {
        var out: [(Language, String, URL)] = []
        for root in roots {
            for language in Language.allCases {
                out += Self.files(in: root.appendingPathComponent("Content/\(language.rawValue)"), ext: "md").map { (language, $0.id, $0.url) }
            }
        }
        return out
    }

    public func lessonFiles() -> [(Language, URL)] { lessonFilesWithIDs().map { ($0.language, $0.url) } }

    /// Relative to the first folder; a file of an added folder keeps its whole path.
    func displayPath(_ url: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    func read(_ url: URL) -> Result<String, Diagnostic> {
        switch ContentText.read(path: url.path, limit: ContentLimits.fileBytes) {
        case .success(let text): return .success(text)
        case .failure(.unreadable): return .failure(Diagnostic(file: displayPath(url), line: 1, "cannot read file"))
        case .failure(.notUTF8): return .failure(Diagnostic(file: displayPath(url), line: 1, "file is not valid UTF-8"))
        case .failure(.tooLarge(let limit)): return .failure(Diagnostic(file: displayPath(url), line: 1, "file too large (more than \(limit) bytes)"))
        case .failure(.notRegular): return .failure(Diagnostic(file: displayPath(url), line: 1, "not a regular file (a FIFO, a device or a folder)"))
        }
    }

    /// Front matter of every lesson; broken lessons are skipped and reported. The block count is
    /// known only for `countingBlocksOf` (the started lessons): the other bodies are not parsed.
    public func loadCatalog(countingBlocksOf started: Set<String> = []) -> (LessonCatalog, [Diagnostic]) {
        var metas: [LessonMeta] = [], diags: [Diagnostic] = []
        var seen = Set<String>()
        for (language, url) in lessonFiles() {
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = LessonParser.parse(text, file: displayPath(url), language: language, metaOnly: true,
                                           countBlocks: { started.contains($0) }, knownScenes: knownScenes)
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
        let files = lessonFilesWithIDs()
        if files.isEmpty {
            diags.append(Diagnostic(file: displayPath(contentDirectory), line: 1, "no lessons found (expected Content/ko/*.md and Content/en/*.md)"))
        }
        for (language, stem, url) in files {
            let file = displayPath(url)
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
        for (stem, url) in quizFilesWithIDs() {
            let file = displayPath(url)
            switch read(url) {
            case .failure(let d): diags.append(d)
            case .success(let text):
                let r = QuizParser.parse(text, file: file, knownScenes: knownScenes, knownGenerators: knownGenerators)
                diags += r.diagnostics
                guard let bank = r.bank else { continue }
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
        // Content/<lang>/<id>.md or Content/<lang>/<namespace>/<id>.md
        let parents = [url.deletingLastPathComponent(), url.deletingLastPathComponent().deletingLastPathComponent()]
        let language: Language = parents.first { ["ko", "en"].contains($0.lastPathComponent) }?.lastPathComponent == "ko" ? .ko : .en
        switch read(url) {
        case .failure(let d): return [d]
        case .success(let text):
            return LessonParser.parse(text, file: displayPath(url), language: language, knownScenes: knownScenes).diagnostics
        }
    }
}
