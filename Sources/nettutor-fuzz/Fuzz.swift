import Foundation
import NetSim
import TutorContent
import TutorApp
import TutorCore
import TutorProgress

/// Fuzz targets for the loaders of untrusted input: lesson files, front matter alone, quiz
/// YAML, the glossary, Markdown bodies (parsed and laid out the way `read` and the reader do),
/// notes import, `progress --import`, and captured packets (`trace`: decoded, analysed, printed). Built with `-sanitize=fuzzer -DFUZZING` by `make
/// soak`, libFuzzer calls `LLVMFuzzerTestOneInput`; built normally, this program replays files (the corpus and crashes
/// found) through the same code, which is how a found crash becomes a test.
enum FuzzTargets {
    static let scenes: Set<String> = ["tcp-3way", "cwnd-lab"]
    static let front = "---\nid: fuzz\ntitle: Fuzz\ntopic: web\norder: 1\nsummary: s\n---\n"

    /// One entry per target, named as in Tests/Fuzz/corpus/<name>/ and `make soak`.
    static let targets: [String: @Sendable ([UInt8]) -> Void] = [
        "lesson": text { _ = LessonParser.parse($0, file: "fuzz.md", language: .en, knownScenes: scenes) },
        "frontmatter": text { _ = LessonParser.parse("---\n" + $0 + "\n---\nbody\n", file: "fuzz.md", language: .ko, metaOnly: true, knownScenes: scenes) },
        "quiz": text { _ = QuizParser.parse($0, file: "fuzz.yaml", knownScenes: scenes, knownGenerators: ["tcp-handshake-numbers"]) },
        "glossary": text { _ = GlossaryParser.parse($0, file: "glossary.yaml") },
        "markdown": text { body in
            guard let lesson = LessonParser.parse(front + body, file: "fuzz.md", language: .en, knownScenes: scenes).lesson else { return }
            _ = LessonText.printed(lesson, width: 80, glyphs: .unicode)
            _ = LessonLayout.lines(lesson, width: 12, glyphs: .ascii, language: .ko)
        },
        "notes": text { _ = NotesImporter.parse($0) },
        "progress": text { _ = try? ProgressImport.decode(Data($0.utf8)) },
        "packets": packets,
    ]

    static func text(_ body: @escaping @Sendable (String) -> Void) -> @Sendable ([UInt8]) -> Void {
        { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// The input is a capture in miniature: a link type (one byte, an index into the supported
    /// ones), then packets, each a 2-byte length and its bytes; every TCP stream is analysed and
    /// printed the ways `trace` prints it.
    static let packets: @Sendable ([UInt8]) -> Void = { b in
        guard let first = b.first else { return }
        let links = PacketDecoder.supported.sorted()
        var c = CaptureAnalysis(link: links[Int(first) % links.count], wantedStream: 0), i = 1, t = 0.0
        while i + 2 <= b.count {
            let n = Int(b[i]) << 8 | Int(b[i + 1]); i += 2
            let data = Array(b[i..<min(b.count, i + n)]); i += n; t += 0.001
            c.add(CapturedPacket(time: t, data: data, wireLength: n))
        }
        _ = CaptureText.list(c, file: "fuzz.pcap", language: .ko)
        guard let s = c.stream else { return }
        _ = CaptureText.plain(s, index: 0, file: "fuzz.pcap", language: .en)
        _ = CaptureText.jsonLines(s)
        _ = TraceExport.mermaid(CaptureTrace.trace(s, name: "fuzz.pcap"))
    }

    static func run(_ target: String, _ bytes: [UInt8]) {
        guard let run = targets[target] else { fatalError("NETTUTOR_FUZZ must be one of: \(names)") }
        run(bytes)
    }

    static var names: String { targets.keys.sorted().joined(separator: ", ") }
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
            FuzzTargets.run(FuzzTargets.target, Array(UnsafeBufferPointer(start: data, count: size)))
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
            print("usage: NETTUTOR_FUZZ=<\(FuzzTargets.names.replacingOccurrences(of: ", ", with: "|"))> nettutor-fuzz FILE_OR_DIR...")
            exit(2)
        }
        var count = 0
        for arg in args {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).map { arg + "/" + $0 } : [arg]
            for f in files.sorted() {
                guard let data = FileManager.default.contents(atPath: f) else { continue }
                FuzzTargets.run(FuzzTargets.target, [UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) inputs through the \(FuzzTargets.target) loader")
    }
}
#endif
