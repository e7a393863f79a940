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
        // A byte scan for exactly those scalars' encodings clears the output (a megabyte for
        // `lessons --json`, with arrows and dashes that also start with E2) without decoding it.
        guard json.utf8.withContiguousStorageIfAvailable(mayHoldUnsafe) ?? true,
              json.unicodeScalars.contains(where: unsafe) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            if unsafe(s) { out.append(contentsOf: escape(s.value).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// Whether UTF-8 bytes hold DEL, a C1 control (C2 80–9F), U+2028–202E (E2 80 A8–AE) or
    /// U+2066–2069 (E2 81 A6–A9).
    static func mayHoldUnsafe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            switch b[i] {
            case 0x7F: return true
            case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]): return true
            case 0xE2 where i + 2 < b.count:
                if b[i + 1] == 0x80 && (0xA8...0xAE).contains(b[i + 2]) { return true }
                if b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]) { return true }
            default: break
            }
            i += 1
        }
        return false
    }
}
