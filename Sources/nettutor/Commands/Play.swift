import ArgumentParser
import TutorShell
import NetSim
import TutorApp

/// `nettutor play SCENE`: the scene on a terminal, else as text. Scene ids, the options each
/// scene takes and the help all come from `SceneCatalog`.
struct Play: Command {
    static let configuration = CommandConfiguration(commandName: "play", 
        abstract: "Simulate a scene and print it: a ladder diagram with narration, JSON lines, or Mermaid.",
        discussion: SceneCatalog.helpText)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Scene id.", completion: Completion.scenes) var scene: String
    @Flag(help: "Readable ladder diagram with the state changes and narration (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: one JSON object per event.") var trace: TraceFormat?
    @Option(help: "Export: a Mermaid sequence diagram (an xychart for cwnd-lab).") var export: ExportFormat?
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .drop))) var drop: String?
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .loss))) var loss: Double = 0
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .seed))) var seed: UInt64 = 1
    @Option(name: .customLong(SceneOption.isnClient.rawValue), help: ArgumentHelp(SceneCatalog.help(for: .isnClient))) var isnClient: UInt32?
    @Option(name: .customLong(SceneOption.isnServer.rawValue), help: ArgumentHelp(SceneCatalog.help(for: .isnServer))) var isnServer: UInt32?
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .rtt))) var rtt: Double?
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .window))) var window: Int?
    @Option(help: ArgumentHelp(SceneCatalog.help(for: .packets))) var packets: Int?

    func execute() throws {
        let spec = try SceneCatalog.lookup(scene)
        let options = try sceneOptions()
        try spec.check(options)
        let output = try Output(plain: plain, trace: trace, export: export)
        guard output == .tui else {
            return Output.write(try SceneExport.text(spec, options: options, format: output == .json ? .json : output == .mermaid ? .mermaid : .plain, language: global.language, width: 80))
        }
        // Simulate first, so a bad option is reported before the terminal is taken.
        if spec.kind == .sequence { _ = try spec.simulate(options) }
        try global.runTUI(CommandRequests.start(spec, options, ascii: global.ascii))
    }

    func sceneOptions() throws -> SceneOptions {
        var options = SceneOptions()
        if let drop { options.drops = try SceneOptions.drops(drop) }
        options.lossRate = loss; options.seed = seed
        options.clientISN = isnClient; options.serverISN = isnServer; options.rtt = rtt
        options.window = window; options.packets = packets
        return options
    }
}
