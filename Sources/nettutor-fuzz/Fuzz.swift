import Foundation
import TutorContent
import TutorCore
import TutorProgress

/// Fuzz targets for the loaders of untrusted text: lesson files (front matter + Markdown), quiz
/// YAML and notes import. Built with `-sanitize=fuzzer -DFUZZING` by `make soak`, libFuzzer
/// calls `LLVMFuzzerTestOneInput`; built normally, this program replays files (the corpus and
/// crashes found) through the same code, which is how a found crash becomes a test.
enum FuzzTargets {
    static let scenes: Set<String> = ["tcp-3way", "cwnd-lab"]

    static func run(_ target: String, _ text: String) {
        switch target {
        case "lesson":
            _ = LessonParser.parse(text, file: "fuzz.md", language: .en, knownScenes: scenes)
        case "quiz":
            _ = QuizParser.parse(text, file: "fuzz.yaml", knownScenes: scenes, knownGenerators: ["tcp-handshake-numbers"])
        case "notes":
            _ = NotesImporter.parse(text)
        case "progress": _ = try? ProgressImport.decode(Data(text.utf8))
        default:
            fatalError("NETTUTOR_FUZZ must be lesson, quiz or notes")
        }
    }

    static var target: String { ProcessInfo.processInfo.environment["NETTUTOR_FUZZ"] ?? "lesson" }
}

#if FUZZING
// Built with coverage instrumentation and libFuzzer's no-main library (see `make soak`): the
// program's own entry point hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FuzzTargets.run(FuzzTargets.target, String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
            return 0
        }
        exit(status)
    }
}
#else
@main
enum FuzzReplay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard !args.isEmpty else {
            print("usage: NETTUTOR_FUZZ=lesson|quiz|notes nettutor-fuzz FILE_OR_DIR...")
            exit(2)
        }
        var count = 0
        for arg in args {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).map { arg + "/" + $0 } : [arg]
            for f in files.sorted() {
                guard let data = FileManager.default.contents(atPath: f) else { continue }
                FuzzTargets.run(FuzzTargets.target, String(decoding: data, as: UTF8.self))
                count += 1
            }
        }
        print("replayed \(count) inputs through the \(FuzzTargets.target) loader")
    }
}
#endif
