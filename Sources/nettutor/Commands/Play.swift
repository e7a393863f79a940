import NetSim
import TutorApp
import TutorCLI
import TutorShell

/// `nettutor play SCENE`: the scene on a terminal, else as text. Scene ids, the options each
/// scene takes and the help all come from `SceneCatalog`.
struct Play: Command {
    static let spec = CommandSpec("play",
        abstract: "Simulate a scene and print it: a ladder diagram with narration, JSON lines, or Mermaid.",
        discussion: SceneCatalog.helpText,
        arguments: [.init("scene", help: "Scene id.", completion: Completion.scenes)],
        options: [.flag("plain", "Readable ladder diagram with the state changes and narration (the default when not on a terminal)."),
                  Output.traceOption("Print the trace: one JSON object per event."),
                  Output.exportOption("Export: a Mermaid sequence diagram (an xychart for cwnd-lab).")]
            + SceneOption.allCases.map { .value($0.rawValue, SceneCatalog.help(for: $0)) })
    let global: GlobalOptions, scene: String, plain: Bool, output: Output, options: SceneOptions

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); scene = p.argument("scene")!; plain = p.flag("plain")
        output = try Output(p, plain: plain)
        var o = SceneOptions()
        if let drop = p.string(SceneOption.drop.rawValue) { o.drops = try SceneOptions.drops(drop) }
        o.lossRate = try p.value(SceneOption.loss.rawValue, default: 0); o.seed = try p.value(SceneOption.seed.rawValue, default: 1)
        o.clientISN = try p.value(SceneOption.isnClient.rawValue); o.serverISN = try p.value(SceneOption.isnServer.rawValue)
        o.rtt = try p.value(SceneOption.rtt.rawValue); o.window = try p.value(SceneOption.window.rawValue); o.packets = try p.value(SceneOption.packets.rawValue)
        options = o
    }

    func execute() throws {
        let spec = try SceneCatalog.lookup(scene)
        try spec.check(options)
        guard output == .tui else {
            return Output.write(try SceneExport.text(spec, options: options, format: output == .json ? .json : output == .mermaid ? .mermaid : .plain, language: global.language, width: 80))
        }
        // Simulate first, so a bad option is reported before the terminal is taken.
        if spec.kind == .sequence { _ = try spec.simulate(options) }
        try global.runTUI(CommandRequests.start(spec, options, ascii: global.ascii))
    }
}
