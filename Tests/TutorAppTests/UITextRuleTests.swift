import Foundation
import Testing

/// UI strings live in `Sources/TutorApp/UIText*.swift`. A screen, widget or export that picks a
/// language inline (`language == .ko ? "…" : "…"`, `ko ? "…"`, also split over lines) or builds a
/// `Localized(ko:` literal fails here, listed as file:line. `KeyBindings.swift` is the keymap: a
/// key's label stays next to its key there.
@Suite("UI strings go through UIText")
struct UITextRuleTests {
    static let inlineChoice = try! NSRegularExpression(pattern: #"\bko\s*\?\s*[(\[]?\s*""#)
    static let literal = try! NSRegularExpression(pattern: #"Localized\(ko:"#)

    /// The 1-based lines of `text` where a UI string is written inline.
    static func offendingLines(_ text: String, literalsAllowed: Bool = false) -> [Int] {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var matches = inlineChoice.matches(in: text, range: whole)
        if !literalsAllowed { matches += literal.matches(in: text, range: whole) }
        return Set(matches.map { m in
            ns.substring(to: m.range.location).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        }).sorted()
    }

    @Test("The rule sees an inline string, one split over lines and a literal, not content picked by language")
    func ruleSeesInlineStrings() {
        #expect(Self.offendingLines(#"add(language == .ko ? "끝" : "End")"#) == [1])
        #expect(Self.offendingLines("let a = 1\nout += language == .ko\n    ? \"가\"\n    : \"a\"") == [2])
        #expect(Self.offendingLines(#"let s = ko ? ["참"] : ["True"]"#) == [1])
        #expect(Self.offendingLines(#"x(Localized(ko: "가", en: "a"))"#) == [1])
        #expect(Self.offendingLines(#"let t = language == .ko ? e.narration.ko : e.narration.en"#).isEmpty)
        #expect(Self.offendingLines(#"let t = UIText.finished[language]"#).isEmpty)
    }

    @Test("No UI string is written inline in TutorApp outside UIText*.swift")
    func noInlineUIStrings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources/TutorApp")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20, "found only \(files.count) Swift files under \(sources.path)")
        var offenders: [String] = []
        for file in files where !file.lastPathComponent.hasPrefix("UIText") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let relative = String(file.path.dropFirst(root.path.count + 1))
            for line in Self.offendingLines(text, literalsAllowed: file.lastPathComponent == "KeyBindings.swift") {
                offenders.append("\(relative):\(line)")
            }
        }
        #expect(offenders.isEmpty, "UI strings written inline (move them to UIText): \(offenders.sorted().joined(separator: ", "))")
    }
}
