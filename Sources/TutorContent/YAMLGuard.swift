import Foundation
import Yams

/// YAML through Yams within `ContentLimits`. Yams composes recursively (10,000 nested `[`
/// overflow the stack) and `Yams.load` expands every alias (nine-fold aliases seven deep make
/// 4.8 million nodes from 472 bytes), so the text is scanned for nesting before libyaml sees it,
/// and the composed tree (where an alias is a shared copy, not an expansion) is counted with a
/// cap before anything walks it.
enum YAMLGuard {
    struct Violation: Error, Equatable { var line: Int; var message: String }

    /// The composed document, or why it breaks a limit; Yams' own errors are rethrown.
    static func compose(_ text: String) throws -> Node? {
        // libyaml also breaks lines at a lone CR, NEL, LS and PS; made LF here, the scan and
        // libyaml see the same lines (a comment cannot hide what follows such a break).
        let text = lineBreaksNormalized(text)
        if let v = scan(text) { throw v }
        guard let node = try Yams.compose(yaml: text, .basic) else { return nil }  // tags: YAMLScalar
        if let v = countNodes(node) { throw v }
        return node
    }

    /// The composed tree as plain values (String, Int, Double, Bool, NSNull, [Any], [String: Any]).
    /// Not Yams' `Constructor`: it force-unwraps a mapping key that is not text (`[a]: b`, or an
    /// alias to a list used as a key), which crashed the loader. Depth is bounded by `scan`.
    /// A plain decimal ("3", "-12"): Yams' reading (through Foundation's string replacing) is
    /// kept for the YAML 1.1 forms (0x1F, 0o17, 017, 1_000, 1:30) and for "-0", which it leaves text.
    static func decimal(_ s: String) -> Int? {
        let digits = s.utf8.drop { $0 == UInt8(ascii: "-") && s.utf8.count > 1 }
        guard digits.count < 19, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first != 0x30 || s == "0" else { return nil }
        return Int(s)
    }

    static func plain(_ node: Node) throws -> Any {
        switch node {
        case .scalar(let s):
            // Composed with `Resolver.basic`, a scalar is `str` unless tagged; a plain one
            // gets its YAML 1.1 type here (an explicit `!!str 12` plain is read as 12 too).
            let name = Tag.Name(rawValue: node.tag.description)
            let kind: YAMLScalar.Kind = switch name {
            case .str where s.style == .plain: YAMLScalar.kind(of: s.string)
            case .int: .int
            case .float: .float
            case .bool: .bool
            case .null: .null
            default: .string
            }
            switch kind {
            case .int: if let n = decimal(s.string) ?? Int.construct(from: s) { return n } else { return s.string }
            case .float: return Double.construct(from: s) ?? s.string
            case .bool: return Bool.construct(from: s) ?? s.string
            case .null: return NSNull()
            case .string: return s.string
            }
        case .sequence(let seq):
            return try seq.map(plain)
        case .mapping(let m):
            var out: [String: Any] = [:]
            for (k, v) in m {
                guard case .scalar(let key) = k else {
                    throw Violation(line: (k.mark?.line ?? 0) + 1, message: "a mapping key must be text, not a list or a mapping")
                }
                out[key.string] = try plain(v)
            }
            return out
        }
    }

    /// Counts nodes as if aliases were expanded, without expanding them, stopping at the cap.
    static func countNodes(_ root: Node) -> Violation? {
        var stack = [root], count = 0
        while let node = stack.popLast() {
            count += 1
            if count > ContentLimits.yamlNodes {
                return Violation(line: (node.mark?.line ?? 0) + 1,
                                 message: "YAML expands to more than \(ContentLimits.yamlNodes) nodes (aliases repeated too often)")
            }
            switch node {
            case .scalar: break
            case .sequence(let s): stack.append(contentsOf: s)
            case .mapping(let m): for (k, v) in m { stack.append(k); stack.append(v) }
            }
        }
        return nil
    }

    /// One pass over the bytes, no recursion: the first line nested deeper than the limits.
    /// Flow depth counts `[`/`{` outside quoted scalars; inside one, brackets are counted too
    /// (balanced locally), so a quote the scan misreads cannot hide real nesting. Block depth is
    /// bounded by indentation; the lines of a block scalar (`key: |`) are text and skipped.
    static func scan(_ text: String) -> Violation? {
        let bytes = Array(text.utf8)
        var i = 0, line = 1, flow = 0
        var quote: UInt8? = nil, quoted = 0   // open quote, its local bracket depth
        var expecting = true                  // a token may start here (so may a quote)
        var blockScalarParent: Int? = nil     // skip lines indented deeper than this
        func tooDeep() -> Violation {
            Violation(line: line, message: "YAML nested too deeply (more than \(ContentLimits.yamlDepth) levels of [ or {)")
        }
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { i = end + 1; line += 1 }
            var indent = i
            while indent < end, bytes[indent] == 0x20 { indent += 1 }
            let blank = bytes[indent..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if let parent = blockScalarParent {
                if blank || indent - i > parent { continue }
                blockScalarParent = nil
            }
            // Block markers at the start of the line: each is a level of nesting. Counted in
            // every state: were a `[` in a plain scalar (`x: a[`) misread as flow, block
            // nesting on later lines must still be bounded.
            var p = indent
            do {
                if end - i >= 3, [0x2D, 0x2E].contains(bytes[i]), bytes[i + 1] == bytes[i], bytes[i + 2] == bytes[i],
                   end - i == 3 || bytes[i + 3] == 0x20 { p = i + 3 }
                while p < end {
                    if [0x2D, 0x3F, 0x3A].contains(bytes[p]), p + 1 == end || bytes[p + 1] == 0x20 || bytes[p + 1] == 0x09 { p += 1 }
                    else if bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
                    else { break }
                }
            }
            if p - i > ContentLimits.yamlIndent {
                return Violation(line: line, message: "YAML nested too deeply (indented more than \(ContentLimits.yamlIndent) columns)")
            }
            let contentStart = p
            // A quote opens a scalar only where a token may start (YAML's rule; inside a plain
            // scalar, `it's` or `say "hi"` is text): at the start of a block line, after
            // `[ { ,`, after a `:`/`?`/`-` indicator, or after a tag or anchor.
            if flow == 0 { expecting = true }
            var prev: UInt8 = 0x20, property = false
            var k = p
            while k < end {
                let c = bytes[k]
                let space = c == 0x20 || c == 0x09 || c == 0x0D
                if let q = quote {
                    if c == 0x5C, q == 0x22 { k += 2; continue }                              // \x in "..."
                    if c == 0x27, q == 0x27, k + 1 < end, bytes[k + 1] == 0x27 { k += 2; continue } // '' in '...'
                    if c == q {
                        // Brackets left open inside stay counted: were the quote misread, they are real.
                        quote = nil; flow += quoted; quoted = 0; expecting = false
                    } else if c == 0x5B || c == 0x7B { quoted += 1; if flow + quoted > ContentLimits.yamlDepth { return tooDeep() } }
                    else if (c == 0x5D || c == 0x7D) && quoted > 0 { quoted -= 1 }
                } else if space {
                    if property { property = false; expecting = true }
                } else {
                    if c == 0x23, prev == 0x20 || prev == 0x09 || k == contentStart { break }   // comment
                    let next = k + 1 < end ? bytes[k + 1] : 0x20
                    let nextEnds: Bool
                    switch next { case 0x20, 0x09, 0x0D, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: nextEnds = true; default: nextEnds = false }
                    if (c == 0x22 || c == 0x27) && expecting { quote = c }
                    else if c == 0x5B || c == 0x7B {
                        flow += 1; expecting = true
                        if flow > ContentLimits.yamlDepth { return tooDeep() }
                    } else if c == 0x5D || c == 0x7D { if flow > 0 { flow -= 1 }; expecting = false }
                    else if c == 0x2C && flow > 0 { expecting = true }
                    else if c == 0x3A && (nextEnds || [0x22, 0x27, 0x5D, 0x7D].contains(prev)) { expecting = true }
                    else if (c == 0x3F || c == 0x2D) && expecting && nextEnds { expecting = true }
                    else if (c == 0x21 || c == 0x26) && expecting { property = true }
                    else if !property { expecting = false }
                }
                prev = c; k += 1
            }
            if quote == nil, flow == 0, isBlockScalarHeader(bytes, from: contentStart, to: min(k, end)) {
                blockScalarParent = contentStart - i
            }
        }
        return nil
    }

    static func lineBreaksNormalized(_ text: String) -> String {
        // CR is 0D, NEL C2 85, LS/PS E2 80 A8/A9: a byte scan for exactly those decides every
        // file without decoding a scalar (Korean text is full of E2 punctuation: → … ·).
        var copy = text
        let has = copy.withUTF8 { b -> Bool in
            for i in b.indices {
                switch b[i] {
                case 0x0D: return true
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return true
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return true
                default: continue
                }
            }
            return false
        }
        guard has else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            out.append([0x0D, 0x85, 0x2028, 0x2029].contains(u.value) ? "\n" : u)
        }
        return String(out)
    }

    /// The line (comment cut) ends in `|`, `>`, `|-`, `>+2` …, standing where a value starts.
    static func isBlockScalarHeader(_ bytes: [UInt8], from start: Int, to stop: Int) -> Bool {
        func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        var e = stop
        while e > start, space(bytes[e - 1]) { e -= 1 }
        var s = e
        while s > start, !space(bytes[s - 1]) { s -= 1 }
        guard s < e, bytes[s] == 0x7C || bytes[s] == 0x3E,
              bytes[(s + 1)..<e].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D }) else { return false }
        var b = s
        while b > start, space(bytes[b - 1]) { b -= 1 }
        if b == start || bytes[b - 1] == 0x3A { return true }
        // After a tag or anchor (`key: !t |`).
        var t = b
        while t > start, !space(bytes[t - 1]) { t -= 1 }
        return bytes[t] == 0x21 || bytes[t] == 0x26
    }
}

extension Node {
    /// `node["key"]` for a mapping, without Yams' subscript: that one builds a key node and
    /// resolves both tags with regular expressions on every comparison (a quarter of `check`).
    /// Same answer for our keys (plain words, which resolve to `str`): the last pair whose key
    /// is that text with an implicit, `!` or `!!str` tag.
    func field(_ key: String) -> Node? {
        guard case .mapping(let m) = self else { return nil }
        var i = m.endIndex   // backwards by index: `reversed()` copied every pair first
        while i > m.startIndex {
            i -= 1
            if case .scalar(let s) = m[i].key, s.string == key, ["", "!", "tag:yaml.org,2002:str"].contains(s.tag.description) { return m[i].value }
        }
        return nil
    }
}
