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
    /// Where the content index is kept (`ContentLibrary+Index.swift`); nil: none, every file is parsed.
    public var index: IndexLocation?

    public init(root: URL, knownScenes: Set<String>, knownGenerators: Set<String> = [], adding: [URL] = []) {
        self.root = root; self.knownScenes = knownScenes; self.knownGenerators = knownGenerators
        roots = [root] + adding.filter { $0.standardizedFileURL.path != root.standardizedFileURL.path }
        rootPaths = roots.map { $0.standardizedFileURL.path }
    }

    /// The standardized path of each folder, computed once: listed paths are built on it, so
    /// `displayPath` is a prefix test (standardizing a URL per file was a tenth of a warm load).
    let rootPaths: [String]

    public var quizDirectory: URL { root.appendingPathComponent("Quizzes") }
    public var glossaryURL: URL { contentDirectory.appendingPathComponent("glossary.yaml") }

    /// The `.ext` files of `dir` and of its subfolders one level down (namespaces), with their
    /// ids (`cors`, `notes/cors`), sorted by id.
    static func files(in dir: URL, ext: String) -> [(id: String, url: URL)] {
        ContentFiles.list(dir.standardizedFileURL.path, ext: ext).map { ($0.id, URL(fileURLWithPath: $0.path)) }
    }

    /// Every quiz file of every folder, with the lesson id its path gives.
    func quizFilesWithIDs() -> [(id: String, url: URL)] {
        roots.flatMap { Self.files(in: $0.appendingPathComponent("Quizzes"), ext: "yaml") }
    }

    /// Every `Quizzes/*.yaml` (and `Quizzes/<namespace>/*.yaml`) of every folder.
    public func quizFiles() -> [URL] { quizFilesWithIDs().map(\.url) }

    /// All quiz banks that parse; problems are returned, broken files skipped. Parsed on every
    /// core; what is parsed also refreshes the index's question refs. `lessons`: only the quiz
    /// files of those lessons (a lesson's quiz needs one file, not all of them).
    public func loadQuizzes(lessons: Set<String>? = nil) -> ([QuizBank], [Diagnostic]) {
        let files = quizFilesWithIDs().filter { lessons?.contains($0.id) ?? true }.map { ($0.url.standardizedFileURL.path, displayPath($0.url)) }
        let results = ParallelMap.map(files.count) { [knownScenes, knownGenerators] i -> Result<QuizParser.Result, Diagnostic> in
            Self.readText(path: files[i].0, file: files[i].1).map {
                QuizParser.parse($0, file: files[i].1, knownScenes: knownScenes, knownGenerators: knownGenerators)
            }
        }
        var banks: [QuizBank] = [], diags: [Diagnostic] = []
        for r in results {
            switch r {
            case .failure(let d): diags.append(d)
            case .success(let r): diags += r.diagnostics; if let bank = r.bank { banks.append(bank) }
            }
        }
        return (banks, diags)
    }

    /// Every question's id, lesson, kind and level, from the index when it is fresh (no quiz
    /// file parsed), with the diagnostics `loadQuizzes` would give: the same questions as the
    /// banks it returns, in the same order.
    public func questionIndex() -> ([QuestionRef], [Diagnostic]) {
        var refs: [QuestionRef] = [], diags: [Diagnostic] = []
        for item in quizRecords() {
            switch item.outcome {
            case .failure(let d): diags.append(d)
            case .success(let rec):
                let file = displayPath(item.path)
                diags += rec.diagnostics.map { $0.diagnostic(file: file) }
                refs += rec.bank?.questions ?? []
            }
        }
        return (refs, diags)
    }

    /// Questions per lesson and kind (from `questionIndex`).
    public func questionCounts() -> [String: [QuestionKind: Int]] {
        var out: [String: [QuestionKind: Int]] = [:]
        for q in questionIndex().0 { out[q.lesson, default: [:]][q.kind, default: 0] += 1 }
        return out
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
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = environment["NETTUTOR_CONTENT"], !env.isEmpty { return URL(fileURLWithPath: env) }
        // Paths as text with stat(2) and realpath(3): Foundation's URL resolving costs a start-up.
        func isFolder(_ path: String) -> Bool { var st = stat(); return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR }
        func holdsContent(_ dir: String) -> Bool { isFolder(join(dir, "Content")) && isFolder(join(dir, "Quizzes")) }
        func join(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }
        func parent(_ path: String) -> String {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
            return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
        }
        var exe = executable
        if let resolved = realpath(executable, nil) { exe = String(cString: resolved); free(resolved) }
        let share = join(parent(parent(exe)), "share/nettutor")
        if holdsContent(share) { return URL(fileURLWithPath: share, isDirectory: true) }
        for start in [parent(exe), workingDirectory] {  // getcwd's path: absolute, no '..' or links
            var dir = start
            while true {
                if holdsContent(dir) { return URL(fileURLWithPath: dir, isDirectory: true) }
                let up = parent(dir)
                if up == dir { break }
                dir = up
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
    /// Through the index: a file unchanged since it was recorded is not read at all.
    public func loadCatalog(countingBlocksOf started: Set<String> = []) -> (LessonCatalog, [Diagnostic]) {
        var metas: [LessonMeta] = [], diags: [Diagnostic] = []
        var seen = Set<String>()
        for item in lessonRecords(wantsBody: { started.contains($0.id) }) {
            switch item.outcome {
            case .failure(let d): diags.append(d)
            case .success(let rec):
                if !rec.diagnostics.isEmpty { diags += rec.diagnostics.map { $0.diagnostic(file: displayPath(item.path)) } }
                guard var meta = rec.meta else { continue }
                if started.contains(meta.id), let body = rec.body {
                    // A body over a limit drops the lesson, as its parse would.
                    guard let count = body.blockCount else { diags += body.diagnostics.map { $0.diagnostic(file: displayPath(item.path)) }; continue }
                    meta.blockCount = count
                }
                if seen.insert("\(meta.language.rawValue)/\(meta.id)").inserted { metas.append(meta) }
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
