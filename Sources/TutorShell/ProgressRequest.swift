import Foundation
import TutorApp
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz
import TutorRender

/// `nettutor progress`: an export or an import (said on standard error), or the settings
/// changed as asked and the dashboard as text or JSON.
public enum ProgressRequest {
    public static func run(_ store: ProgressStore, library: () throws -> ContentLibrary, exportPath: String?, force: Bool, importPath: String?,
                           streak: Bool?, retention: Double?, newPerDay: Int?, json: Bool, language: Language, glyphs: Glyphs) throws -> String? {
        if let exportPath {
            try SafeFile.write(String(decoding: try ProgressFiles.exportData(store), as: UTF8.self), to: exportPath, force: force)
            if exportPath != "-" { Console.error("exported to \(exportPath)") }
            return nil
        }
        if let importPath {
            Console.error("imported \(importPath): \(try ProgressFiles.importExport(from: importPath, into: store)) new answers")
            return nil
        }
        let stored = try store.settings()
        let settings = try stored.changing(streak: streak, retention: retention, newPerDay: newPerDay)
        if settings != stored { try store.save(settings) }
        let library = try library()
        let dash = try store.dashboard(catalog: library.loadCatalog().0, questions: library.questionIndex().0.map { ($0.id, $0.lesson) },
                                       now: SystemClock().wallTime(), utcOffset: utcOffset())
        return json ? try Output.jsonText(dash) : DashboardText.plain(dash, language: language, streak: settings.streak, glyphs: glyphs)
    }
}
