/// JSON written the way `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, byte for byte, for the one large output where the encoder's
/// Codable machinery was the cost (`lessons --json` of 2,772 lessons: about 20 ms). Holds only
/// what that output needs: text, integers and lists of text. A test compares it with the encoder.
public enum PrettyJSON {
    public enum Value: Sendable, Hashable {
        case text(String), int(Int), texts([String])
    }

    /// An array of objects that all have `keys`: `rows[i][k]` is the value of `keys[k]`.
    public static func array(keys: [String], rows: [[Value]]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 400)
        if rows.isEmpty { return "[\n\n]" }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var names: [String] = []
        for k in order { var name = ""; string(keys[k], to: &name); names.append(name) }
        out += "[\n"
        for (i, row) in rows.enumerated() {
            if i > 0 { out += ",\n" }
            out += "  "
            write(names: names, values: order.map { row[$0] }, indent: 1, to: &out)
        }
        out += "\n]"
        return out
    }

    /// One object: `names` are its keys already quoted, in order.
    static func write(names: [String], values: [Value], indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        if names.isEmpty { out += "{\n\n\(pad)}"; return }
        out += "{\n"
        for (i, name) in names.enumerated() {
            if i > 0 { out += ",\n" }
            out += pad + "  " + name + " : "
            switch values[i] {
            case .text(let s): string(s, to: &out)
            case .int(let n): out += String(n)
            case .texts(let list):
                if list.isEmpty { out += "[\n\n\(pad)  ]"; break }
                out += "[\n"
                for (j, s) in list.enumerated() {
                    if j > 0 { out += ",\n" }
                    out += pad + "    "
                    string(s, to: &out)
                }
                out += "\n\(pad)  ]"
            }
        }
        out += "\n\(pad)}"
    }

    /// A JSON string: quotes, backslashes and C0 controls escaped as the encoder escapes them.
    static func string(_ s: String, to out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { out += s; out += "\""; return }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += JSONText.escape(u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
