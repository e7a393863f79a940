import ArgumentParser
import Foundation
import NetSim
import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz

/// The store for a command: a corrupt file is moved aside; an unusable folder is an error.
func openStoreOrExplain(_ global: GlobalOptions) throws -> ProgressStore {
    let path = global.dataDirectory + "/progress.sqlite"
    do {
        let (store, message) = try SQLiteProgressStore.openMovingCorruptAside(path: path)
        if let message { printError(message) }
        return store
    } catch let e as ProgressError {
        throw CLIError(e.description, code: 1)
    }
}

func utcOffset() -> Double { Double(TimeZone.current.secondsFromGMT()) }
func dayNumber(_ t: Double) -> Int { Int(((t + utcOffset()) / 86_400).rounded(.down)) }

struct Quiz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Interview-style quizzes: a lesson's questions, today's reviews, or an interview round.",
        discussion: "--plain is a line-oriented quiz on standard input and output (for scripts and screen readers). Every answer is saved as it is given.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A lesson id (default: today's reviews).") var lesson: String?
    @Flag(help: "Today's reviews: due cards, then new questions.") var due = false
    @Flag(help: "Interview mode: open questions across lessons, two minutes each.") var interview = false
    @Option(help: "Interview mode: how many questions.") var count = 5
    @Option(help: "New questions a day in reviews.") var newPerDay: Int?
    @Flag(help: "Line-oriented quiz on stdin/stdout (the default when not on a terminal).") var plain = false

    func run() throws {
        try handlingErrors {
            let library = try global.library()
            let (banks, diags) = library.loadQuizzes()
            for d in diags where d.severity == .error { printError(d.description) }
            let store = try openStoreOrExplain(global)
            let now = Date().timeIntervalSince1970
            let settingNew = (try? store.settings())?.newPerDay
            let session = try Self.session(banks: banks, lesson: lesson, due: due, interview: interview, count: count,
                                           newPerDay: newPerDay ?? settingNew ?? 10, store: store, now: now)
            if !plain && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
                guard !session.items.isEmpty else {
                    print(global.language == .ko ? "지금 풀 문제가 없습니다. 오늘 복습할 카드도 새 문제도 없습니다." : "Nothing to do now: no reviews are due and no new questions are left.")
                    return
                }
                try RunLoop(global: global, start: .quiz(session)).run()
                return
            }
            var quiz = PlainQuiz(session: session, store: store, language: global.language, fsrs: try Self.scheduler(store))
            try quiz.run()
        }
    }

    static func scheduler(_ store: ProgressStore) throws -> FSRS { try store.settings().scheduler }

    static func session(banks: [QuizBank], lesson: String?, due: Bool, interview: Bool, count: Int, newPerDay: Int,
                        store: ProgressStore, now: Double) throws -> QuizSession {
        let day = dayNumber(now)
        if interview {
            guard (1...50).contains(count) else { throw CLIError("--count must be between 1 and 50", code: 2) }
            return QuizSession.interview(banks.flatMap(\.questions), count: count, seed: UInt64(bitPattern: Int64(day)))
        }
        if let lesson, !due {
            guard let bank = banks.first(where: { $0.lesson == lesson }) else {
                let close = banks.map(\.lesson).filter { editDistance($0, lesson) <= 3 || $0.contains(lesson) }
                throw CLIError("no quiz for '\(lesson)'; \(close.isEmpty ? "lessons with quizzes: \(banks.map(\.lesson).joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))?")", code: 2)
            }
            return QuizSession.lesson(bank, day: day)
        }
        guard (0...500).contains(newPerDay) else { throw CLIError("--new-per-day must be between 0 and 500", code: 2) }
        let cards = try store.cards()
        let startOfDay = Double(day) * 86_400 - utcOffset()
        // New cards started today count against today's allowance.
        let newToday = try store.newCardsStarted(since: startOfDay)
        var questions = banks.flatMap(\.questions)
        if let lesson { questions = questions.filter { $0.lesson == lesson } }
        return QuizSession.review(questions, cards: cards, now: now, newPerDay: newPerDay, newStartedToday: newToday, day: day)
    }
}

/// The line-oriented quiz: prompts on stdout, answers from stdin, one line each.
struct PlainQuiz {
    var session: QuizSession
    let store: ProgressStore
    let language: Language
    let fsrs: FSRS

    func say(_ s: String) { FileHandle.standardOutput.write((s + "\n").data(using: .utf8)!) }
    func ask(_ prompt: String) -> String? {
        FileHandle.standardOutput.write((prompt + " ").data(using: .utf8)!)
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line
    }
    func t(_ l: Localized) -> String { l[language] }
    var ko: Bool { language == .ko }

    mutating func run() throws {
        guard !session.items.isEmpty else {
            say(ko ? "지금 풀 문제가 없습니다. 오늘 복습할 카드도 새 문제도 없습니다." : "Nothing to do now: no reviews are due and no new questions are left.")
            return
        }
        let total = session.items.count
        say(ko ? "문제 \(total)개. 빈 줄은 건너뛰기, q는 그만두기(답한 것은 저장됨)." : "\(total) questions. An empty line skips, q stops (answers given are saved).")
        while let item = session.current {
            let q = item.question
            say("")
            say("[\(session.index + 1)/\(total)] \(q.kind.rawValue) · \(q.id)")
            say(t(item.prompt))
            let started = Date()
            guard let response = try read(item) else { say(ko ? "그만둡니다." : "Stopping."); break }
            let elapsed = Date().timeIntervalSince(started)
            let grade = session.answer(response)
            for line in grade.feedback { say(t(line)) }
            if session.mode == .interview && elapsed > QuizSession.interviewSeconds {
                say(ko ? "시간 초과: \(Int(elapsed))초(제한 \(Int(QuizSession.interviewSeconds))초)." : "Over time: \(Int(elapsed)) s (limit \(Int(QuizSession.interviewSeconds)) s).")
            }
            say((ko ? "설명: " : "Why: ") + t(item.explain))
            let now = Date().timeIntervalSince1970
            let card = Scheduling.next(try store.cards()[q.id], rating: grade.rating, at: now, fsrs: fsrs)
            try store.record(Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: now, correct: grade.correct,
                                     score: grade.score, rating: grade.rating, durationMS: Int(elapsed * 1000),
                                     response: response.recordText, source: session.mode.source), card: card)
            say((ko ? "다음 복습: " : "Next review: ") + dueText(card.due - now))
        }
        let answered = session.grades.count
        say("")
        say(ko ? "결과: \(answered)문제 중 \(session.correctCount)개 정답." : "Done: \(session.correctCount) of \(answered) correct.")
    }

    func dueText(_ seconds: Double) -> String {
        if seconds < 3600 { return ko ? "\(Int((seconds / 60).rounded()))분 뒤" : "in \(Int((seconds / 60).rounded())) min" }
        if seconds < 86_400 { return ko ? "\(Int((seconds / 3600).rounded()))시간 뒤" : "in \(Int((seconds / 3600).rounded())) h" }
        let d = Int((seconds / 86_400).rounded())
        return ko ? "\(d)일 뒤" : "in \(d) day\(d == 1 ? "" : "s")"
    }

    /// Reads one answer for the item; nil means stop.
    func read(_ item: QuizItem) throws -> Response? {
        let q = item.question
        func line(_ prompt: String) -> String?? {
            guard let l = ask(prompt) else { return .some(nil) }   // end of input: stop
            if l.trimmingCharacters(in: .whitespaces).lowercased() == "q" { return .some(nil) }
            return .some(l)
        }
        switch q.answer {
        case .choices(let choices):
            for (i, c) in choices.enumerated() { say("  \(i + 1)) \(t(c.text))") }
            let multi = q.kind == .multi
            guard let answer = line(multi ? (ko ? "번호들(예: 1 3):" : "Numbers (e.g. 1 3):") : (ko ? "번호:" : "Number:")), let text = answer else { return nil }
            let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.map { $0 - 1 }
            if numbers.isEmpty { return .skipped }
            return multi ? .multi(Set(numbers)) : .choice(numbers[0])
        case .trueFalse:
            guard let answer = line(ko ? "참/거짓 (t/f):" : "True or false (t/f):"), let text = answer?.lowercased().trimmingCharacters(in: .whitespaces) else { return nil }
            if ["t", "true", "참", "o", "y", "yes", "예"].contains(text) { return .trueFalse(true) }
            if ["f", "false", "거짓", "x", "n", "no", "아니오"].contains(text) { return .trueFalse(false) }
            return .skipped
        case .short, .numeric, .generated:
            guard let answer = line(ko ? "답:" : "Answer:"), let text = answer else { return nil }
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? .skipped : .text(text)
        case .cloze(let template):
            let parts = Cloze.parts(template[language])
            say(parts.text.enumerated().map { i, s in s + (i < parts.blanks.count ? "[\(i + 1)]" : "") }.joined())
            var blanks: [String] = []
            for i in 0..<parts.blanks.count {
                guard let answer = line(ko ? "빈칸 \(i + 1):" : "Blank \(i + 1):"), let text = answer else { return nil }
                blanks.append(text)
            }
            return blanks.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) ? .skipped : .blanks(blanks)
        case .order(let items):
            let list = items[language]
            // Shown shuffled (seeded by the item), answered as the shown numbers in the right order.
            var rng = SeededRandom(seed: item.seed)
            var shown = Array(list.indices)
            while shown == Array(list.indices) && list.count > 1 { shown.shuffle(using: &rng) }
            for (i, k) in shown.enumerated() { say("  \(i + 1)) \(list[k])") }
            guard let answer = line(ko ? "올바른 순서의 번호(예: 3 1 2):" : "The numbers in the right order (e.g. 3 1 2):"), let text = answer else { return nil }
            let picks = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.map { $0 - 1 }.filter { shown.indices.contains($0) }
            return picks.isEmpty ? .skipped : .order(picks.map { shown[$0] })
        case .open(let rubric, let model):
            if session.mode == .interview { say(ko ? "(제한 시간 2분)" : "(two minutes)") }
            guard let answer = line(ko ? "답(한 줄, 빈 줄은 건너뛰기):" : "Your answer (one line; empty skips):"), let text = answer else { return nil }
            say((ko ? "모범 답안: " : "Model answer: ") + t(model))
            for (i, point) in rubric.enumerated() { say("  \(i + 1)) \(t(point))") }
            guard let coveredAnswer = line(ko ? "다룬 항목 번호(예: 1 3, 없으면 빈 줄):" : "Points you covered (e.g. 1 3; empty for none):"), let coveredText = coveredAnswer else { return nil }
            let covered = Set(coveredText.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.map { $0 - 1 }.filter { rubric.indices.contains($0) })
            let suggested = Grader.suggestedRating(share: rubric.isEmpty ? 0 : Double(covered.count) / Double(rubric.count))
            guard let ratingAnswer = line(ko ? "평가 again/hard/good/easy (Enter: \(t(Grader.ratingName(suggested)))):" : "Rating again/hard/good/easy (Enter: \(t(Grader.ratingName(suggested)))):"), let ratingText = ratingAnswer else { return nil }
            let names: [String: Rating] = ["again": .again, "1": .again, "hard": .hard, "2": .hard, "good": .good, "3": .good, "easy": .easy, "4": .easy,
                                           "다시": .again, "어려움": .hard, "좋음": .good, "쉬움": .easy]
            return .open(text: text, covered: covered, rating: names[ratingText.trimmingCharacters(in: .whitespaces).lowercased()])
        }
    }

}

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Study progress: mastery by topic, reviews due, activity; export and import.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .customLong("export"), help: "Write everything the store holds to this JSON file.") var exportPath: String?
    @Option(name: .customLong("import"), help: "Merge a JSON export into the store (importing twice adds nothing).") var importPath: String?
    @Option(help: "Show a study streak: on or off (off by default).") var streak: String?
    @Option(help: "Desired retention for scheduling, 0.7 to 0.99 (default 0.9).") var retention: Double?
    @Option(help: "New questions a day in reviews (default 10).") var newPerDay: Int?

    func run() throws {
        try handlingErrors {
            let store = try openStoreOrExplain(global)
            if let exportPath {
                let encoder = JSONEncoder(); encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                do { try encoder.encode(try store.export()).write(to: URL(fileURLWithPath: exportPath)) }
                catch let e as ProgressError { throw CLIError(e.description, code: 1) }
                catch { throw CLIError("cannot write \(exportPath): \(error.localizedDescription)", code: 1) }
                printError("exported to \(exportPath)")
                return
            }
            if let importPath {
                guard let data = FileManager.default.contents(atPath: importPath) else { throw CLIError("cannot read \(importPath)", code: 2) }
                let incoming: ProgressExport
                do { incoming = try JSONDecoder().decode(ProgressExport.self, from: data) }
                catch { throw CLIError("\(importPath) is not a nettutor progress export: \(error)", code: 2) }
                let before = try store.attempts().count
                try store.merge(incoming)
                printError("imported \(importPath): \(try store.attempts().count - before) new answers")
                return
            }
            var settings = try store.settings()
            if let streak {
                guard ["on", "off"].contains(streak) else { throw CLIError("--streak takes on or off", code: 2) }
                settings.streak = streak == "on"
            }
            if let retention {
                guard (0.7...0.99).contains(retention) else { throw CLIError("--retention must be between 0.7 and 0.99", code: 2) }
                settings.desiredRetention = retention
            }
            if let newPerDay {
                guard (0...500).contains(newPerDay) else { throw CLIError("--new-per-day must be between 0 and 500", code: 2) }
                settings.newPerDay = newPerDay
            }
            if streak != nil || retention != nil || newPerDay != nil { try store.save(settings) }
            let library = try global.library()
            let dash = try DashboardLoader.load(library: library, store: store, now: Date().timeIntervalSince1970, utcOffset: utcOffset())
            if json {
                let encoder = JSONEncoder(); encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(data: try encoder.encode(dash), encoding: .utf8)!)
                return
            }
            print(DashboardText.plain(dash, language: global.language, streak: settings.streak,
                                      glyphs: global.ascii ? .ascii : .unicode), terminator: "")
        }
    }
}

/// Loads what the dashboard needs from the content and the store.
enum DashboardLoader {
    /// `catalog` and `banks`: pass them when already loaded (the TUI has them).
    static func load(library: ContentLibrary, store: ProgressStore, now: Double, utcOffset: Double,
                     catalog loadedCatalog: LessonCatalog? = nil, banks loadedBanks: [QuizBank]? = nil) throws -> DashboardData {
        let catalog = loadedCatalog ?? library.loadCatalog().0
        let banks = loadedBanks ?? library.loadQuizzes().0
        var topics: [String: String] = [:]
        for id in catalog.ids { if let m = catalog.meta(id: id, language: .en) ?? catalog.meta(id: id, language: .ko) { topics[id] = m.topic.rawValue } }
        let reviews = try store.reviews().map { (questionID: $0.questionID, reviewedAt: $0.reviewedAt, due: $0.due) }
        return Dashboard.compute(questions: banks.flatMap(\.questions), lessonTopics: topics, topicOrder: Topic.allCases.map(\.rawValue),
                                 readLessons: try store.readLessons(), cards: try store.cards(), attempts: try store.attempts(),
                                 reviews: reviews, now: now, utcOffset: utcOffset, fsrs: try store.settings().scheduler)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export questions for other tools.", subcommands: [Anki.self])

    struct Anki: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A tab-separated file Anki imports (File > Import), with its header lines.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Output file (default: standard output).") var out: String?

        func run() throws {
            try handlingErrors {
                let (banks, _) = try global.library().loadQuizzes()
                let text = AnkiExport.tsv(banks, language: global.language)
                if let out {
                    do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch { throw CLIError("cannot write \(out): \(error.localizedDescription)", code: 1) }
                    printError("wrote \(banks.reduce(0) { $0 + $1.questions.count }) notes to \(out)")
                } else {
                    FileHandle.standardOutput.write(text.data(using: .utf8)!)
                }
            }
        }
    }
}

struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete all study progress (reads, answers, reviews). Needs --yes.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Really delete everything.") var yes = false

    func run() throws {
        try handlingErrors {
            guard yes else { throw CLIError("this deletes all progress in \(global.dataDirectory); run 'nettutor reset --yes' to do it (consider 'nettutor progress --export FILE' first)", code: 2) }
            let store = try openStoreOrExplain(global)
            try store.reset()
            printError("progress deleted")
        }
    }
}

/// `make bench` only: a store with many review-log rows, and what a day's scheduling costs on it.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-store", abstract: "Benchmark: scheduling over a large progress store.", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    @Option var rows = 100_000

    func run() throws {
        try handlingErrors {
            let (banks, _) = try global.library().loadQuizzes()
            let questions = banks.flatMap(\.questions)
            let store = try openStoreOrExplain(global)
            let clock = ContinuousClock()
            func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
            // A year of history: every question reviewed again and again with the real scheduler.
            var data = ProgressExport()
            let fsrs = FSRS()
            var rng = SeededRandom(seed: 7)
            let start = Date().timeIntervalSince1970 - 365 * 86_400
            var cards: [String: Card] = [:]
            let fill = clock.measure {
                for i in 0..<rows {
                    let q = questions[i % questions.count]
                    let t = start + Double(i) * (365 * 86_400 / Double(rows))
                    let r = rng.next() % 10
                    let rating: Rating = r < 1 ? .again : r < 2 ? .hard : r < 9 ? .good : .easy
                    let card = fsrs.review(cards[q.id] ?? Card(due: t), rating: rating, at: t)
                    cards[q.id] = card
                    data.attempts.append(Attempt(questionID: q.id, lesson: q.lesson, kind: q.kind.rawValue, answeredAt: t, correct: rating != .again,
                                                 score: rating == .again ? 0 : 1, rating: rating, durationMS: 8000, response: "", source: "review"))
                    data.reviews.append(ReviewEntry(questionID: q.id, rating: rating, reviewedAt: t, durationMS: 8000, card: card))
                }
                data.cards = cards
            }
            let write = clock.measure { try? store.merge(data) }
            let now = Date().timeIntervalSince1970
            var session: QuizSession?
            let schedule = clock.measure {
                session = try? Quiz.session(banks: banks, lesson: nil, due: true, interview: false, count: 5, newPerDay: 10, store: store, now: now)
            }
            var dash: DashboardData?
            let dashboard = clock.measure { dash = try? DashboardLoader.load(library: try! global.library(), store: store, now: now, utcOffset: 0) }
            print(String(format: "store with %d review-log rows: generated in %.0f ms, written in %.0f ms", try store.reviews().count, ms(fill), ms(write)))
            print(String(format: "a day's review session (%d questions) scheduled in %.1f ms; dashboard computed in %.1f ms (%d answers)",
                         session?.items.count ?? 0, ms(schedule), ms(dashboard), dash?.answered ?? 0))
        }
    }
}
