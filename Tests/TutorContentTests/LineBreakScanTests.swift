import Testing
@testable import TutorContent

/// YAML's line breaks (CR, NEL, LS, PS) become line feeds before parsing; the byte scan that
/// skips the common case must agree with the scalar rule, Korean punctuation (E2 …) included.
@Suite("YAML line breaks: byte scan against the scalar rule")
struct LineBreakScanTests {
    @Test("Every mix of CR, NEL, LS, PS, arrows, ellipses, Hangul and C1 bytes normalizes as scalar by scalar")
    func agrees() {
        let pool: [Unicode.Scalar] = ["a", "\n", "\r", "\u{85}", "\u{84}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}",
                                      "\u{2026}", "\u{2192}", "\u{00B7}", "\u{AC00}", "\u{1F600}"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(seed >> 60) + 1 { s.append(pool[Int((seed >> UInt64(k * 7 % 59)) % UInt64(pool.count))]) }
            let text = String(s)
            var expected = String.UnicodeScalarView()
            for u in text.unicodeScalars { expected.append([0x0D, 0x85, 0x2028, 0x2029].contains(u.value) ? "\n" : u) }
            #expect(YAMLGuard.lineBreaksNormalized(text) == String(expected), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
