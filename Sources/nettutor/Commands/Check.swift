import ArgumentParser
import Foundation
import NetSim
import TutorContent
import TutorQuiz

struct Check: Command {
    static let configuration = CommandConfiguration(abstract: "Validate lessons; print file:line diagnostics; exit 1 on any error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A content folder (holding Content/) or one lesson file. Default: the installed content.") var path: String?

    func execute() throws {
        let diags = try path.map(Self.check) ?? global.library().check()
        for d in diags { print(d.description) }
        let errors = diags.filter { $0.severity == .error }.count
        if errors > 0 {
            printError("\(errors) problem\(errors == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
        printError("content OK")
    }

    /// A folder holding Content/ (or Content/ itself), or one lesson file in Content/<lang>/.
    static func check(_ path: String) throws -> [Diagnostic] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIError("no such file or folder: \(path)", code: 2) }
        let url = URL(fileURLWithPath: path)
        func library(_ root: URL) -> ContentLibrary {
            ContentLibrary(root: root, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
        }
        guard isDir.boolValue else { return library(url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()).check(file: url) }
        return library(FileManager.default.fileExists(atPath: url.appendingPathComponent("Content").path) ? url : url.deletingLastPathComponent()).check()
    }
}
