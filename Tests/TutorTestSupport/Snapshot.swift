import Foundation
import TutorRender

/// Compares a grid's `snapshotText()` with `__Snapshots__/<name>.txt` next to the calling test
/// file. A missing file fails. With RECORD_SNAPSHOTS=1 it writes the file and still fails
/// ("recorded"), so a snapshot never passes by being written: the next run compares it.
public enum Snapshot {
    public enum Outcome: Equatable { case matched, recorded(String), missing(String), mismatch(String) }

    public static func check(_ grid: CellGrid, named name: String, filePath: String = #filePath) -> Outcome {
        check(text: grid.snapshotText(), named: name, filePath: filePath)
    }

    public static func check(text: String, named name: String, filePath: String = #filePath) -> Outcome {
        let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = dir.appendingPathComponent("\(name).txt")
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return .recorded("recorded snapshot \(name); check it, commit it and run again without RECORD_SNAPSHOTS")
        }
        guard let existing else { return .missing("snapshot \(name) is missing; record it with RECORD_SNAPSHOTS=1 and commit it") }
        return existing == text ? .matched : .mismatch(diff(expected: existing, actual: text, name: name))
    }

    /// Why the outcome fails a test (nil when it matched).
    public static func failure(_ outcome: Outcome) -> String? {
        switch outcome {
        case .matched: nil
        case .recorded(let why), .missing(let why), .mismatch(let why): why
        }
    }

    static func diff(expected: String, actual: String, name: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out = "snapshot \(name) differs (re-record with RECORD_SNAPSHOTS=1 if intended):\n"
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<none>", al = i < a.count ? a[i] : "<none>"
            if el != al { out += "  line \(i + 1)\n    expected: \(el)\n    actual:   \(al)\n" }
        }
        return out
    }
}
