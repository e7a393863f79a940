import Testing
import TutorTestSupport
@testable import TutorContent

/// YAML's line breaks (CR, NEL, LS, PS) become line feeds before parsing; the byte scan that
/// skips the common case must agree with the scalar rule, Korean punctuation (E2 …) included.
@Suite("YAML line breaks: byte scan against the scalar rule")
struct LineBreakScanTests {
    @Test("Every mix of CR, NEL, LS, PS, arrows, ellipses, Hangul and C1 bytes normalizes as scalar by scalar")
    func agrees() {
        let pool: [Unicode.Scalar] = ["a", "\n", "\r", "\u{85}", "\u{84}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}",
                                      "\u{2026}", "\u{2192}", "\u{00B7}", "\u{AC00}", "\u{1F600}"]
        for text in ScalarMix.strings(from: pool, count: 3000, seed: 0x2545_F491_4F6C_DD1D) {
            var expected = String.UnicodeScalarView()
            for u in text.unicodeScalars { expected.append([0x0D, 0x85, 0x2028, 0x2029].contains(u.value) ? "\n" : u) }
            #expect(YAMLGuard.lineBreaksNormalized(text) == String(expected), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
