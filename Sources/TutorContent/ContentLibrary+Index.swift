import Foundation
import TutorCore

/// The catalog, the question refs and `check` through the content index: a file whose stamp
/// (size, mtime in nanoseconds, inode) matches its record is not read; the others are read and
/// parsed on every core, and the index is rewritten when anything changed. Without an
/// `index` location everything is parsed, as before.
extension ContentLibrary {
    /// A file of a content folder with the outcome of parsing it (or why it could not be read).
    struct Indexed<R> {
        var language: Language
        var id: String
        var path: String
        var outcome: Result<R, Diagnostic>
    }

    /// Every lesson file per folder and language (the order of `lessonFilesWithIDs`), with its
    /// record. `wantsBody` says for which metas the body's outcome is needed too.
    func lessonRecords(wantsBody: @escaping @Sendable (LessonMeta) -> Bool) -> [Indexed<ContentIndex.LessonRecord>] {
        let scenes = knownScenes
        return indexed(.lessons, listing: { root in
            Language.allCases.flatMap { language in
                ContentFiles.list(root + "/Content/\(language.rawValue)", ext: "md").map { (language, $0) }
            }
        }, fresh: { rec in rec.meta.map { !wantsBody($0) || rec.body != nil } ?? true },
        parse: { text, file, language, stamp in
            let front = LessonParser.frontMatter(text, file: file, language: language, knownScenes: scenes)
            var rec = ContentIndex.LessonRecord(stamp: stamp, meta: front.meta, diagnostics: front.diagnostics.map(ContentIndex.StoredDiagnostic.init))
            if let meta = front.meta, wantsBody(meta) {
                let body = LessonParser.blockCount(front, file: file, knownScenes: scenes)
                rec.body = .init(blockCount: body.count, diagnostics: body.diagnostics.map(ContentIndex.StoredDiagnostic.init))
            }
            return rec
        }, write: ContentIndex.write, read: ContentIndex.readLesson)
    }

    /// Every quiz file of every folder (the order of `quizFilesWithIDs`), with its record.
    func quizRecords() -> [Indexed<ContentIndex.QuizRecord>] {
        indexed(.quizzes, listing: { root in ContentFiles.list(root + "/Quizzes", ext: "yaml").map { (Language.en, $0) } },
                fresh: { _ in true }, parse: { [knownScenes, knownGenerators] text, file, _, stamp in
            Self.quizRecord(QuizParser.parse(text, file: file, knownScenes: knownScenes, knownGenerators: knownGenerators), stamp: stamp)
        }, write: ContentIndex.write, read: ContentIndex.readQuiz)
    }

    static func quizRecord(_ r: QuizParser.Result, stamp: ContentIndex.Stamp) -> ContentIndex.QuizRecord {
        ContentIndex.QuizRecord(stamp: stamp, diagnostics: r.diagnostics.map(ContentIndex.StoredDiagnostic.init),
                                bank: r.bank.map { ($0.lesson, $0.questions.map(QuestionRef.init)) })
    }

    func displayPath(_ path: String) -> String {
        let base = rootPaths[0]
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The shared walk: list, reuse fresh records, parse the rest in parallel, save what changed.
    private func indexed<R: Sendable>(_ kind: IndexLocation.Kind,
                                      listing: @escaping @Sendable (String) -> [(Language, ContentFiles.Found)],
                                      fresh: (R) -> Bool,
                                      parse: @escaping @Sendable (String, String, Language, ContentIndex.Stamp) -> R,
                                      write: (R, inout IndexWriter) -> Void,
                                      read: @escaping @Sendable (inout IndexReader) -> R?) -> [Indexed<R>] where R: StampedRecord {
        let header = { (root: String) in index?.header(root: root, kind: kind, scenes: knownScenes, generators: knownGenerators) ?? "" }
        var out: [Indexed<R>] = []
        var misses: [Int] = []
        var perRoot: [(root: String, stored: [String: R], range: Range<Int>)] = []
        for root in rootPaths {
            let bytes = index?.file(root: root, kind: kind), head = header(root)
            let decode: @Sendable () -> [String: R] = { IndexLocation.records(bytes, header: head, record: read) }
            // A large index is decoded while the folders are listed; a thread costs about 1 MiB
            // of memory, more than a small catalog gains.
            let (stored, listed) = (bytes?.count ?? 0) > 256 << 10 ? ParallelMap.both(decode, { listing(root) }) : (decode(), listing(root))
            let start = out.count
            for (language, found) in listed {
                let key = String(found.path.dropFirst(root.count + 1))
                if let stamp = found.stamp, let rec = stored[key], rec.stamp == stamp, fresh(rec) {
                    out.append(Indexed(language: language, id: found.id, path: found.path, outcome: .success(rec)))
                } else {
                    misses.append(out.count)
                    out.append(Indexed(language: language, id: found.id, path: found.path, outcome: .failure(Diagnostic(file: "", line: 1, ""))))
                }
            }
            perRoot.append((root, stored, start..<out.count))
        }
        let jobs = misses.map { (out[$0].path, displayPath(out[$0].path), out[$0].language) }
        let parsed = ParallelMap.map(jobs.count) { i -> Result<R, Diagnostic> in
            let (path, file, language) = jobs[i]
            // The stamp read before the file: a write after it shows as a new stamp next time.
            guard let stamp = ContentFiles.stampOf(path) else { return .failure(Diagnostic(file: file, line: 1, "cannot read file")) }
            return Self.readText(path: path, file: file).map { parse($0, file, language, stamp) }
        }
        for (n, i) in misses.enumerated() { out[i].outcome = parsed[n] }
        guard let index else { return out }
        // A file changed within the last seconds may change again within the same mtime tick:
        // it is not recorded, so it is read again next time (git's "racily clean" rule).
        let recent = Int64(Date().timeIntervalSince1970) - 2
        for (root, stored, range) in perRoot {
            var records: [String: R] = [:]
            for item in out[range] {
                if case .success(let rec) = item.outcome, rec.stamp.seconds < recent {
                    records[String(item.path.dropFirst(root.count + 1))] = rec
                }
            }
            let changed = records.count != stored.count || records.contains { k, v in stored[k].map { $0.stamp != v.stamp || !fresh($0) } ?? true }
            if changed { index.save(records, root: root, kind: kind, header: header(root), write: write) }
        }
        return out
    }

    /// `read(_:)` on a path: the file's text, or the diagnostic saying why it cannot be used.
    static func readText(path: String, file: String) -> Result<String, Diagnostic> {
        switch ContentText.read(path: path, limit: ContentLimits.fileBytes) {
        case .success(let text): return .success(text)
        case .failure(.unreadable): return .failure(Diagnostic(file: file, line: 1, "cannot read file"))
        case .failure(.notUTF8): return .failure(Diagnostic(file: file, line: 1, "file is not valid UTF-8"))
        case .failure(.tooLarge(let limit)): return .failure(Diagnostic(file: file, line: 1, "file too large (more than \(limit) bytes)"))
        case .failure(.notRegular): return .failure(Diagnostic(file: file, line: 1, "not a regular file (a FIFO, a device or a folder)"))
        }
    }
}

protocol StampedRecord { var stamp: ContentIndex.Stamp { get } }
extension ContentIndex.LessonRecord: StampedRecord {}
extension ContentIndex.QuizRecord: StampedRecord {}

extension ContentFiles {
    static func stampOf(_ path: String) -> ContentIndex.Stamp? {
        var st = stat()
        return stat(path, &st) == 0 ? stamp(st) : nil
    }
}
