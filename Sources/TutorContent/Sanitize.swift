import Foundation

/// Content is untrusted: text is NFC-normalized (decomposed Hangul becomes syllables) and every
/// control character is replaced by a visible escape, so nothing raw reaches the terminal.
public enum Sanitize {
    public static func text(_ s: String, keepNewlines: Bool = false) -> String {
        let nfc = s.precomposedStringWithCanonicalMapping
        guard nfc.unicodeScalars.contains(where: needsEscape) else { return nfc }
        var out = String.UnicodeScalarView()
        for scalar in nfc.unicodeScalars {
            let v = scalar.value
            if keepNewlines && v == 0x0A { out.append(scalar); continue }
            if v == 0x09 { out.append(contentsOf: "    ".unicodeScalars); continue }
            if !needsEscape(scalar) { out.append(scalar); continue }
            let escaped: String
            if v < 0x20 { escaped = "^" + String(UnicodeScalar(UInt8(v + 0x40))) }
            else if v == 0x7F { escaped = "^?" }
            else { escaped = "\\u{" + String(v, radix: 16, uppercase: true) + "}" }
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)  // bidi overrides
    }
}
