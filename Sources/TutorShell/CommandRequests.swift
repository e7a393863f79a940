import Foundation
import NetSim
import TutorApp
import TutorCapture
import TutorContent
import TutorCore
import TutorLive
import TutorRender
import TutorTerminal

/// What a command shows: text to print, or the TUI screen to start on.
public enum Shown {
    case text(String), player(StartUp.StartScreen)
    /// `trace --live`: the player, polling the capture.
    case live(StartUp.StartScreen, LiveStream)

    /// Prints the text, or runs the session on the screen.
    public func show(_ session: () throws -> TUISession) throws {
        switch self {
        case .text(let text): Output.write(text)
        case .player(let start): try session().run(start)
        case .live(let start, let live):
            defer { live.stop() }
            var s = try session()
            s.live = live
            try s.run(start)
        }
    }
}

/// What a command's arguments ask for, built and checked here so the executable stays thin:
/// the screen `play` starts on, the journey (measured with `--live`), the lab's parameters, the
/// ids shell completion offers.
public enum CommandRequests {
    /// Where the TUI starts for a scene: the player, or the chart's or the map's own screen.
    public static func start(_ spec: SceneSpec, _ options: SceneOptions, ascii: Bool) -> StartUp.StartScreen {
        switch spec.kind {
        case .sequence: .scene(spec, options)
        case .chart: .cwnd(CwndParameters(), compare: false, chart: ascii ? .ascii : .braille)
        case .map: .journey(JourneyParameters())
        }
    }

    /// The journey `nettutor journey` shows; with `live` the URL is fetched now (saying so on a
    /// terminal) and the measured times are in it.
    public static func journey(url: String, client: Int, variant: JourneyVariant?, live: Bool, timeout: Double, insecure: Bool) throws -> JourneyParameters {
        var p = JourneyParameters()
        p.url = url; p.client = client
        if let variant {
            if live { throw CLIError("--variant describes the model; a --live journey is what was measured", code: ExitStatus.usage) }
            p.variant = variant
        }
        guard (0...1000).contains(client) else { throw CLIError("--client must be between 0 and 1000", code: ExitStatus.usage) }
        guard (0.1...120).contains(timeout) else { throw CLIError("--timeout must be between 0.1 and 120 seconds", code: ExitStatus.usage) }
        let parsed = try ParsedURL.parse(url)
        guard live else { return p }
        if let missing = LiveFetch.unavailable { throw CLIError(missing.description, code: ExitStatus.failure) }
        var o = LiveFetch.Options(); o.timeout = timeout; o.insecure = insecure
        p.url = parsed.text
        if TerminalInfo.stderrIsTerminal { Console.error("fetching \(parsed.text) (up to \(timeout == timeout.rounded() ? "\(Int(timeout))" : "\(timeout)") s)…") }
        p.measured = LiveFetch.fetch(parsed.text, options: o)
        return p
    }

    /// The lab's parameters, checked; `events` is the `--events` text ("none": no scripted loss).
    public static func cwnd(_ base: CwndParameters, events: String?) throws -> CwndParameters {
        var p = base
        p.events = try events.map { $0.lowercased() == "none" ? [] : try LossEvent.parse($0) } ?? CwndParameters.defaultEvents(rounds: p.rounds)
        try p.validate()
        return p
    }

    /// Lesson ids for shell completion, from the library the typed command would use.
    public static func lessonIDs(words: [String], prefix: String) -> [String] {
        let content = words.firstIndex(of: "--content").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        guard let library = try? ContentLibrary.forCommandLine(explicit: content, only: words.contains("--content-only")) else { return [] }
        return library.loadCatalog().0.ids.filter { $0.hasPrefix(prefix) }
    }

    /// The congestion-window lab on a terminal, else its table, JSON lines or Mermaid.
    public static func cwnd(_ p: CwndParameters, compare: Bool, chart: BrailleCanvas.Mode, output: Output, language: Language) throws -> Shown {
        let traces = compare ? try CongestionLab.compare(p) : [try CongestionLab.run(p)]
        switch output {
        case .tui: return .player(.cwnd(p, compare: compare, chart: chart))
        case .json: return .text(TraceExport.cwndJSONLines(traces))
        case .mermaid: return .text(TraceExport.cwndMermaid(traces))
        case .plain: return .text(TraceExport.cwndPlain(traces, language: language))
        }
    }

    /// The URL journey on a terminal, else its stage list, JSON lines or Mermaid.
    public static func journey(_ p: JourneyParameters, output: Output, language: Language) throws -> Shown {
        let journey = try URLJourney.build(p)
        switch output {
        case .tui: return .player(.journey(p))
        case .json: return .text(TraceExport.journeyJSONLines(journey))
        case .mermaid: return .text(TraceExport.journeyMermaid(journey, language: language))
        case .plain: return .text(TraceExport.journeyPlain(journey, language: language))
        }
    }
}
