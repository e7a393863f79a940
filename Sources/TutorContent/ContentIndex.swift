import TutorCore
import TutorRender

/// What the content index keeps per file: the outcome of parsing it, so a file whose stamp has
/// not changed is not read again. Diagnostics are kept without their file name (it depends on
/// which folder comes first) and get it back when replayed.
enum ContentIndex {
    /// Bump when what a parse records changes shape. A new build of the program also starts a
    /// new index (its fingerprint is in the header), so a changed message is never replayed.
    static let formatVersion = 2

    /// Path, size, mtime to the nanosecond and inode: any write changes the size or the mtime,
    /// a file replaced by a rename changes the inode.
    struct Stamp: Hashable, Sendable {
        var size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64
    }

    struct StoredDiagnostic: Hashable, Sendable {
        var line: Int, message: String, warning: Bool
        init(_ d: Diagnostic) { line = d.line; message = d.message; warning = d.severity == .warning }
        init(line: Int, message: String, warning: Bool) { self.line = line; self.message = message; self.warning = warning }
        func diagnostic(file: String) -> Diagnostic { Diagnostic(file: file, line: line, message, severity: warning ? .warning : .error) }
    }

    /// A lesson file: its front matter (the meta when it has no error, and the diagnostics) and,
    /// once the body was parsed, the body's outcome.
    struct LessonRecord: Sendable {
        var stamp: Stamp
        var meta: LessonMeta?
        var diagnostics: [StoredDiagnostic]
        var body: Body?
        /// `blockCount` nil: the body breaks a limit (the diagnostic says which); otherwise the
        /// diagnostics are its unknown scene blocks.
        struct Body: Sendable { var blockCount: Int?; var diagnostics: [StoredDiagnostic] }
    }

    /// A quiz file: its diagnostics and, when it loads, the lesson and its questions' refs.
    struct QuizRecord: Sendable {
        var stamp: Stamp
        var diagnostics: [StoredDiagnostic]
        var bank: (lesson: String, questions: [QuestionRef])?
    }
}

// MARK: - Encoding

extension ContentIndex {
    static func write(_ s: Stamp, _ w: inout IndexWriter) {
        w.int(s.size); w.int(s.seconds); w.int(s.nanoseconds); w.uint(s.inode)
    }
    static func readStamp(_ r: inout IndexReader) -> Stamp? {
        guard let size = r.int64(), let sec = r.int64(), let ns = r.int64(), let ino = r.uint() else { return nil }
        return Stamp(size: size, seconds: sec, nanoseconds: ns, inode: ino)
    }

    static func write(_ list: [StoredDiagnostic], _ w: inout IndexWriter) {
        w.uint(UInt64(list.count))
        for d in list { w.int(d.line); w.bool(d.warning); w.string(d.message) }
    }
    static func readDiagnostics(_ r: inout IndexReader) -> [StoredDiagnostic]? {
        guard let n = r.count() else { return nil }
        var out: [StoredDiagnostic] = []
        for _ in 0..<n {
            guard let line = r.int(in: 0...Int(Int32.max)), let warning = r.bool(), let message = r.string() else { return nil }
            out.append(StoredDiagnostic(line: line, message: message, warning: warning))
        }
        return out
    }

    static func write(_ rec: LessonRecord, _ w: inout IndexWriter) {
        write(rec.stamp, &w)
        w.bool(rec.meta != nil)
        if let m = rec.meta {
            w.string(m.id); w.bool(m.language == .ko); w.string(m.title); w.string(m.topic.rawValue); w.int(m.order)
            w.string(m.summary); w.strings(m.scenes); w.strings(m.sources)
        }
        write(rec.diagnostics, &w)
        w.bool(rec.body != nil)
        if let b = rec.body {
            w.bool(b.blockCount != nil); w.int(b.blockCount ?? 0)
            write(b.diagnostics, &w)
        }
    }

    /// Shown text went through `Sanitize` when parsed: a stored string that still holds a
    /// control character was not written by us, and the whole file is refused.
    /// Checked on the UTF-8 bytes (`TerminalText.mayNeedEscape`, exact), no scalar decoded.
    static func clean(_ s: String) -> Bool { !TerminalText.mayNeedEscape(s, keepNewlines: false) }

    static func readLesson(_ r: inout IndexReader) -> LessonRecord? {
        guard let stamp = readStamp(&r), let hasMeta = r.bool() else { return nil }
        var meta: LessonMeta?
        if hasMeta {
            guard let id = r.string(), let ko = r.bool(), let title = r.string(), let topicName = r.string(),
                  let topic = Topic(rawValue: topicName), let order = r.int(), let summary = r.string(),
                  let scenes = r.strings(), let sources = r.strings(),
                  clean(id), clean(title), clean(summary), scenes.allSatisfy(clean), sources.allSatisfy(clean) else { return nil }
            meta = LessonMeta(id: id, language: ko ? .ko : .en, title: title, topic: topic, order: order,
                              summary: summary, scenes: scenes, sources: sources)
        }
        guard let diags = readDiagnostics(&r), let hasBody = r.bool() else { return nil }
        var body: LessonRecord.Body?
        if hasBody {
            guard let counted = r.bool(), let count = r.int(in: 0...Int(Int32.max)), let bodyDiags = readDiagnostics(&r) else { return nil }
            body = LessonRecord.Body(blockCount: counted ? count : nil, diagnostics: bodyDiags)
        }
        return LessonRecord(stamp: stamp, meta: meta, diagnostics: diags, body: body)
    }

    static func write(_ rec: QuizRecord, _ w: inout IndexWriter) {
        write(rec.stamp, &w)
        write(rec.diagnostics, &w)
        w.bool(rec.bank != nil)
        if let bank = rec.bank {
            w.string(bank.lesson)
            w.uint(UInt64(bank.questions.count))
            for q in bank.questions { w.string(q.id); w.string(q.kind.rawValue); w.int(q.level) }
        }
    }

    static func readQuiz(_ r: inout IndexReader) -> QuizRecord? {
        guard let stamp = readStamp(&r), let diags = readDiagnostics(&r), let hasBank = r.bool() else { return nil }
        var bank: (String, [QuestionRef])?
        if hasBank {
            guard let lesson = r.string(), clean(lesson), let n = r.count() else { return nil }
            var questions: [QuestionRef] = []
            questions.reserveCapacity(n)
            for _ in 0..<n {
                guard let id = r.string(), clean(id), let kindName = r.string(), let kind = QuestionKind(rawValue: kindName),
                      let level = r.int(in: 1...3) else { return nil }
                questions.append(QuestionRef(id: id, lesson: lesson, kind: kind, level: level))
            }
            bank = (lesson, questions)
        }
        return QuizRecord(stamp: stamp, diagnostics: diags, bank: bank)
    }
}
