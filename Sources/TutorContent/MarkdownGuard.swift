/// A line-by-line pre-scan of a Markdown body before cmark sees it. cmark's own work grows with
/// the product of container depth and inline brackets (30,000 `> ` then 4,000 `[` on one line
/// took 6 s, found by `make soak`), so a line opening more containers than the reader allows
/// (`ContentLimits.markdownDepth`) is refused before parsing. Depth built across lines needs
/// indentation that grows with it, which keeps cmark linear; `MarkdownBody.tooDeep` still
/// checks the parsed tree.
enum MarkdownGuard {
    /// A limit the body breaks: its 1-based line and the diagnostic.
    struct Hit: Equatable { var line: Int; var message: String }

    static let tooDeep = "Markdown nested too deeply (more than \(ContentLimits.markdownDepth) levels of quotes, lists or emphasis)"

    /// The first limit the body breaks before cmark parses it: too many containers opened on one
    /// line, or a table of more cells than `ContentLimits.markdownTableCells` (the table extension
    /// fills every row to the header's width: 10,000 columns and 5,000 rows were 50 million cells).
    static func check(_ bytes: [UInt8]) -> Hit? {
        if let line = deepMarkerLine(bytes) {
            return Hit(line: line, message: "Markdown nested too deeply (more than \(ContentLimits.markdownDepth) quotes or list items opened on one line)")
        }
        if let line = largeTableLine(bytes) {
            return Hit(line: line, message: "Markdown table too large (more than \(ContentLimits.markdownTableCells) cells)")
        }
        return nil
    }

    /// The line of a table's delimiter row (`|---|---|`) whose columns times the lines up to the
    /// next blank one exceed the cell limit (an over-estimate of its rows, so never too low).
    static func largeTableLine(_ bytes: [UInt8]) -> Int? {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        func blank(_ n: Int) -> Bool {
            var k = starts[n]
            while k < bytes.count, bytes[k] != 0x0A { if bytes[k] != 0x20 && bytes[k] != 0x09 && bytes[k] != 0x0D { return false }; k += 1 }
            return true
        }
        var n = 0
        while n < starts.count {
            defer { n += 1 }
            var k = starts[n], columns = 0, dashes = false, pipes = false, inCell = false
            while k < bytes.count, bytes[k] != 0x0A {
                switch bytes[k] {
                case 0x7C: pipes = true; inCell = false
                case 0x2D: dashes = true; if !inCell { inCell = true; columns += 1 }
                case 0x3A: if !inCell { inCell = true; columns += 1 }
                case 0x20, 0x09, 0x3E: break  // spaces, and the quote markers of a quoted table
                default: columns = -1
                }
                if columns < 0 { break }
                k += 1
            }
            guard columns > 0, dashes, pipes else { continue }
            var rows = 2, m = n + 1
            while m < starts.count, !blank(m) { rows += 1; m += 1 }
            if columns * rows > ContentLimits.markdownTableCells { return n + 1 }
            n = m  // the table's lines are not looked at again (linear)
        }
        return nil
    }

    /// The 1-based line of the first line that opens too many quotes or list items, if any.
    static func deepMarkerLine(_ bytes: [UInt8]) -> Int? {
        var i = 0, line = 1
        var fence: (char: UInt8, length: Int)? = nil  // inside a fenced code block: text, not markers
        while i < bytes.count {
            if let f = fenceRun(bytes, at: i), fence == nil || (f.char == fence!.char && f.length >= fence!.length && f.bare) {
                fence = fence == nil ? (f.char, f.length) : nil
            }
            if fence != nil {
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                i += 1; line += 1
                continue
            }
            var markers = 0, bullets = Set<UInt8>(), onlyBullets = true
            var k = i
            scan: while k < bytes.count, bytes[k] != 0x0A {
                switch bytes[k] {
                case 0x20, 0x09: k += 1
                case 0x3E: markers += 1; onlyBullets = false; k += 1                      // >
                case 0x2D, 0x2A, 0x2B:                                                   // - * +
                    guard k + 1 < bytes.count, bytes[k + 1] == 0x20 || bytes[k + 1] == 0x09 else { break scan }
                    markers += 1; bullets.insert(bytes[k]); k += 2
                case 0x30...0x39:                                                        // 1. 1)
                    var d = k
                    while d < bytes.count, d - k < 9, (0x30...0x39).contains(bytes[d]) { d += 1 }
                    guard d + 1 < bytes.count, bytes[d] == 0x2E || bytes[d] == 0x29, bytes[d + 1] == 0x20 || bytes[d + 1] == 0x09 else { break scan }
                    markers += 1; onlyBullets = false; k = d + 2
                default: break scan
                }
            }
            let lineEnds = k >= bytes.count || bytes[k] == 0x0A
            // `- - - -` alone is a thematic break, not nested lists.
            let rule = lineEnds && onlyBullets && bullets.count == 1
            if markers > ContentLimits.markdownDepth && !rule { return line }
            while k < bytes.count, bytes[k] != 0x0A { k += 1 }
            i = k + 1; line += 1
        }
        return nil
    }

    /// A code fence at the start of the line (at most 3 spaces in): its character, length, and
    /// whether nothing but spaces follows (only such a fence closes a block).
    static func fenceRun(_ bytes: [UInt8], at start: Int) -> (char: UInt8, length: Int, bare: Bool)? {
        var k = start
        while k < bytes.count, k - start < 3, bytes[k] == 0x20 { k += 1 }
        guard k < bytes.count, bytes[k] == 0x60 || bytes[k] == 0x7E else { return nil }
        let c = bytes[k], from = k
        while k < bytes.count, bytes[k] == c { k += 1 }
        guard k - from >= 3 else { return nil }
        var e = k
        while e < bytes.count, bytes[e] == 0x20 || bytes[e] == 0x09 { e += 1 }
        return (c, k - from, e >= bytes.count || bytes[e] == 0x0A)
    }
}
