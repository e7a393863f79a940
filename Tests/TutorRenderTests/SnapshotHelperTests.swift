import Foundation
import Testing
import TutorRender
import TutorTestSupport

/// The snapshot helper must never let a screen pass by default: a missing file fails, and a
/// different grid fails with a row-by-row diff.
@Suite("Snapshot helper")
struct SnapshotHelperTests {
    func scratch() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent("__Snapshots__"), withIntermediateDirectories: true)
        return dir.appendingPathComponent("FakeTests.swift").path
    }

    @Test("A missing snapshot fails (and writes nothing)")
    func missing() {
        let path = scratch()
        let outcome = Snapshot.check(CellGrid(width: 4, height: 1), named: "absent", filePath: path)
        #expect(Snapshot.failure(outcome)?.contains("missing") == true)
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("__Snapshots__/absent.txt")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("A different grid fails with the differing row; the same grid matches")
    func mismatch() throws {
        let path = scratch()
        var grid = CellGrid(width: 4, height: 1)
        grid.put("ab", x: 0, y: 0)
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("__Snapshots__/one.txt")
        try grid.snapshotText().write(to: file, atomically: true, encoding: .utf8)
        #expect(Snapshot.check(grid, named: "one", filePath: path) == .matched)
        grid.put("x", x: 3, y: 0)
        let why = Snapshot.failure(Snapshot.check(grid, named: "one", filePath: path))
        #expect(why?.contains("line 2") == true && why?.contains("\"ab x\"") == true)
    }
}
