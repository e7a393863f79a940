import Foundation
import NetSim
import TutorContent
import TutorQuiz

/// The benchmark commands of `make bench` (scripts/bench.sh, scripts/bench_tui.py), kept out of
/// the product: `nettutor-bench render …` and `nettutor-bench store …`.
struct Arguments {
    var values: [String: String] = [:]
    init(_ args: ArraySlice<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            // A name followed by another name (or nothing) is a flag: `--keep`.
            if args[i].hasPrefix("--") {
                let hasValue = i + 1 < args.endIndex && !args[i + 1].hasPrefix("--")
                values[String(args[i].dropFirst(2))] = hasValue ? args[i + 1] : ""
                if hasValue { i += 1 }
            }
            i += 1
        }
    }
    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { values[name] != nil }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }

    /// The content: --content, $NETTUTOR_CONTENT, or the nearest folder above holding Content/.
    func library() -> ContentLibrary? {
        guard let root = ContentLibrary.locate(explicit: value("content"), environment: ProcessInfo.processInfo.environment,
                                               executable: CommandLine.arguments[0], workingDirectory: FileManager.default.currentDirectoryPath) else { return nil }
        return ContentLibrary(root: root, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
    }
}

struct BenchError: Error { var message: String; init(_ m: String) { message = m } }

let arguments = Arguments(CommandLine.arguments.dropFirst(2))
switch CommandLine.arguments.dropFirst().first {
case "render": try BenchRender.run(arguments)
case "store": try BenchStore.run(arguments)
default:
    FileHandle.standardError.write("usage: nettutor-bench render [--width W --height H --frames N] | store --data-dir DIR [--rows N] [--keep]\n".data(using: .utf8)!)
    exit(2)
}
