import Foundation
import TutorCore

/// `nettutor check` of a whole library: every file's own diagnostics (from the index when the
/// file is unchanged, else parsed on every core) and the rules across files, in one order.
extension ContentLibrary {
    /// Everything `nettutor check` reports, sorted by file and line.
    public func check() -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var ids: [Language: [String: String]] = [:]    // language -> id -> file
        var stems: [Language: [String: String]] = [:]  // language -> file name -> file
        let files = lessonRecords(wantsBody: { _ in true })
        if files.isEmpty {
            diags.append(Diagnostic(file: displayPath(contentDirectory), line: 1, "no lessons found (expected Content/ko/*.md and Content/en/*.md)"))
        }
        for item in files {
            let file = displayPath(item.path), language = item.language, stem = item.id
            stems[language, default: [:]][stem] = file
            switch item.outcome {
            case .failure(let d): diags.append(d)
            case .success(let rec):
                diags += rec.diagnostics.map { $0.diagnostic(file: file) }
                guard let meta = rec.meta, let body = rec.body else { continue }
                diags += body.diagnostics.map { $0.diagnostic(file: file) }
                guard body.blockCount != nil else { continue }   // over a limit: no lesson
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
        let quizzes = quizRecords()
        diags += checkQuizzes(quizzes, lessons: Set((stems[.ko] ?? [:]).keys).union((stems[.en] ?? [:]).keys))
        diags += loadGlossary().1
        diags += checkKoreanStyle(lessons: files.filter { $0.language == .ko }.map(\.path), quizzes: quizzes.map(\.path))
        return diags.sorted()
    }

    /// Quiz files: each parses, is named after its lesson, names an existing lesson, and no
    /// question id appears twice anywhere.
    func checkQuizzes(_ records: [Indexed<ContentIndex.QuizRecord>], lessons: Set<String>) -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var ids: [String: String] = [:]
        for item in records {
            let file = displayPath(item.path), stem = item.id
            switch item.outcome {
            case .failure(let d): diags.append(d)
            case .success(let rec):
                diags += rec.diagnostics.map { $0.diagnostic(file: file) }
                guard let bank = rec.bank else { continue }
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

    /// Korean prose against `docs/STYLE-ko.md`: Korean lessons, the Korean side of every quiz
    /// and of the glossary. Warnings only: the content still loads.
    func checkKoreanStyle(lessons: [String], quizzes: [String]) -> [Diagnostic] {
        @Sendable func lint(_ path: String, _ lines: (String) -> [(line: Int, text: Substring)]) -> [Diagnostic] {
            guard case .success(let text) = read(URL(fileURLWithPath: path)), KoreanStyle.mayContain(text) else { return [] }  // unreadable: reported already
            return KoreanStyle.diagnostics(lines(text), file: displayPath(URL(fileURLWithPath: path)))
        }
        let glossaries = roots.map { $0.appendingPathComponent("Content/glossary.yaml").path }.filter { FileManager.default.fileExists(atPath: $0) }
        let yaml = quizzes + glossaries
        return ParallelMap.map(lessons.count + yaml.count) { i in
            i < lessons.count ? lint(lessons[i], KoreanStyle.lessonProse) : lint(yaml[i - lessons.count], KoreanStyle.yamlKorean)
        }.flatMap { $0 }
    }
}
