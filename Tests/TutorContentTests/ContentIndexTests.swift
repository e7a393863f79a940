import Foundation
import Testing
import TutorCore
@testable import TutorContent

/// The content index (issue 16): a record is reused only while the file's path, size, mtime
/// (to the nanosecond) and inode are unchanged, and a bad or unwritable index only costs speed.
/// Every test sets mtimes explicitly, in the past (a file changed in the last seconds is never
/// recorded), so none depends on the clock's resolution.
@Suite("Content index")
struct ContentIndexTests {
    static let t0 = 1_700_000_000

    func quiz(_ lesson: String, ids: [String]) -> String {
        "lesson: \(lesson)\nquestions:\n" + ids.map {
            "  - id: \(lesson)/\($0)\n    kind: truefalse\n    level: 1\n    prompt: {ko: \"참?\", en: \"True?\"}\n    answer: true\n    explain: {ko: \"네\", en: \"Yes\"}\n"
        }.joined()
    }

    /// A library of two lessons in both languages and their quizzes, every file at `t0`.
    func makeLibrary(cache: String? = nil) throws -> (ContentLibrary, URL) {
        var files: [String: String] = [:]
        for id in ["alpha", "beta"] {
            for lang in ["ko", "en"] { files["Content/\(lang)/\(id).md"] = lessonText(id: id, title: "제목A", body: "## 하나\n\n본문\n\n## 둘\n") }
            files["Quizzes/\(id).yaml"] = quiz(id, ids: ["q1", "q2"])
        }
        let root = try makeRoot(files)
        for (path, _) in files { try setMtime(root.appendingPathComponent(path), seconds: Self.t0, nanoseconds: 100) }
        var library = ContentLibrary(root: root, knownScenes: scenes, knownGenerators: [])
        let dir = cache ?? root.appendingPathComponent(".cache-\(UUID().uuidString)").path
        library.index = IndexLocation(directory: dir, fingerprint: "test")
        return (library, root)
    }

    func setMtime(_ url: URL, seconds: Int, nanoseconds: Int) throws {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    /// Writes in place (same inode), as an editor saving over the file does.
    func overwrite(_ url: URL, _ text: String) throws {
        let h = try FileHandle(forWritingTo: url)
        try h.write(contentsOf: Data(text.utf8)); try h.truncate(atOffset: UInt64(text.utf8.count)); try h.close()
    }

    func titles(_ library: ContentLibrary) -> [String] { library.loadCatalog().0.lessons(in: .ko).map(\.title) }
    func questionIDs(_ library: ContentLibrary) -> [String] { library.questionIndex().0.map(\.id) }

    @Test("A same-size edit within the same second is shown: the mtime's nanoseconds are part of the key")
    func sameSizeSameSecond() throws {
        let (library, root) = try makeLibrary()
        let file = root.appendingPathComponent("Content/ko/alpha.md")
        #expect(titles(library) == ["제목A", "제목A"])
        #expect(FileManager.default.fileExists(atPath: library.index!.path(root: library.rootPaths[0], kind: .lessons)))
        // Same size, same mtime, same inode: the record is used, the file not read (this is
        // what makes the index fast, and shows the test sees the index at work).
        try overwrite(file, lessonText(id: "alpha", title: "제목B", body: "## 하나\n\n본문\n\n## 둘\n"))
        try setMtime(file, seconds: Self.t0, nanoseconds: 100)
        #expect(titles(library) == ["제목A", "제목A"])
        // The same second, 100 ns later: re-read at once.
        try setMtime(file, seconds: Self.t0, nanoseconds: 200)
        #expect(titles(library).sorted() == ["제목A", "제목B"])
        #expect(titles(library).sorted() == ["제목A", "제목B"])   // and recorded so
    }

    @Test("An edit that changes the size is shown even with the old mtime; so is a file replaced by a rename")
    func sizeAndInode() throws {
        let (library, root) = try makeLibrary()
        let file = root.appendingPathComponent("Content/ko/alpha.md")
        _ = titles(library)
        try overwrite(file, lessonText(id: "alpha", title: "더 긴 제목", body: "## 하나\n\n본문\n\n## 둘\n"))
        try setMtime(file, seconds: Self.t0, nanoseconds: 100)
        #expect(titles(library).sorted() == ["더 긴 제목", "제목A"])
        // Same size and mtime, a new inode (a checkout writes a new file and renames it over).
        let temp = root.appendingPathComponent("Content/ko/.alpha.tmp")
        try lessonText(id: "alpha", title: "긴 새 제목", body: "## 하나\n\n본문\n\n## 둘\n").write(to: temp, atomically: false, encoding: .utf8)
        try setMtime(temp, seconds: Self.t0, nanoseconds: 100)
        #expect(rename(temp.path, file.path) == 0)
        #expect(titles(library).sorted() == ["긴 새 제목", "제목A"])
    }

    @Test("Added and deleted lesson and quiz files are reflected at the next load")
    func addedAndDeleted() throws {
        let (library, root) = try makeLibrary()
        #expect(library.loadCatalog().0.ids == ["alpha", "beta"])
        #expect(questionIDs(library) == ["alpha/q1", "alpha/q2", "beta/q1", "beta/q2"])
        for lang in ["ko", "en"] {
            let url = root.appendingPathComponent("Content/\(lang)/gamma.md")
            try lessonText(id: "gamma").write(to: url, atomically: true, encoding: .utf8)
            try setMtime(url, seconds: Self.t0, nanoseconds: 100)
        }
        let gammaQuiz = root.appendingPathComponent("Quizzes/gamma.yaml")
        try quiz("gamma", ids: ["q9"]).write(to: gammaQuiz, atomically: true, encoding: .utf8)
        try setMtime(gammaQuiz, seconds: Self.t0, nanoseconds: 100)
        #expect(library.loadCatalog().0.ids == ["alpha", "beta", "gamma"])
        #expect(questionIDs(library) == ["alpha/q1", "alpha/q2", "beta/q1", "beta/q2", "gamma/q9"])
        for lang in ["ko", "en"] { try FileManager.default.removeItem(at: root.appendingPathComponent("Content/\(lang)/beta.md")) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Quizzes/beta.yaml"))
        #expect(library.loadCatalog().0.ids == ["alpha", "gamma"])
        #expect(questionIDs(library) == ["alpha/q1", "alpha/q2", "gamma/q9"])
        #expect(library.check().filter { $0.severity == .error }.isEmpty, "\(library.check())")
    }

    @Test("A quiz edit is seen by the question index; unchanged quiz files are not parsed when it is warm")
    func quizEdited() throws {
        let (library, root) = try makeLibrary()
        let file = root.appendingPathComponent("Quizzes/alpha.yaml")
        #expect(questionIDs(library) == ["alpha/q1", "alpha/q2", "beta/q1", "beta/q2"])
        try overwrite(file, quiz("alpha", ids: ["x1", "x2"]))
        try setMtime(file, seconds: Self.t0, nanoseconds: 100)
        #expect(questionIDs(library) == ["alpha/q1", "alpha/q2", "beta/q1", "beta/q2"])   // the record, not the file
        try setMtime(file, seconds: Self.t0, nanoseconds: 101)
        #expect(questionIDs(library) == ["alpha/x1", "alpha/x2", "beta/q1", "beta/q2"])
        #expect(library.questionCounts()["alpha"] == [.truefalse: 2])
        #expect(library.questionIndex().0 == library.loadQuizzes().0.flatMap(\.questions).map(QuestionRef.init))
    }

    @Test("Warm and cold give the same catalog, block counts, question refs and check diagnostics, warnings included")
    func warmEqualsCold() throws {
        let (library, root) = try makeLibrary()
        let broken = root.appendingPathComponent("Content/en/beta.md")
        try overwrite(broken, lessonText(id: "beta", topic: "nowhere"))
        let unknownScene = root.appendingPathComponent("Content/ko/beta.md")
        try overwrite(unknownScene, lessonText(id: "beta", body: "```scene no-such-scene\n```\n"))
        let tooDeep = root.appendingPathComponent("Content/en/alpha.md")   // started, and its body over a limit
        try overwrite(tooDeep, lessonText(id: "alpha", body: Hostile.deepQuote))
        let warned = root.appendingPathComponent("Quizzes/beta.yaml")
        try overwrite(warned, """
            lesson: beta
            questions:
              - id: beta/long
                kind: choice
                level: 1
                prompt: {ko: "어느 것?", en: "Which?"}
                choices:
                  - {text: {ko: "아주 아주 아주 아주 긴 정답입니다", en: "a very very very very long right answer"}, correct: true}
                  - {text: {ko: "짧음", en: "short"}, why: {ko: "아님", en: "no"}}
                explain: {ko: "설명", en: "Because"}
              - id: beta/bad
                kind: numeric
                level: 1
                prompt: {ko: "몇?", en: "How many?"}
                answer: .nan
                explain: {ko: "설명", en: "Because"}

            """)
        for url in [broken, unknownScene, tooDeep, warned] { try setMtime(url, seconds: Self.t0, nanoseconds: 7) }
        var plain = library
        plain.index = nil
        let started: Set<String> = ["alpha"]
        let cold = (plain.loadCatalog(countingBlocksOf: started), plain.questionIndex(), plain.check())
        #expect(cold.2.contains { $0.severity == .warning } && cold.2.contains { $0.message.contains("unknown topic") })
        #expect(cold.2.contains { $0.message.contains("no-such-scene") })
        #expect(cold.0.0.meta(id: "alpha", language: .ko)?.blockCount == 3 && cold.0.0.lessons(in: .en).isEmpty)
        #expect(cold.0.1.contains { $0.file == "Content/en/alpha.md" } && cold.1.0.map(\.id) == ["alpha/q1", "alpha/q2"])
        for _ in 0..<3 {   // writes the index, then reads it, in both orders of use
            #expect(library.check() == cold.2)
            #expect(library.loadCatalog(countingBlocksOf: started).0 == cold.0.0)
            #expect(library.loadCatalog(countingBlocksOf: started).1 == cold.0.1)
            #expect(library.questionIndex().0 == cold.1.0 && library.questionIndex().1 == cold.1.1)
        }
    }

    @Test("A garbage, truncated, flipped, empty or absent index file is rebuilt silently, with the right answer")
    func corruptIndexRebuilt() throws {
        let (library, _) = try makeLibrary()
        var plain = library
        plain.index = nil
        let expected = (plain.loadCatalog().0, plain.questionIndex().0, plain.check())
        _ = library.check()
        let lessons = library.index!.path(root: library.rootPaths[0], kind: .lessons)
        let quizzes = library.index!.path(root: library.rootPaths[0], kind: .quizzes)
        let good = try [Data(contentsOf: URL(fileURLWithPath: lessons)), Data(contentsOf: URL(fileURLWithPath: quizzes))]
        var damaged: [(Data, Data)] = [(Data("garbage".utf8), Data(repeating: 0xFF, count: 5000)), (Data(), Data())]
        for cut in stride(from: 1, to: min(good[0].count, good[1].count), by: max(1, good[0].count / 40)) {
            damaged.append((good[0].prefix(cut), good[1].prefix(cut)))                 // truncated
            var a = good[0], b = good[1]
            a[cut] ^= 0x5A; b[cut] ^= 0x01                                               // one byte changed
            damaged.append((a, b))
        }
        for (a, b) in damaged {
            try a.write(to: URL(fileURLWithPath: lessons)); try b.write(to: URL(fileURLWithPath: quizzes))
            #expect(library.loadCatalog().0 == expected.0)
            #expect(library.questionIndex().0 == expected.1)
            #expect(library.check() == expected.2)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: lessons)) == good[0])   // rebuilt, byte for byte
        try FileManager.default.removeItem(atPath: lessons)
        #expect(library.loadCatalog().0 == expected.0)
        #expect(FileManager.default.fileExists(atPath: lessons))
    }

    @Test("An unwritable or unusable cache folder still gives the right answers")
    func unwritableCache() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("nt-blocker-\(UUID().uuidString)")
        try Data("a file, not a folder".utf8).write(to: blocker)
        // Under a regular file (mkdir fails even for root), in /proc, and a folder whose index
        // files are folders themselves.
        for dir in [blocker.path + "/nettutor", "/proc/nettutor-\(UUID().uuidString)"] {
            let (library, _) = try makeLibrary(cache: dir)
            var plain = library
            plain.index = nil
            #expect(library.loadCatalog().0 == plain.loadCatalog().0)
            #expect(library.questionIndex().0 == plain.questionIndex().0)
            #expect(library.check() == plain.check())
            #expect(!FileManager.default.fileExists(atPath: dir))
        }
        let (library, _) = try makeLibrary()
        for kind in [IndexLocation.Kind.lessons, .quizzes] {
            try FileManager.default.createDirectory(atPath: library.index!.path(root: library.rootPaths[0], kind: kind), withIntermediateDirectories: true)
        }
        var plain = library
        plain.index = nil
        #expect(library.loadCatalog().0 == plain.loadCatalog().0 && library.loadCatalog().0 == plain.loadCatalog().0)
        #expect(library.check() == plain.check())
    }

    @Test("Two content folders keep one index each, and an index written for another program is not used")
    func rootsAndFingerprint() throws {
        let (builtIn, _) = try makeLibrary()
        let (added, addedRoot) = try makeLibrary(cache: builtIn.index!.directory)
        try overwrite(addedRoot.appendingPathComponent("Content/ko/alpha.md"), lessonText(id: "alpha", title: "제목Z", body: "## 하나\n\n본문\n\n## 둘\n"))
        try setMtime(addedRoot.appendingPathComponent("Content/ko/alpha.md"), seconds: Self.t0, nanoseconds: 100)
        var both = ContentLibrary(root: builtIn.root, knownScenes: scenes, adding: [added.root])
        both.index = builtIn.index
        #expect(titles(both) == ["제목A", "제목A"])   // the first folder's alpha wins, as without an index
        #expect(titles(added) == ["제목Z", "제목A"])
        // Same files, but a different program: its records (here a stale title) are not trusted.
        try overwrite(addedRoot.appendingPathComponent("Content/ko/alpha.md"), lessonText(id: "alpha", title: "제목Y", body: "## 하나\n\n본문\n\n## 둘\n"))
        try setMtime(addedRoot.appendingPathComponent("Content/ko/alpha.md"), seconds: Self.t0, nanoseconds: 100)
        #expect(titles(added).contains("제목Z"))
        var other = added
        other.index = IndexLocation(directory: added.index!.directory, fingerprint: "another build")
        #expect(titles(other).contains("제목Y"))
    }

    @Test("A catalog whose index is over 256 KiB (decoded while the folders are listed): warm equals cold, the records are used, an edit is seen")
    func largeIndex() throws {
        var files: [String: String] = [:]
        let sources = "sources:\n" + (1...6).map { "  - \"RFC 9293 §3.\($0), https://www.rfc-editor.org/rfc/rfc9293#section-3.\($0) (the state machine)\"\n" }.joined()
        for n in 0..<300 {
            for lang in ["ko", "en"] { files["Content/\(lang)/l\(n).md"] = lessonText(id: "l\(n)", title: "제목 \(n)", extra: sources) }
        }
        let root = try makeRoot(files)
        for (path, _) in files { try setMtime(root.appendingPathComponent(path), seconds: Self.t0, nanoseconds: 100) }
        let cold = ContentLibrary(root: root, knownScenes: scenes, knownGenerators: [])
        var warm = cold
        warm.index = IndexLocation(directory: root.appendingPathComponent(".cache").path, fingerprint: "test")
        let expected = cold.loadCatalog().0
        #expect(warm.loadCatalog().0 == expected)   // written
        let index = try FileManager.default.contentsOfDirectory(atPath: warm.index!.directory).filter { $0.hasPrefix("lessons-") }
        let size = try index.map { try FileManager.default.attributesOfItem(atPath: warm.index!.directory + "/" + $0)[.size] as! Int }
        #expect(size.count == 1 && size[0] > 256 << 10, "the index is large enough to be decoded on a second thread: \(size)")
        #expect(warm.loadCatalog().0 == expected)   // read back
        // Same size, same stamp: the record is shown, not the file (the index was read).
        let edited = root.appendingPathComponent("Content/ko/l7.md")
        try overwrite(edited, lessonText(id: "l7", title: "제목 X", extra: sources))
        try setMtime(edited, seconds: Self.t0, nanoseconds: 100)
        #expect(warm.loadCatalog().0.meta(id: "l7", language: .ko)?.title == "제목 7")
        try setMtime(edited, seconds: Self.t0, nanoseconds: 101)
        #expect(warm.loadCatalog().0.meta(id: "l7", language: .ko)?.title == "제목 X")
        #expect(warm.loadCatalog().0.lessons(in: .en).count == 300)
    }
}
