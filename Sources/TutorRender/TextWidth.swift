/// Display width of text in terminal columns, from our own table so results never depend on the
/// locale. It agrees with glibc `wcwidth` under C.UTF-8 for the characters we ship (a test checks
/// every character in Content/). East-Asian *ambiguous* characters (box drawing, arrows, ●) are 1.
public enum TextWidth {
    /// Width of one scalar: 2 wide, 1 normal, 0 combining/zero-width. Control characters are 0
    /// here; content escapes them before they reach a cell.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Width of a grapheme cluster as the terminal will draw it: the sum of its scalars' widths,
    /// because ncurses, tmux and glibc `wcwidth` advance per scalar. A ZWJ family emoji is 8, a
    /// flag (two regional indicators) 2, a base letter with combining marks 1, a Hangul jamo
    /// cluster 2. `cellPieces` splits a cluster the same way, so layout and drawing agree.
    public static func width(of character: Character) -> Int {
        var w = 0
        for s in character.unicodeScalars { w += width(of: s) }
        return w
    }

    /// The cluster as cells: one piece per spacing scalar, each carrying the combining marks that
    /// follow it, with its width. Joiners, variation selectors, bidi controls and tag characters
    /// are dropped: a terminal that honoured them would draw a width ncurses does not expect
    /// (a joined family in 2 columns, not 8), and bidi overrides can disguise text.
    public static func cellPieces(of character: Character) -> [(text: String, width: Int)] {
        var pieces: [(text: String, width: Int)] = []
        for s in character.unicodeScalars {
            let w = width(of: s)
            if w > 0 {
                pieces.append((String(s), w))
            } else if keepsAsMark(s.value), !pieces.isEmpty, pieces[pieces.count - 1].text.unicodeScalars.count < 4 {
                pieces[pieces.count - 1].text.unicodeScalars.append(s)  // ncurses holds up to 5 per cell
            }
        }
        return pieces
    }

    /// Zero-width scalars that belong in a cell with their base: combining marks and Hangul
    /// medial/final jamo. The rest of the zero-width table (format characters) is dropped.
    static func keepsAsMark(_ v: UInt32) -> Bool {
        guard v >= 0x300, isZeroWidth(v) else { return false }
        return !((0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2064).contains(v)
            || (0xFE00...0xFE0F).contains(v) || v == 0xFEFF || v == 0x061C || v >= 0xE0000)
    }

    /// The sum over scalars, as for a cluster (no grapheme breaking needed); printable ASCII is
    /// counted by bytes.
    public static func width(of string: some StringProtocol) -> Int {
        var total = 0, ascii = true
        for b in string.utf8 {
            if b >= 0x80 || b < 0x20 || b == 0x7F { ascii = false; break }
            total += 1
        }
        if ascii { return total }
        total = 0
        for s in string.unicodeScalars { total += width(of: s) }
        return total
    }

    /// The longest prefix of `string` that fits in `columns`, and its width.
    public static func prefix(_ string: some StringProtocol, fitting columns: Int) -> (String, Int) {
        var used = 0, out = ""
        for c in string {
            let w = width(of: c)
            if used + w > columns { break }
            used += w; out.append(c)
        }
        return (out, used)
    }

    /// `string` cut to `columns`, ending in `ellipsis` when something was cut.
    public static func truncate(_ string: String, to columns: Int, ellipsis: String = "…") -> String {
        if width(of: string) <= columns { return string }
        let ew = width(of: ellipsis)
        guard columns > ew else { return prefix(string, fitting: columns).0 }
        return prefix(string, fitting: columns - ew).0 + ellipsis
    }

    /// `string` padded with spaces to exactly `columns` (cut when longer).
    public static func pad(_ string: String, to columns: Int) -> String {
        let (s, w) = prefix(string, fitting: columns)
        return s + String(repeating: " ", count: columns - w)
    }

    static func isZeroWidth(_ v: UInt32) -> Bool { contains(zeroWidth, v) }

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        if v >= 0xAC00 && v <= 0xD7A3 { return true }  // Hangul syllables: the common case
        return contains(wide, v)
    }

    /// Binary search over sorted, disjoint ranges.
    static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[mid].lowerBound { hi = mid - 1 } else if v > ranges[mid].upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    // Unicode 15 East_Asian_Width W/F, as glibc 2.36 classifies them (ranges merged).
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x3029,
        0x302E...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F, 0x3131...0x318E,
        0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C,
        0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5,
        0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B150...0x1B152,
        0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E,
        0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
        0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F5A4...0x1F5A4,
        0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
        0x1F947...0x1F9FF, 0x1FA70...0x1FA7C, 0x1FA80...0x1FA88, 0x1FA90...0x1FABD,
        0x1FABF...0x1FAC5, 0x1FACE...0x1FADB, 0x1FAE0...0x1FAE8, 0x1FAF0...0x1FAF8,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    // Combining marks (Mn/Me), format characters and Hangul medial/final jamo: zero columns.
    static let zeroWidth: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x05BF...0x05BF, 0x05C1...0x05C2,
        0x05C4...0x05C5, 0x05C7...0x05C7, 0x0610...0x061A, 0x061C...0x061C, 0x064B...0x065F,
        0x0670...0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED,
        0x0E31...0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
        0x1160...0x11FF, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
        0x20D0...0x20F0, 0x302A...0x302D, 0x3099...0x309A, 0xD7B0...0xD7FF,
        0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF...0xFEFF, 0x1D167...0x1D169,
        0xE0001...0xE0001, 0xE0020...0xE007F, 0xE0100...0xE01EF,
    ]
}
