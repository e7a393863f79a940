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
        subcommands: [TUI.self, Lessons.self, Read.self, Quiz.self, Progress.self, Play.self, Cwnd.self, Journey.self, Export.self, Reset.self, Check.self, Import.self],
        defaultSubcommand: TUI.self)
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
                try Journey.output(JourneyParameters(), to: Output(plain: plain, trace: trace.map { _ in .json }), global: global)
                return
            }
            if id == .cwndLab {
                // The chart scene: the same as `nettutor cwnd` with its defaults.
                if let export, export != "mermaid" { throw CLIError("--export takes 'mermaid'", code: 2) }
                if let trace, trace != "json" { throw CLIError("--trace takes 'json'", code: 2) }
                try Cwnd.output(CwndParameters(), compare: false, chart: global.ascii ? .ascii : .braille,
                               to: Output(plain: plain, trace: trace.map { _ in .json }, export: export.map { _ in .mermaid }), global: global)
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
