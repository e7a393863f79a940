import NetSim
import TutorCore
import TutorRender

/// One occurrence of the search text in a laid-out lesson: its line and display columns.
public struct SearchHit: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var width: Int
}

/// A heading of the lesson, for the table of contents.
public struct ContentsEntry: Sendable, Equatable {
    public var level: Int
    public var title: String
    public var block: Int
}

/// What the reader finds in a laid-out lesson: search hits, headings, scene cards on screen.
/// Pure functions of the lines, so render and reduce agree.
enum ReaderFind {
    /// Every occurrence of `query` in the lines, case-folded character by character (so Hangul
    /// and English both match and columns stay those of the displayed text). A hit cannot span
    /// a wrapped line break.
    static func hits(_ lines: [LaidLine], query: String) -> [SearchHit] {
        let needle = query.map { $0.lowercased() }
        guard !needle.isEmpty else { return [] }
        var out: [SearchHit] = []
        for (n, laid) in lines.enumerated() {
            let chars = Array(laid.line.plainText)
            guard chars.count >= needle.count else { continue }
            let folded = chars.map { $0.lowercased() }
            var column = 0, i = 0
            while i + needle.count <= chars.count {
                if folded[i] == needle[0], Array(folded[i..<(i + needle.count)]) == needle {
                    let width = chars[i..<(i + needle.count)].reduce(0) { $0 + TextWidth.width(of: $1) }
                    out.append(SearchHit(line: n, column: column, width: width))
                    for c in chars[i..<(i + needle.count)] { column += TextWidth.width(of: c) }
                    i += needle.count
                } else {
                    column += TextWidth.width(of: chars[i])
                    i += 1
                }
            }
        }
        return out
    }

    /// The first hit at or after `line`, wrapping to the first one.
    static func firstHit(_ hits: [SearchHit], from line: Int) -> Int? {
        hits.isEmpty ? nil : hits.firstIndex { $0.line >= line } ?? 0
    }

    /// The lesson's headings (levels 1 to 3) in order.
    static func contents(_ lesson: Lesson) -> [ContentsEntry] {
        lesson.blocks.enumerated().compactMap { i, block in
            guard case .heading(let level, let inlines) = block, level <= 3 else { return nil }
            return ContentsEntry(level: level, title: inlines.map(\.plainText).joined(), block: i)
        }
    }

    /// Block indices of the scene cards with at least one line in view, top to bottom.
    static func visibleScenes(_ lines: [LaidLine], lesson: Lesson?, top: Int, view: Int) -> [Int] {
        guard let lesson else { return [] }
        var out: [Int] = []
        for laid in lines.dropFirst(top).prefix(view) where !out.contains(laid.block) && laid.block < lesson.blocks.count {
            if case .scene = lesson.blocks[laid.block], !laid.line.isEmpty { out.append(laid.block) }
        }
        return out
    }

    /// The lesson's text, one laid line after another (for finding its glossary terms).
    static func text(_ lines: [LaidLine]) -> String { lines.map(\.line.plainText).joined(separator: " ") }
}
