import TutorCLI
import TutorShell

struct Progress: Command {
    static let spec = CommandSpec("progress", abstract: "Study progress: mastery by topic, reviews due, activity; export and import.",
        options: [.flag("json", "Print JSON."),
                  .value("export", "Write everything the store holds to this JSON file ('-': standard output).", valueName: "file", completion: .file),
                  .flag("force", "With --export: overwrite the file if it exists (a regular file only)."),
                  .value("import", "Merge a JSON export into the store (importing twice adds nothing).", valueName: "file", completion: .file),
                  .value("streak", "Show a study streak (off by default).", choices: ["on", "off"]),
                  .value("retention", "Desired retention for scheduling, 0.7 to 0.99 (default 0.9)."),
                  .value("new-per-day", "New questions a day in reviews (default 10).")])
    let global: GlobalOptions, json: Bool, exportPath: String?, force: Bool, importPath: String?, streak: Bool?, retention: Double?, newPerDay: Int?

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); json = p.flag("json"); exportPath = p.string("export"); force = p.flag("force")
        importPath = p.string("import"); streak = p.string("streak").map { $0 == "on" }
        retention = try p.value("retention"); newPerDay = try p.value("new-per-day")
    }

    func execute() throws {
        let text = try ProgressRequest.run(global.store(), library: global.library, exportPath: exportPath, force: force, importPath: importPath,
                                           streak: streak, retention: retention, newPerDay: newPerDay, json: json,
                                           language: global.language, glyphs: global.ascii ? .ascii : .unicode)
        if let text { Output.write(text) }
    }
}
