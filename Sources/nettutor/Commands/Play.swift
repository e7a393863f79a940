import ArgumentParser
import Foundation
import NetSim
import TutorApp
import TutorCore

/// `nettutor play SCENE`: the scene on a terminal, else as text. Scene ids, the options each
/// scene takes and the help all come from `SceneCatalog`.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scene and print it: a ladder diagram with narration, JSON lines, or Mermaid.",
        discussion: sceneHelp)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Scene id.") var scene: String
    @Flag(help: "Readable ladder diagram with the state changes and narration (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: one JSON object per event.") var trace: TraceFormat?
    @Option(help: "Export: a Mermaid sequence diagram (an xychart for cwnd-lab).") var export: ExportFormat?
    @Option(help: optionHelp(.drop)) var drop: String?
    @Option(help: optionHelp(.loss)) var loss: Double = 0
    @Option(help: optionHelp(.seed)) var seed: UInt64 = 1
    @Option(name: .customLong(SceneOption.isnClient.rawValue), help: optionHelp(.isnClient)) var isnClient: UInt32?
    @Option(name: .customLong(SceneOption.isnServer.rawValue), help: optionHelp(.isnServer)) var isnServer: UInt32?
    @Option(help: optionHelp(.rtt)) var rtt: Double?
    @Option(help: optionHelp(.window)) var window: Int?
    @Option(help: optionHelp(.packets)) var packets: Int?

    /// Every scene id, and which take none of the scene options.
    static var sceneHelp: String {
        var text = "Scenes that play: \(SceneCatalog.ids.joined(separator: ", "))."
        let fixed = SceneCatalog.all.filter(\.options.isEmpty).map(\.id)
        if !fixed.isEmpty { text += " Scene options do not apply to \(fixed.joined(separator: ", "))." }
        return text
    }

    /// The option's help, naming the scenes that take it unless every sequence scene does.
    static func optionHelp(_ option: SceneOption) -> ArgumentHelp {
        let sequence = SceneCatalog.all.filter { $0.kind == .sequence }
        let taking = sequence.filter { $0.options.contains(option) }.map(\.id)
        return ArgumentHelp(taking.count == sequence.count ? option.help : "\(option.help) Scenes: \(taking.joined(separator: ", ")).")
    }

    func run() throws {
        try handlingErrors {
            guard let spec = SceneCatalog.spec(scene) else {
                let ids = SceneCatalog.ids
                let close = ids.filter { editDistance($0, scene) <= 3 || $0.contains(scene) }
                throw CLIError("no scene '\(scene)'; \(close.isEmpty ? "scenes: \(ids.joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))?")", code: 2)
            }
            let options = try sceneOptions()
            let unsupported = spec.unsupported(in: options)
            if !unsupported.isEmpty {
                let takes = spec.options.isEmpty ? "it takes no scene options" : "it takes \(spec.options.map(\.flag).joined(separator: ", "))"
                throw CLIError("\(spec.id) does not take \(unsupported.map(\.flag).joined(separator: ", ")); \(takes)", code: 2)
            }
            let output = Output(plain: plain, trace: trace, export: export)
            if output == .tui {
                // Simulate first, so a bad option is reported before the terminal is taken.
                do { if spec.kind == .sequence { _ = try spec.simulate(options) } } catch let e as SceneError { throw CLIError(e.description, code: 2) }
                try RunLoop(global: global, start: Self.start(spec, options, ascii: global.ascii)).run()
                return
            }
            let text: String
            do {
                text = try SceneExport.text(spec, options: options, format: output == .json ? .json : output == .mermaid ? .mermaid : .plain, language: global.language, width: 80)
            } catch let e as SceneError { throw CLIError(e.description, code: 2) }
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
    }

    /// Where the TUI starts: the player, or the chart's or the map's own screen.
    static func start(_ spec: SceneSpec, _ options: SceneOptions, ascii: Bool) -> RunLoop.Start {
        switch spec.kind {
        case .sequence: .scene(spec, options)
        case .chart: .cwnd(CwndParameters(), compare: false, chart: ascii ? .ascii : .braille)
        case .map: .journey(JourneyParameters())
        }
    }

    func sceneOptions() throws -> SceneOptions {
        var options = SceneOptions()
        if let drop {
            let parts = drop.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else { throw CLIError("--drop takes positive segment numbers, e.g. --drop 3 or --drop 2,5", code: 2) }
            options.drops = Set(parts.compactMap { $0 })
        }
        options.lossRate = loss; options.seed = seed
        options.clientISN = isnClient; options.serverISN = isnServer; options.rtt = rtt
        options.window = window; options.packets = packets
        return options
    }
}
