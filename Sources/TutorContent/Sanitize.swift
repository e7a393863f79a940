import Foundation
import TutorRender

/// Content is untrusted: text is NFC-normalized (decomposed Hangul becomes syllables) and every
/// control character is replaced by a visible escape (`TerminalText`), so nothing raw reaches the terminal.
public enum Sanitize {
    public static func text(_ s: String, keepNewlines: Bool = false) -> String {
        let nfc = mayChangeUnderNFC(s) ? s.precomposedStringWithCanonicalMapping : s
        return TerminalText.escaped(nfc, keepNewlines: keepNewlines)
    }

    /// Fast path: text without combining marks, conjoining jamo or other composing characters is
    /// already NFC, so the (ICU-backed, slow) normalization is skipped for almost all content.
    static func mayChangeUnderNFC(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0xAC00...0xD7A3).contains(v) { continue }  // Hangul syllables are composed already
            if (0x1100...0x11FF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v) { return true }
            if scalar.properties.canonicalCombiningClass != .notReordered { return true }
            // Composing characters of combining class 0 (Indic and similar vowel signs).
            if (0x0900...0x0DFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1B00...0x1B7F).contains(v) || (0x11000...0x114FF).contains(v) { return true }
            if (0x0340...0x0344).contains(v) || v == 0x0374 || v == 0x037E || v == 0x0387 { return true }  // singletons
            if (0x1F00...0x1FFF).contains(v) || (0x2000...0x2001).contains(v) || (0x2126...0x212B).contains(v) || (0x2329...0x232A).contains(v) { return true }
        }
        return false
    }
}
