import ArgumentParser
import TutorShell

struct Progress: Command {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Study progress: mastery by topic, reviews due, activity; export and import.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(name: .customLong("export"), help: "Write everything the store holds to this JSON file ('-': standard output).") var exportPath: String?
    @Flag(help: "With --export: overwrite the file if it exists (a regular file only).") var force = false
    @Option(name: .customLong("import"), help: "Merge a JSON export into the store (importing twice adds nothing).") var importPath: String?
    @Option(help: "Show a study streak (off by default).") var streak: Switch?
    @Option(help: "Desired retention for scheduling, 0.7 to 0.99 (default 0.9).") var retention: Double?
    @Option(help: "New questions a day in reviews (default 10).") var newPerDay: Int?

    enum Switch: String, ExpressibleByArgument, CaseIterable { case on, off }

    func execute() throws {
        let text = try ProgressRequest.run(global.store(), library: global.library, exportPath: exportPath, force: force, importPath: importPath,
                                           streak: streak.map { $0 == .on }, retention: retention, newPerDay: newPerDay, json: json,
                                           language: global.language, glyphs: global.ascii ? .ascii : .unicode)
        if let text { Output.write(text) }
    }
}
