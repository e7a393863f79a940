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

    /// `s` with each such character escaped; a tab becomes four spaces, and with
    /// `keepNewlines` a line feed stays.
    public static func escaped(_ s: String, keepNewlines: Bool = false) -> String {
        // Every character to escape has a byte below 0x20, 0x7F, or a lead byte C2 (C1) or E2
        // (bidi): a byte scan clears almost all text without decoding scalars.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
              s.unicodeScalars.contains(where: needsEscape) else { return s }
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
