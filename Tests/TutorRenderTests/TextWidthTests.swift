import Foundation
import Glibc
import Testing
@testable import TutorRender

/// glibc's wcwidth, looked up at run time (the Glibc module does not import it without
/// _XOPEN_SOURCE).
let wcwidth: @convention(c) (wchar_t) -> Int32 = {
    let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth")!  // RTLD_DEFAULT
    return unsafeBitCast(sym, to: (@convention(c) (wchar_t) -> Int32).self)
}()

@Suite("TextWidth: DESIGN §3 width rules")
struct TextWidthTests {
    @Test("Hangul syllables are two columns")
    func hangulIsWide() {
        #expect(TextWidth.width(of: "한") == 2)
        #expect(TextWidth.width(of: "한국어") == 6)
        #expect(TextWidth.width(of: "TCP와 UDP") == 9)
    }

    @Test("CJK ideographs and fullwidth forms are two columns")
    func cjkAndFullwidthAreWide() {
        #expect(TextWidth.width(of: "網") == 2)
        #expect(TextWidth.width(of: "ｱ") == 1)  // halfwidth katakana stays narrow
        #expect(TextWidth.width(of: "Ａ") == 2)   // fullwidth Latin
        #expect(TextWidth.width(of: "、") == 2)
    }

    @Test("Combining marks are zero columns; a base with marks is one grapheme of width 1")
    func combiningIsZero() {
        #expect(TextWidth.width(of: Unicode.Scalar(0x0301)!) == 0)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
        #expect(TextWidth.width(of: "\u{200B}") == 0)
    }

    @Test("Decomposed Hangul jamo (L+V+T) forms one wide grapheme")
    func decomposedHangulIsOneWideGrapheme() {
        let decomposed = "\u{1112}\u{1161}\u{11AB}"  // 한 as jamo
        #expect(decomposed.count == 1)
        #expect(TextWidth.width(of: decomposed) == 2)
    }

    @Test("East-Asian ambiguous glyphs (box drawing, arrows, ●, ▲) are one column")
    func ambiguousIsNarrow() {
        for s in ["─", "│", "┌", "→", "●", "▲", "•", "✓", "…", "·", "×", "§"] {
            #expect(TextWidth.width(of: s) == 1, "\(s)")
        }
    }

    @Test("truncate and pad count columns, not characters")
    func truncateAndPad() {
        #expect(TextWidth.truncate("한국어 문장", to: 7) == "한국어…")
        #expect(TextWidth.width(of: TextWidth.truncate("한국어 문장", to: 6)) <= 6)
        #expect(TextWidth.pad("한", to: 4) == "한  ")
        #expect(TextWidth.pad("한국어", to: 5) == "한국 ")
    }

    /// Parity with glibc wcwidth (C.UTF-8) for every character in shipped content, so the grid
    /// and the terminal never disagree about where a column is.
    @Test("TextWidth agrees with glibc wcwidth for every character in Content/")
    func parityWithWcwidth() throws {
        #expect(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let content = root.appendingPathComponent("Content")
        let files = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        #expect(files.count >= 6)
        var scalars = Set<UInt32>()
        for f in files {
            let text = try String(contentsOf: content.appendingPathComponent(f), encoding: .utf8)
            for s in text.precomposedStringWithCanonicalMapping.unicodeScalars where s.value >= 0x20 && s.value != 0x7F { scalars.insert(s.value) }
        }
        // Also every glyph the UI itself draws.
        for g in [Glyphs.unicode, Glyphs.ascii] {
            for s in [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.teeDown, g.teeUp,
                      g.teeRight, g.teeLeft, g.cross, g.heavyHorizontal, g.bullet, g.check, g.pointer, g.ellipsis,
                      g.arrowUp, g.arrowDown, g.arrowLeft, g.arrowRight, g.play, g.quoteBar, g.loss, g.segment, g.dash,
                      g.gaugeFull, g.gaugeEmpty, g.separator] + g.seriesMarks {
                for u in s.unicodeScalars { scalars.insert(u.value) }
            }
        }
        // And the chart's dots: every Braille pattern and the quadrant blocks.
        for v in UInt32(0x2800)...0x28FF { scalars.insert(v) }
        for u in "▘▝▀▖▌▞▛▗▚▐▜▄▙▟█".unicodeScalars { scalars.insert(u.value) }
        #expect(scalars.contains(0xD55C))  // 한: the content really is Korean
        var mismatches: [String] = []
        for v in scalars.sorted() {
            let expected = Int(wcwidth(wchar_t(bitPattern: v)))
            let ours = TextWidth.width(of: Unicode.Scalar(v)!)
            if expected != ours { mismatches.append(String(format: "U+%04X wcwidth=%d ours=%d", v, expected, ours)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test("All Hangul syllables and common CJK blocks agree with wcwidth")
    func parityOnWholeBlocks() {
        #expect(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        var bad = 0
        for range in [0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0x4E00...0x4EFF, 0xFF00...0xFFEF, 0x2500...0x25FF, 0x2190...0x21FF, 0x0300...0x036F] {
            for v in range where Unicode.Scalar(UInt32(v)) != nil {
                let expected = Int(wcwidth(wchar_t(v)))
                if expected < 0 { continue }  // unassigned code point
                if expected != TextWidth.width(of: Unicode.Scalar(UInt32(v))!) { bad += 1 }
            }
        }
        #expect(bad == 0)
    }
}

@Suite("TextWidth tables")
struct TextWidthTableTests {
    @Test("Range tables are sorted and disjoint (binary search relies on it)")
    func tablesSorted() {
        for table in [TextWidth.wide, TextWidth.zeroWidth] {
            for (a, b) in zip(table, table.dropFirst()) { #expect(a.upperBound < b.lowerBound, "\(a) then \(b)") }
        }
    }
}

@Suite("TextWidth: grapheme clusters as the terminal advances (issue 15)")
struct ClusterWidthTests {
    /// ZWJ sequences, flags, variation selectors, skin tones, keycaps, combining marks, jamo.
    static let clusters: [String] = [
        "👨\u{200D}👩\u{200D}👧\u{200D}👦", "🇰🇷", "🇯🇵", "❤\u{FE0F}", "1\u{FE0F}\u{20E3}", "👍🏽",
        "e\u{301}", "a\u{308}\u{301}", "\u{1112}\u{1161}\u{11AB}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    ]

    @Test("A cluster's width is the sum of glibc wcwidth over its scalars, as ncurses and tmux count")
    func clusterWidthIsWcwidthSum() {
        #expect(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        for text in Self.clusters {
            let c = Character(text)
            let expected = c.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1.value)))) }
            #expect(TextWidth.width(of: c) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(TextWidth.width(of: Character("👨\u{200D}👩\u{200D}👧\u{200D}👦")) == 8)
        #expect(TextWidth.width(of: "🇰🇷🇯🇵") == 4)
    }

    @Test("Cell pieces: one spacing scalar each, marks kept, joiners/selectors/tags dropped, widths add up")
    func cellPieces() {
        #expect(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        for text in Self.clusters {
            let c = Character(text)
            let pieces = TextWidth.cellPieces(of: c)
            #expect(pieces.reduce(0) { $0 + $1.width } == TextWidth.width(of: c))
            for p in pieces {
                let scalars = Array(p.text.unicodeScalars)
                // ncurses' setcchar accepts only one spacing character per cell, first.
                #expect(Int(wcwidth(wchar_t(bitPattern: scalars[0].value))) == p.width)
                #expect(scalars.dropFirst().allSatisfy { wcwidth(wchar_t(bitPattern: $0.value)) == 0 })
                #expect(!scalars.contains { [0x200D, 0xFE0F, 0xE007F].contains($0.value) })
            }
        }
        #expect(TextWidth.cellPieces(of: Character("e\u{301}")).map(\.text) == ["e\u{301}"])
        #expect(TextWidth.cellPieces(of: Character("🇰🇷")).map(\.text) == ["🇰", "🇷"])
    }
}
