/// The one rule for what may reach a terminal: C0 and C1 controls, DEL and the bidi overrides
/// are shown as visible escapes (`^[`, `^?`, `\u{9B}`), so no escape sequence (an OSC 52
/// clipboard write, a title change) from content, file names or arguments is ever sent raw.
/// `Sanitize` (content), the CLI writer and the cell grid all use it.
public enum TerminalText {
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)  // bidi overrides
    }

    /// Whether `s` may hold a character to escape, by its UTF-8 bytes alone (no scalar is
    /// decoded): a C0 byte (a kept line feed aside), DEL, C2 80–9F (C1), E2 80 AA–AE and
    /// E2 81 A6–A9 (the bidi overrides). Lesson text with line feeds and Hangul passes at once.
    public static func mayNeedEscape(_ s: String, keepNewlines: Bool) -> Bool {
        var copy = s
        return copy.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x20 { if !(keepNewlines && c == 0x0A) { return true } }
                else if c == 0x7F { return true }
                else if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] < 0xA0 { return true }
                else if c == 0xE2, i + 2 < b.count {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if (c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// `s` with each such character escaped; a tab becomes four spaces, and with
    /// `keepNewlines` a line feed stays.
    public static func escaped(_ s: String, keepNewlines: Bool = false) -> String {
        guard mayNeedEscape(s, keepNewlines: keepNewlines) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
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
}
