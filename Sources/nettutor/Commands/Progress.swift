import ArgumentParser
import Foundation
import TutorApp
import TutorProgress
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
        let store = try global.store()
        if let exportPath {
            try SafeFile.write(String(decoding: try ProgressFiles.exportData(store), as: UTF8.self), to: exportPath, force: force)
            return exportPath == "-" ? () : printError("exported to \(exportPath)")
        }
        if let importPath { return printError("imported \(importPath): \(try ProgressFiles.importExport(from: importPath, into: store)) new answers") }
        let stored = try store.settings()
        let settings = try stored.changing(streak: streak.map { $0 == .on }, retention: retention, newPerDay: newPerDay)
        if settings != stored { try store.save(settings) }
        let library = try global.library()
        let dash = try store.dashboard(catalog: library.loadCatalog().0, questions: library.questionIndex().0.map { ($0.id, $0.lesson) },
                                   now: SystemClock().wallTime(), utcOffset: utcOffset())
        guard json else { return Output.write(DashboardText.plain(dash, language: global.language, streak: settings.streak, glyphs: global.ascii ? .ascii : .unicode)) }
        Output.write(try Output.jsonText(dash))
    }
}
