import Foundation
import NetSim
import Testing
import TutorCore
@testable import TutorContent

/// Each finding of a capture links to the lesson section that explains it: that heading must
/// be in the lesson, in both languages, so the link lands where it says.
@Suite("Capture findings link to lesson sections")
struct CaptureSectionTests {
    @Test("Every finding's section heading exists in its lesson, in Korean and in English", arguments: TCPAnalysisFlag.allCases)
    func headingExists(flag: TCPAnalysisFlag) throws {
        let section = CaptureTrace.section(flag)
        for language in [Language.ko, .en] {
            let url = repoRoot.appendingPathComponent("Content/\(language.rawValue)/\(section.lesson).md")
            let text = try String(contentsOf: url, encoding: .utf8)
            let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) }
            #expect(headings.contains(section.heading[language]), "\(flag): '\(section.heading[language])' is not a heading of \(url.lastPathComponent) (\(language))")
        }
    }
}
