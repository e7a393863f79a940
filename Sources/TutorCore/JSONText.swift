/// The one rule for JSON the program writes: JSONEncoder escapes only U+0000–U+001F, so DEL,
/// the C1 controls (U+0080–U+009F: CSI, OSC, ST on many terminals), the line and paragraph
/// separators and the bidi overrides would reach a terminal raw from `--json` or `--export -`.
public enum JSONText {
    /// A scalar that must never appear unescaped in JSON output.
    public static func mustEscape(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `\u00XX` for one scalar of the BMP.
    public static func escape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Encoded JSON with every `mustEscape` scalar from DEL up as `\uXXXX` (C0 is left alone:
    /// the encoder already escaped it inside strings, and outside them it is the layout's
    /// newlines). Valid JSON stays valid and means the same: outside strings JSON holds only
    /// ASCII, so such a scalar can only be inside a string, where the escape stands for it.
    public static func escaped(_ json: String) -> String {
        func unsafe(_ s: Unicode.Scalar) -> Bool { s.value >= 0x7F && mustEscape(s.value) }
        // Such scalars are DEL, or start with byte C2 (C1) or E2 (U+2028…U+2069): a byte scan
        // clears almost all output (a megabyte for `lessons --json`) without decoding it.
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
              json.unicodeScalars.contains(where: unsafe) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            if unsafe(s) { out.append(contentsOf: escape(s.value).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
