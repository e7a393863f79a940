import Foundation
import Testing
@testable import TutorCore
@testable import TutorProgress

/// Adversarial QA (issue 15b): JSONEncoder escapes only U+0000–U+001F, so an imported response
/// with C1 bytes reached the terminal raw through `progress --export -`.
@Suite("JSON output escapes C1")
struct JSONOutputTests {
    static let t0 = 1_750_000_000.0

    @Test("The progress export escapes DEL, C1, separators and bidi controls, and reads back the same")
    func exportEscapesC1() throws {
        let store = MemoryProgressStore()
        var a = attempt("q/1", at: Self.t0)
        a.response = "\u{9b}2J\u{9d}0;PWN\u{9c}\u{7f}\u{2028}\u{202e}\u{2066}é한"
        try store.record(a, card: nil)
        let data = try ProgressFiles.exportData(store)
        let raw = String(decoding: data, as: UTF8.self)
        #expect(!raw.unicodeScalars.contains { $0.value >= 0x7F && JSONText.mustEscape($0.value) })
        #expect(raw.contains(#"\u009b2J\u009d0;PWN\u009c\u007f\u2028\u202e\u2066é한"#))
        #expect(try ProgressImport.decode(data).attempts.first?.response == a.response)
    }
}

@Suite("JSONText")
struct JSONTextTests {
    @Test("The byte scan before escaping finds exactly the scalars that must be escaped, by their encodings")
    func byteScan() {
        // Every scalar around the escaped ranges, alone and after other text: the scan agrees with the scalar rule.
        let near: [UInt32] = Array(0x70...0xA5) + Array(0x2020...0x2030) + Array(0x2060...0x206C) + [0x1100, 0xAC00, 0x2192, 0x2014, 0x1F600]
        for v in near {
            guard let u = Unicode.Scalar(v) else { continue }
            for text in [String(u), "a→한" + String(u) + "끝", String(u) + "x"] {
                let expected = text.unicodeScalars.contains { $0.value >= 0x7F && JSONText.mustEscape($0.value) }
                var copy = text
                #expect(copy.withUTF8(JSONText.mayHoldUnsafe) == expected, "U+\(String(v, radix: 16))")
            }
        }
        #expect(JSONText.escaped("\"a → b — c\"") == "\"a → b — c\"")
        #expect(JSONText.escaped("\"\u{2028}\"") == "\"\\u2028\"")
    }

    @Test("Escaping pretty-printed JSON keeps its layout and its meaning")
    func prettyStaysValid() throws {
        let encoder = JSONEncoder(); encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let value = ["k\u{85}": ["a\u{9f}b\u{7f}", "\u{2066}x\u{2029}"]]
        let text = JSONText.escaped(String(decoding: try encoder.encode(value), as: UTF8.self))
        #expect(text.contains("\n") && !text.unicodeScalars.contains { $0.value >= 0x7F && $0.value <= 0x9F })
        #expect(try JSONDecoder().decode([String: [String]].self, from: Data(text.utf8)) == value)
    }
}
