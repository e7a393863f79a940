import Yams

/// The YAML 1.1 type of a plain scalar (`true`, `12`, `1.5`, `~`), decided by hand. Yams'
/// `Resolver.default` decides it with seven `NSRegularExpression`s, and compiling them loads
/// ICU's property tables: 1.2 ms of every start-up that reads front matter. Documents are
/// composed with `Resolver.basic` (every scalar a string) and `YAMLGuard.plain` asks this for
/// the plain ones. Same answers as Yams' rules for bool, int, float and null (a test compares
/// them on thousands of strings); merge, timestamp and value scalars stay text, as before.
enum YAMLScalar {
    enum Kind: Equatable { case bool, int, float, null, string }

    static func kind(of text: String) -> Kind {
        let b = Array(text.utf8)
        if bools.contains(text) { return .bool }
        if isInt(b) { return .int }
        if isFloat(b) { return .float }
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        return .string
    }

    private static let bools: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                             "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    /// A cursor over the bytes; each `take` consumes what it matched.
    private struct Cursor {
        let b: [UInt8]
        var i = 0
        var atEnd: Bool { i == b.count }
        mutating func take(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1; return true
        }
        mutating func sign() { _ = take("-") || take("+") }
        /// One or more (or `min` or more) bytes of the set; how many.
        @discardableResult mutating func run(_ allowed: (UInt8) -> Bool, min: Int = 1) -> Bool {
            let start = i
            while i < b.count, allowed(b[i]) { i += 1 }
            if i - start < min { i = start; return false }
            return true
        }
    }

    private static func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func digitOr_(_ c: UInt8) -> Bool { digit(c) || c == 0x5F }

    /// `(?::[0-5]?[0-9])+`: one or more base-60 groups.
    private static func sexagesimal(_ c: inout Cursor) -> Bool {
        var groups = 0
        while c.take(":") {
            let start = c.i
            if c.i + 1 < c.b.count, c.b[c.i] >= 0x30, c.b[c.i] <= 0x35, digit(c.b[c.i + 1]) { c.i += 2 }
            else if c.i < c.b.count, digit(c.b[c.i]) { c.i += 1 }
            else { c.i = start - 1; break }
            groups += 1
        }
        return groups > 0
    }

    private static func whole(_ b: [UInt8], _ match: (inout Cursor) -> Bool) -> Bool {
        var c = Cursor(b: b)
        return match(&c) && c.atEnd
    }

    /// `[-+]?(0b[01_]+ | 0o?[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func isInt(_ b: [UInt8]) -> Bool {
        func alt(_ body: (inout Cursor) -> Bool) -> Bool { whole(b) { c in c.sign(); return body(&c) } }
        return alt { $0.take("0") && $0.take("b") && $0.run { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F } }
            || alt { c in
                guard c.take("0") else { return false }
                _ = c.take("o")
                return c.run { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }
            }
            || alt { $0.take("0") }
            || alt { nonZeroStart(&$0) && $0.run(digitOr_, min: 0) }
            || alt { $0.take("0") && $0.take("x") && $0.run { isHex($0) || $0 == 0x5F } }
            || alt { nonZeroStart(&$0) && $0.run(digitOr_, min: 0) && sexagesimal(&$0) }
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ b: [UInt8]) -> Bool {
        func exponent(_ c: inout Cursor, signRequired: Bool) -> Bool {
            let start = c.i
            guard c.take("e") || c.take("E") else { return true }
            let signed = c.take("-") || c.take("+")
            if (signRequired && !signed) || !c.run(digit) { c.i = start }
            return true
        }
        let decimal = whole(b) { c in
            c.sign()
            guard c.run(digit) else { return false }
            c.run(digitOr_, min: 0)
            if c.take(".") { c.run(digitOr_, min: 0) }
            return exponent(&c, signRequired: false)
        }
        let fraction = whole(b) { c in c.take(".") && c.run(digitOr_) && exponent(&c, signRequired: true) }
        let base60 = whole(b) { c in
            c.sign()
            return c.run(digit) && c.run(digitOr_, min: 0) && sexagesimal(&c) && c.take(".") && c.run(digitOr_, min: 0)
        }
        let text = String(decoding: b, as: UTF8.self)
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        let infinity = [".inf", ".Inf", ".INF"].contains(unsigned)
        let nan = [".nan", ".NaN", ".NAN"].contains(text)
        return decimal || fraction || base60 || infinity || nan
    }

    private static func nonZeroStart(_ c: inout Cursor) -> Bool {
        guard c.i < c.b.count, c.b[c.i] >= 0x31, c.b[c.i] <= 0x39 else { return false }
        c.i += 1; return true
    }
    private static func isHex(_ c: UInt8) -> Bool { digit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) }
}
