/// JSON written the way `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, byte for byte, for the one large output where the encoder's
/// Codable machinery was the cost (`lessons --json` of 2,772 lessons: about 20 ms). Holds only
/// what that output needs: text, integers and lists of text. A test compares it with the encoder.
public enum PrettyJSON {
    public enum Value: Sendable, Hashable {
        case text(String), int(Int), texts([String])
    }

    /// An array of objects that all have `keys`: `rows[i][k]` is the value of `keys[k]`.
    /// Written as bytes and made a String once: appending small Strings was most of its time.
    public static func array(keys: [String], rows: [[Value]]) -> String {
        if rows.isEmpty { return "[\n\n]" }
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 400)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var names: [[UInt8]] = []
        for k in order { var name: [UInt8] = []; string(keys[k], to: &name); names.append(name) }
        out += "[\n".utf8
        var values: [Value] = []
        for (i, row) in rows.enumerated() {
            if i > 0 { out += ",\n".utf8 }
            out += "  ".utf8
            values.removeAll(keepingCapacity: true)
            for k in order { values.append(row[k]) }
            write(names: names, values: values, indent: 1, to: &out)
        }
        out += "\n]".utf8
        return String(decoding: out, as: UTF8.self)
    }

    static func pad(_ indent: Int, _ out: inout [UInt8]) { for _ in 0..<indent { out += "  ".utf8 } }

    /// One object: `names` are its keys already quoted, in order.
    static func write(names: [[UInt8]], values: [Value], indent: Int, to out: inout [UInt8]) {
        if names.isEmpty { out += "{\n\n".utf8; pad(indent, &out); out.append(UInt8(ascii: "}")); return }
        out += "{\n".utf8
        for (i, name) in names.enumerated() {
            if i > 0 { out += ",\n".utf8 }
            pad(indent + 1, &out); out += name; out += " : ".utf8
            switch values[i] {
            case .text(let s): string(s, to: &out)
            case .int(let n): out += String(n).utf8
            case .texts(let list):
                if list.isEmpty { out += "[\n\n".utf8; pad(indent + 1, &out); out.append(UInt8(ascii: "]")); break }
                out += "[\n".utf8
                for (j, s) in list.enumerated() {
                    if j > 0 { out += ",\n".utf8 }
                    pad(indent + 2, &out)
                    string(s, to: &out)
                }
                out.append(UInt8(ascii: "\n")); pad(indent + 1, &out); out.append(UInt8(ascii: "]"))
            }
        }
        out.append(UInt8(ascii: "\n")); pad(indent, &out); out.append(UInt8(ascii: "}"))
    }

    /// A JSON string: quotes, backslashes and C0 controls escaped as the encoder escapes them.
    static func string(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        var s = s
        s.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { out += bytes; return }
            for b in bytes {
                switch b {
                case 0x22: out += "\\\"".utf8
                case 0x5C: out += "\\\\".utf8
                case 0x08: out += "\\b".utf8
                case 0x0C: out += "\\f".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                case _ where b < 0x20: out += JSONText.escape(UInt32(b)).utf8
                default: out.append(b)
                }
            }
        }
    }
}
