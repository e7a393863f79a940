import ArgumentParser
import NetSim
import Foundation
import TutorApp
import TutorContent
import TutorCore
import TutorQuiz
import TutorLive
import TutorRender

@main
enum Main {
    static func main() {
        Nettutor.main(GlobalArguments.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
    }
}

/// Global options may come before the subcommand (`nettutor --lang ko read x`); ArgumentParser
/// only reads a subcommand's options after its name, so they are moved there.
enum GlobalArguments {
    static let withValue: Set<String> = ["--lang", "--content", "--data-dir"]
    static let flags: Set<String> = ["--ascii", "--no-color"]

    static func movedAfterSubcommand(_ args: [String]) -> [String] {
        let names = Set(Nettutor.configuration.subcommands.map { $0._commandName } + ["help"])
        var globals: [String] = [], i = 0
        while i < args.count {
            let a = args[i]
            if names.contains(a) { return [a] + globals + Array(args[(i + 1)...]) }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if withValue.contains(name) {
                globals.append(a)
                if !a.contains("="), i + 1 < args.count { globals.append(args[i + 1]); i += 1 }
            } else if flags.contains(a) {
                globals.append(a)
            } else {
                return args  // something else first (e.g. --version, --help): leave it alone
            }
            i += 1
        }
        return args
    }
}

struct Nettutor: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "nettutor",
        abstract: "A terminal tutor for computer networking (Korean and English).",
        version: version,
        subcommands: [TUI.self, Lessons.self, Read.self, Quiz.self, Progress.self, Play.self, Cwnd.self, Journey.self, Export.self, Reset.self, Check.self, Import.self, BenchRender.self, BenchStore.self],
        defaultSubcommand: TUI.self)
}

struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Open the interactive tutor (the default).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try handlingErrors { try RunLoop(global: global).run() }
    }
}

struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (one array of lessons).") var json = false

    func run() throws {
        try handlingErrors {
            let library = try global.library()
            let (catalog, diags) = library.loadCatalog()
            for d in diags { printError(d.description) }
            let language = global.language
            let metas = catalog.ids.compactMap { catalog.meta(id: $0, language: language) }
            if json {
                struct Entry: Encodable {
                    var id, title, topic, summary: String; var order: Int
                    var scenes, sources, languages: [String]
                }
                let entries = metas.map { m in
                    Entry(id: m.id, title: m.title, topic: m.topic.rawValue, summary: m.summary, order: m.order,
                          scenes: m.scenes, sources: m.sources,
                          languages: Language.allCases.filter { l in catalog.lessons(in: l).contains { $0.id == m.id } }.map(\.rawValue))
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(data: try encoder.encode(entries), encoding: .utf8)!)
                return
            }
            let idWidth = metas.map { $0.id.count }.max() ?? 0
            var topic: Topic?
            for m in metas {
                if m.topic != topic { print("\(topic == nil ? "" : "\n")\(m.topic.title[language])"); topic = m.topic }
                print("  \(m.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(m.title)")
            }
        }
    }
}

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a lesson, wrapped by display columns.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Lesson id (see 'nettutor lessons').") var id: String
    @Flag(help: "Plain text: no colours or styles even on a terminal.") var plain = false
    @Option(help: "Wrap to this many columns (default: the terminal width, or 80).") var width: Int?

    func validate() throws {
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000") }
    }

    func run() throws {
        try handlingErrors {
            let library = try global.library()
            let lesson = try Self.find(id: id, language: global.language, in: library)
            let tty = isatty(STDOUT_FILENO) == 1
            let columns = width ?? (tty ? terminalColumns() ?? 80 : 80)
            let glyphs: Glyphs = global.ascii ? .ascii : .unicode
            var lines: [Line] = Wrap.wrap(lesson.meta.title, width: columns, style: Style(.heading, bold: true))
            lines.append([Span(String(repeating: glyphs.heavyHorizontal, count: min(columns, lines.map(\.width).max() ?? 0)), Style(.heading))])
            lines += Wrap.wrap(lesson.meta.summary, width: columns, style: Style(.dim))
            lines.append([])
            lines += LessonLayout.lines(lesson, width: columns, glyphs: glyphs, language: lesson.meta.language).map(\.line)
            let styled = tty && !plain && global.useColor
            var out = ""
            for line in lines {
                var text = styled ? ANSI.line(line) : line.plainText
                while text.hasSuffix(" ") { text.removeLast() }
                out += text + "\n"
            }
            FileHandle.standardOutput.write(out.data(using: .utf8)!)
        }
    }
}

extension Read {
    /// The lesson in `language`, else in the other language; an unknown id is exit code 2 with
    /// close matches. Loads one file, not the catalog, when the id exists.
    static func find(id: String, language: Language, in library: ContentLibrary) throws -> Lesson {
        // Ids are file names; anything else (a path, "..") is simply not a lesson.
        let safe = !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        for l in [language, language.other] where safe && FileManager.default.fileExists(atPath: library.lessonURL(id: id, language: l).path) {
            switch library.loadLesson(id: id, language: l) {
            case .success(let lesson): return lesson
            case .failure(let e): throw CLIError(e.description, code: 1)
            }
        }
        let close = library.loadCatalog().0.closeMatches(to: id)
        let hint = close.isEmpty ? "run 'nettutor lessons' to list them" : "did you mean: \(close.joined(separator: ", "))?"
        throw CLIError("no lesson '\(id)'; \(hint)", code: 2)
    }
}

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scene and print it: a ladder diagram with narration, JSON lines, or Mermaid.",
        discussion: "Scenes that play: \(SceneID.allCases.filter(\.isPlayable).map(\.rawValue).joined(separator: ", ")).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Scene id.") var scene: String
    @Flag(help: "Readable ladder diagram with the state changes and narration (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: 'json' writes one JSON object per event.") var trace: String?
    @Option(help: "Export: 'mermaid' writes a Mermaid sequence diagram.") var export: String?
    @Option(help: "Drop the N-th transmitted segment (1-based, both directions); a comma list.") var drop: String?
    @Option(help: "Random loss probability 0..1 (with --seed).") var loss: Double = 0
    @Option(help: "Seed for random loss.") var seed: UInt64 = 1
    @Option(name: .customLong("isn-client"), help: "Client initial sequence number.") var isnClient: UInt32?
    @Option(name: .customLong("isn-server"), help: "Server initial sequence number.") var isnServer: UInt32?
    @Option(help: "Round-trip time in ms.") var rtt: Double?
    @Option(help: "ARQ: sender window in packets; flow-control: receive buffer in bytes.") var window: Int?
    @Option(help: "ARQ: number of packets; flow-control: kilobytes to send.") var packets: Int?

    func run() throws {
        try handlingErrors {
            guard let id = SceneID(rawValue: scene) else {
                let ids = SceneID.allCases.map(\.rawValue)
                let close = ids.filter { editDistance($0, scene) <= 3 || $0.contains(scene) }
                throw CLIError("no scene '\(scene)'; \(close.isEmpty ? "scenes: \(ids.joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))?")", code: 2)
            }
            if id == .urlJourney {
                if export != nil { throw CLIError("url-journey exports with 'nettutor journey --plain' or '--trace json'", code: 2) }
                if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
                try Journey.output(JourneyParameters(), plain: plain, trace: trace, global: global)
                return
            }
            if id == .cwndLab {
                // The chart scene: the same as `nettutor cwnd` with its defaults.
                if let export, export != "mermaid" { throw CLIError("--export takes 'mermaid'", code: 2) }
                if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
                try Cwnd.output(parameters: CwndParameters(), compare: false, chart: global.ascii ? .ascii : .braille, plain: plain,
                                trace: trace, mermaid: export == "mermaid", global: global)
                return
            }
            var options = SceneOptions()
            if let drop {
                let parts = drop.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else { throw CLIError("--drop takes positive segment numbers, e.g. --drop 3 or --drop 2,5", code: 2) }
                options.drops = Set(parts.compactMap { $0 })
            }
            options.lossRate = loss; options.seed = seed
            options.clientISN = isnClient; options.serverISN = isnServer; options.rtt = rtt
            options.window = window; options.packets = packets
            if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
            if let export, export != "mermaid" { throw CLIError("--export takes 'mermaid'", code: 2) }
            let result: Trace
            do { result = try id.trace(options) } catch let e as SceneError { throw CLIError(e.description, code: 2) }
            if !plain && trace == nil && export == nil && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
                try RunLoop(global: global, start: .scene(id, options)).run()
                return
            }
            let text: String
            if trace == "json" { text = TraceExport.jsonLines(result) }
            else if export == "mermaid" { text = TraceExport.mermaid(result) }
            else { text = TraceExport.plain(result, language: global.language, width: 80) }
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
    }
}

struct Cwnd: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The congestion-window lab: cwnd per round as a chart you can steer, or a table.",
        discussion: """
        Models: 'textbook' (per transmission round, in MSS, Kurose & Ross rules; CUBIC per RFC 9438 with one round = one RTT) \
        and 'rfc5681' (per ACK, in bytes, fast retransmit and fast recovery, RFC 6298 timer). \
        Events: --events 3dup@8,timeout@14 (the loss is detected in that round; the next round uses the reduced window).
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "tahoe, reno or cubic.") var algo: String = "reno"
    @Flag(help: "Tahoe, Reno and CUBIC on the same loss pattern in one chart.") var compare = false
    @Option(help: "textbook or rfc5681.") var model: String = "textbook"
    @Option(help: "Initial ssthresh in segments.") var ssthresh: Double = 8
    @Option(help: "Initial window in segments (default: 1 in the textbook model, RFC 5681's IW otherwise).") var iw: Double?
    @Option(help: "Number of rounds (RTTs).") var rounds: Int = 20
    @Option(help: "Scripted losses, e.g. 3dup@8,timeout@14 ('none' for no scripted loss).") var events: String = "3dup@8"
    @Option(help: "Random loss probability per segment, 0..0.5 (with --seed).") var loss: Double = 0
    @Option(help: "Seed for random loss.") var seed: UInt64 = 1
    @Option(help: "Receiver window in segments: at most min(cwnd, rwnd) in flight.") var rwnd: Double?
    @Option(help: "Round-trip time in ms (CUBIC's clock; the rfc5681 model's ACK clock).") var rtt: Double = 100
    @Option(help: "Chart: braille, block or ascii.") var chart: String = "braille"
    @Flag(help: "A table of rounds and a text chart (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: 'json' writes one JSON object per round (per ACK in rfc5681).") var trace: String?

    func run() throws {
        try handlingErrors {
            guard let algorithm = CongestionAlgorithm(rawValue: algo.lowercased()) else { throw CLIError("--algo takes tahoe, reno or cubic", code: 2) }
            guard let m = CwndModel(rawValue: model.lowercased()) else { throw CLIError("--model takes textbook or rfc5681", code: 2) }
            guard let mode = BrailleCanvas.Mode(rawValue: chart.lowercased()) else { throw CLIError("--chart takes braille, block or ascii", code: 2) }
            if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
            var p = CwndParameters()
            p.algorithm = algorithm; p.model = m; p.ssthresh = ssthresh; p.initialWindow = iw; p.rounds = rounds
            p.lossRate = loss; p.seed = seed; p.rwnd = rwnd; p.rtt = rtt
            do {
                p.events = events.lowercased() == "none" ? [] : try LossEvent.parse(events)
                if compare && m == .rfc5681 && algorithm == .cubic { p.algorithm = .reno }
                try p.validate()
            } catch let e as SceneError { throw CLIError(e.description, code: 2) }
            try Self.output(parameters: p, compare: compare, chart: global.ascii ? .ascii : mode, plain: plain, trace: trace, mermaid: false, global: global)
        }
    }

    /// The TUI on a terminal, else the table, JSON lines or Mermaid.
    static func output(parameters p: CwndParameters, compare: Bool, chart: BrailleCanvas.Mode, plain: Bool, trace: String?, mermaid: Bool, global: GlobalOptions) throws {
        let traces: [CwndTrace]
        do { traces = compare ? try CongestionLab.compare(p) : [try CongestionLab.run(p)] } catch let e as SceneError { throw CLIError(e.description, code: 2) }
        if !plain && trace == nil && !mermaid && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            try RunLoop(global: global, start: .cwnd(p, compare: compare, chart: chart)).run()
            return
        }
        let text = trace == "json" ? TraceExport.cwndJSONLines(traces)
            : mermaid ? TraceExport.cwndMermaid(traces)
            : TraceExport.cwndPlain(traces, language: global.language)
        FileHandle.standardOutput.write(text.data(using: .utf8)!)
    }
}

struct Journey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What happens when you type a URL: the page load as an animated journey over the hops, or a stage list.",
        discussion: "Without --live the journey is modelled (addresses from the documentation ranges). With --live the URL is really resolved and fetched with libcurl, and the journey plays with the measured DNS, TCP, TLS, first-byte and transfer times; a failure is shown at the stage where it happened.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The URL (http or https; a bare host means https).") var url: String = "https://www.example.com/"
    @Flag(help: "Really fetch the URL and use the measured times.") var live = false
    @Option(help: "cdn-hit, dns-cached, http or tls12 (model only).") var variant: String?
    @Option(help: "Which client of the DNS round robin (rotates the A records).") var client: Int = 0
    @Option(help: "Live mode: give up after this many seconds.") var timeout: Double = 10
    @Flag(help: "Live mode: accept certificates that do not verify (self-signed).") var insecure = false
    @Flag(help: "A readable stage list with the phase ruler (the default when not on a terminal).") var plain = false
    @Option(help: "Print the journey: 'json' writes one JSON object per message.") var trace: String?

    func run() throws {
        try handlingErrors {
            var p = JourneyParameters()
            p.url = url; p.client = client
            if let variant {
                guard let v = JourneyVariant(rawValue: variant.lowercased()) else {
                    throw CLIError("--variant takes \(JourneyVariant.allCases.map(\.rawValue).joined(separator: ", "))", code: 2)
                }
                if live { throw CLIError("--variant describes the model; a --live journey is what was measured", code: 2) }
                p.variant = v
            }
            if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
            guard (0.1...120).contains(timeout) else { throw CLIError("--timeout must be between 0.1 and 120 seconds", code: 2) }
            let parsed: ParsedURL
            do { parsed = try ParsedURL.parse(url) } catch let e as SceneError { throw CLIError(e.description, code: 2) }
            if live {
                var o = LiveFetch.Options(); o.timeout = timeout; o.insecure = insecure
                p.url = parsed.text
                if isatty(STDERR_FILENO) == 1 { printError("fetching \(parsed.text) (up to \(formatSeconds(timeout)) s)…") }
                p.measured = LiveFetch.fetch(parsed.text, options: o)
            }
            try Self.output(p, plain: plain, trace: trace, global: global)
            if let f = p.measured?.failure {
                printError("\(f.stage.rawValue): \(f.message)")
                throw ExitCode(1)
            }
        }
    }

    static func output(_ p: JourneyParameters, plain: Bool, trace: String?, global: GlobalOptions) throws {
        let journey: NetSim.Journey
        do { journey = try URLJourney.build(p) } catch let e as SceneError { throw CLIError(e.description, code: 2) }
        if !plain && trace == nil && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            try RunLoop(global: global, start: .journey(p)).run()
            return
        }
        let text = trace == "json" ? TraceExport.journeyJSONLines(journey) : TraceExport.journeyPlain(journey, language: global.language)
        FileHandle.standardOutput.write(text.data(using: .utf8)!)
    }
}

/// `make bench` only: time to render player frames (no terminal involved).
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-render", abstract: "Benchmark: frame render times of the player, the cwnd chart and the URL journey.", shouldDisplay: false)
    @Option var width = 200
    @Option var height = 60
    @Option var frames = 2000

    func run() throws {
        var state = AppState(size: Size(width: width, height: height), language: .en, catalog: LessonCatalog([]))
        var samples: [Double] = []
        for scene in SceneID.allCases where scene.isSequenceScene {
            state = AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .player(try PlayerScreen.State(scene: scene)))
            _ = reduce(&state, .keyPressed(.char(" ")))
            let clock = ContinuousClock()
            var rendered = 0
            let start = clock.now
            while rendered < frames / 9 {
                _ = reduce(&state, .tick(elapsed: 1.0 / 30, generation: state.animationGeneration))
                if state.player?.playing == false { _ = reduce(&state, .keyPressed(.char(" "))) }
                _ = render(state)
                rendered += 1
            }
            let d = clock.now - start
            samples.append((Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered))
        }
        let mean = samples.reduce(0, +) / Double(samples.count)
        print(String(format: "player frame at %dx%d (tick + render, all scenes): mean %.3f ms, worst scene %.3f ms", width, height, mean, samples.max() ?? 0))

        // The lesson reader: the longest lesson, every page.
        if let library = try? GlobalOptions.parse([]).library() {
            func size(_ url: URL) -> Int { (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
            let longest = library.lessonFiles().max { size($0.1) < size($1.1) }
            if let (language, url) = longest, case .success(let lesson) = library.loadLesson(id: url.deletingPathExtension().lastPathComponent, language: language) {
                var reader = AppState(size: state.size, language: language, catalog: LessonCatalog([lesson.meta]))
                _ = reduce(&reader, .keyPressed(.enter))
                _ = reduce(&reader, .lessonLoaded(lesson))
                let clock = ContinuousClock()
                var rendered = 0
                let start = clock.now
                for _ in 0..<max(1, frames / 200) {
                    _ = reduce(&reader, .keyPressed(.home))
                    for _ in 0..<200 { _ = render(reader); _ = reduce(&reader, .keyPressed(.pageDown)); rendered += 1 }
                }
                let d = clock.now - start
                print(String(format: "reader frame at %dx%d (%@, every page): mean %.3f ms", width, height, lesson.meta.id,
                             (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
            }
        }

        // The cwnd chart: every round of a compare-mode chart and of the per-ACK model, each mode.
        for (label, compare, model) in [("compare, textbook", true, CwndModel.textbook), ("Reno, rfc5681", false, .rfc5681)] {
            var p = CwndParameters(); p.model = model; p.events = [LossEvent(.tripleDupAck, at: 8), LossEvent(.timeout, at: 14)]
            var times: [String] = []
            for mode in BrailleCanvas.Mode.allCases {
                var lab = try CwndScreen.State(parameters: p, compare: compare, chart: mode)
                let clock = ContinuousClock()
                let start = clock.now
                var rendered = 0
                for _ in 0..<max(1, frames / 40) {
                    for r in 1...p.rounds {
                        lab.cursor = r
                        _ = render(AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .cwnd(lab))); rendered += 1
                    }
                }
                let d = clock.now - start
                times.append(String(format: "%@ %.3f ms", mode.rawValue, (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
            }
            print("cwnd chart frame at \(width)x\(height) (\(label)): " + times.joined(separator: ", "))
        }
        // The URL journey: every frame of the standard journey (map, ruler, headers, narration).
        var journey = try JourneyScreen.State(parameters: JourneyParameters())
        do {
            let frames = journey.frames.count
            let clock = ContinuousClock()
            let start = clock.now
            var rendered = 0
            for _ in 0..<max(1, frames / 100) {
                for i in 0..<frames {
                    journey.cursor = i
                    _ = render(AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .journey(journey))); rendered += 1
                }
            }
            let d = clock.now - start
            print(String(format: "journey frame at %dx%d (all %d frames): mean %.3f ms", width, height, frames,
                         (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
        }

        // Steering re-simulates: what one `t` or `3` costs, for the largest lab the keys allow.
        var big = CwndParameters(); big.model = .rfc5681; big.rounds = CwndParameters.maxRounds; big.ssthresh = 64
        big.events = [LossEvent(.tripleDupAck, at: 60), LossEvent(.timeout, at: 120)]
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<20 { _ = try CongestionLab.run(big) }
        let d = clock.now - start
        print(String(format: "cwnd re-simulation (rfc5681, %d rounds, per ACK): %.2f ms", big.rounds, (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / 20))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate lessons; print file:line diagnostics; exit 1 on any error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A content folder (holding Content/) or one lesson file. Default: the installed content.") var path: String?

    func run() throws {
        try handlingErrors {
            var diags: [Diagnostic]
            if let path {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIError("no such file or folder: \(path)", code: 2) }
                let url = URL(fileURLWithPath: path)
                let scenes = Set(SceneID.allCases.map(\.rawValue))
                if isDir.boolValue {
                    let root = FileManager.default.fileExists(atPath: url.appendingPathComponent("Content").path) ? url : url.deletingLastPathComponent()
                    diags = ContentLibrary(root: root, knownScenes: scenes, knownGenerators: QuestionGenerators.names).check()
                } else {
                    let root = url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    diags = ContentLibrary(root: root, knownScenes: scenes, knownGenerators: QuestionGenerators.names).check(file: url)
                }
            } else {
                diags = try global.library().check()
            }
            for d in diags { print(d.description) }
            let errors = diags.filter { $0.severity == .error }.count
            if errors > 0 {
                printError("\(errors) problem\(errors == 1 ? "" : "s") found")
                throw ExitCode(1)
            }
            printError("content OK")
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn Markdown study notes (Notion export) into lessons and open questions.",
        discussion: "Sections come from headings, bold title lines, titles after source links and table-of-contents entries; bullets with an indented body become questions. The result passes 'nettutor check' and can be browsed with 'nettutor --content DIR'.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The notes file (Markdown).") var notes: String
    @Option(help: "Output folder (gets Content/ and Quizzes/).") var out = "imported-notes"
    @Flag(help: "Overwrite files that already exist.") var force = false

    func run() throws {
        try handlingErrors {
            guard let data = FileManager.default.contents(atPath: notes) else { throw CLIError("cannot read \(notes)", code: 2) }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(notes) is not UTF-8 text", code: 2) }
            let parsed = NotesImporter.parse(text)
            let dir = URL(fileURLWithPath: out)
            let written: NotesImporter.Written
            do {
                written = try NotesImporter.write(parsed, language: global.lang?.language ?? .ko, to: dir, force: force)
            } catch let e as NotesImporter.ImportError {
                throw CLIError(e.description, code: 1)
            }
            let questions = parsed.sections.reduce(0) { $0 + $1.toggles.count }
            print("Imported \(written.lessons.count) lessons (Korean and English files) and \(questions) questions in \(written.quizFiles.count) quiz files into \(out):")
            for (section, id) in zip(parsed.sections, written.lessons) {
                print("  \(id)  \(section.title)\(section.toggles.isEmpty ? "" : "  (\(section.toggles.count) question\(section.toggles.count == 1 ? "" : "s"))")")
            }
            if parsed.imagesDropped > 0 { print("Dropped \(parsed.imagesDropped) images (the reader shows text only).") }
            print("Browse them with: nettutor --content \(out)")
        }
    }
}

func formatSeconds(_ v: Double) -> String { v == v.rounded() ? "\(Int(v))" : "\(v)" }

/// Terminal width of stdout, when it is a terminal.
func terminalColumns() -> Int? {
    var ws = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
    return Int(ws.ws_col)
}

/// SGR styling for `read` on a terminal (bold, underline, dim only: readable on any theme).
enum ANSI {
    static func line(_ line: Line) -> String {
        var out = ""
        for span in line {
            var codes: [String] = []
            if span.style.bold { codes.append("1") }
            if span.style.dim || span.style.role == .dim { codes.append("2") }
            if span.style.underline { codes.append("4") }
            if span.style.role == .code { codes.append("36") }
            if span.style.role == .heading { codes.append("34") }
            out += codes.isEmpty ? span.text : "\u{1B}[\(codes.joined(separator: ";"))m\(span.text)\u{1B}[0m"
        }
        return out
    }
}
