import Foundation
import Testing
@testable import TutorProgress

@Suite("--data-dir: an empty name or the root is refused")
struct DataDirectoryTests {
    @Test("Empty, blank, the root by any spelling (even through a folder not made yet) or through a symlink: refused; other folders, existing or not, are fine")
    func problems() throws {
        for dir in ["", "   ", "\t"] { #expect(ProgressFiles.dataDirectoryProblem(dir)?.contains("it is empty") == true, "'\(dir)'") }
        for dir in ["/", "//.", "/tmp/..", "/./", "/not-made-yet/.."] { #expect(ProgressFiles.dataDirectoryProblem(dir)?.contains("root folder") == true, "\(dir)") }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("nt-dd-\(getpid())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let link = tmp.appendingPathComponent("to-root").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/")
        #expect(ProgressFiles.dataDirectoryProblem(link)?.contains("root folder") == true)
        for dir in [tmp.path, tmp.path + "/not-yet/made", "relative/folder", "/a/b/.."] { #expect(ProgressFiles.dataDirectoryProblem(dir) == nil, "\(dir)") }
    }
}
