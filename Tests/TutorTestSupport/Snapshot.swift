import Foundation
import TutorRender

/// Compares a grid's `snapshotText()` with `__Snapshots__/<name>.txt` next to the calling test
/// file. With RECORD_SNAPSHOTS=1 (or when the file is missing) it writes the file instead and
/// reports that it recorded, so a new snapshot never passes silently in CI.
public enum Snapshot {
    public enum Outcome: Equatable { case matched, recorded, mismatch(String) }

    public static func check(_ grid: CellGrid, named name: String, filePath: String = #filePath) -> Outcome {
        check(text: grid.snapshotText(), named: name, filePath: filePath)
    }

    public static func check(text: String, named name: String, filePath: String = #filePath) -> Outcome {
        let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = dir.appendingPathComponent("\(name).txt")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if record || existing == nil {
            if existing == nil, ProcessInfo.processInfo.environment["CI"] == "true" {
                return .mismatch("snapshot \(name) is missing; record it with RECORD_SNAPSHOTS=1 and commit it")
            }
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return existing == text ? .matched : .recorded
        }
        if existing == text { return .matched }
        return .mismatch(diff(expected: existing!, actual: text, name: name))
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
