import Foundation
import Testing
@testable import TutorContent

/// The index and `check` count a body's blocks without building them (`MarkdownBody.outline`):
/// the count, the scene blocks and the limit must be exactly what `parse` gives.
@Suite("Markdown outline: the same count, scene blocks and limit as the parse")
struct MarkdownOutlineTests {
    func agree(_ body: String, _ note: String) {
        let (blocks, scenes, limit) = MarkdownBody.parse(body)
        let outline = MarkdownBody.outline(body)
        #expect(outline.count == blocks.count, "\(note): count")
        #expect(outline.scenes.map { "\($0.0)@\($0.1)" } == scenes.map { "\($0.0)@\($0.1)" }, "\(note): scene blocks")
        #expect(outline.limit == limit, "\(note): limit")
    }

    @Test("Chosen bodies: nested scene blocks in lists and quotes, tables, HTML, rules, empty and over-limit bodies")
    func chosen() {
        let bodies = [
            "", "\n\n", "# T\n\npara\n\n---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
            "- one\n- two\n\n  ```scene tcp-3way\n  ```\n\n  > ```scene  quic-0rtt \n  > ```\n",
            "> quote\n>\n> ```scene\n> ```\n\n1. a\n2. ```scene dns-resolution\n   ```\n",
            "<div>\nhtml\n</div>\n\n```swift\nlet x = 1\n```\n\n```scene\u{1B}]0;x\u{07} evil\n```\n",
            "[ref]: https://example.com\n\n[ref]\n", Hostile.deepQuote, "ok\n\n" + Hostile.deepEmphasis,
        ]
        for (i, body) in bodies.enumerated() { agree(body, "body \(i)") }
    }

    @Test("Every shipped lesson body")
    func shipped() throws {
        let content = repoRoot.appendingPathComponent("Content")
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 60)
        for f in files {
            let text = try String(contentsOf: content.appendingPathComponent(f), encoding: .utf8)
            agree(text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"), f)
        }
    }
}
