import NetSim
import TutorCore
import TutorRender

/// A lesson laid out for a width: styled lines, each remembering the block it came from so the
/// reading position survives a resize or a language switch.
public struct LaidLine: Sendable, Equatable {
    public var line: Line
    public var block: Int
}

public enum LessonLayout {
    public static func lines(_ lesson: Lesson, width: Int, glyphs: Glyphs, language: Language) -> [LaidLine] {
        var out: [LaidLine] = []
        forEachBlock(lesson, width: width, glyphs: glyphs, language: language) { i, lines in out += lines.map { LaidLine(line: $0, block: i) } }
        return out
    }

    /// The same lines block by block (a blank line before every block but the first), so a
    /// printer can write the start of a lesson before the rest is laid out.
    public static func forEachBlock(_ lesson: Lesson, width: Int, glyphs: Glyphs, language: Language, _ body: (Int, [Line]) -> Void) {
        let width = max(10, width)
        for (i, block) in lesson.blocks.enumerated() {
            let lines = layout(block, width: width, glyphs: glyphs, language: language)
            body(i, i > 0 && !lines.isEmpty ? [[]] + lines : lines)
        }
    }

    static func layout(_ block: Block, width: Int, glyphs: Glyphs, language: Language) -> [Line] {
        switch block {
        case .heading(let level, let inlines):
            let style = Style(level <= 2 ? .heading : .emphasis, bold: true, underline: level == 1)
            var lines = Wrap.wrap(spans(inlines, base: style), width: width)
            if level <= 2 {
                let w = min(width, lines.map(\.width).max() ?? 0)
                lines.append([Span(String(repeating: level == 1 ? glyphs.heavyHorizontal : glyphs.horizontal, count: w), Style(.heading))])
            }
            return lines
        case .paragraph(let inlines):
            return Wrap.wrap(spans(inlines, base: .plain), width: width)
        case .list(let ordered, let start, let items):
            var out: [Line] = []
            for (n, item) in items.enumerated() {
                let marker = ordered ? "\(start + n). " : glyphs.bullet + " "
                let indent = TextWidth.width(of: marker)
                var first = true
                for (bi, sub) in item.enumerated() {
                    let subLines = layout(sub, width: width - indent, glyphs: glyphs, language: language)
                    if bi > 0, !subLines.isEmpty, case .paragraph = sub { out.append([]) }
                    for line in subLines {
                        let prefix = first ? Span(marker, Style(.accent, bold: true)) : Span(String(repeating: " ", count: indent))
                        out.append([prefix] + line)
                        first = false
                    }
                }
            }
            return out
        case .quote(let blocks):
            var inner: [Line] = []
            for (i, b) in blocks.enumerated() {
                if i > 0 { inner.append([]) }
                inner += layout(b, width: width - 2, glyphs: glyphs, language: language)
            }
            return inner.map { [Span(glyphs.quoteBar + " ", Style(.quote))] + $0.map { Span($0.text, Style(.quote, bold: $0.style.bold, underline: $0.style.underline)) } }
        case .code(_, let text):
            var out: [Line] = []
            let inner = width - 2
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = Substring(raw)
                repeat {  // hard-wrap long code lines by column; never reflow code words
                    let (piece, _) = TextWidth.prefix(rest, fitting: inner)
                    let taken = piece.isEmpty && !rest.isEmpty ? String(rest.prefix(1)) : piece
                    out.append([Span(glyphs.vertical + " ", Style(.dim)), Span(taken, Style(.code))])
                    rest = rest.dropFirst(taken.count)
                } while !rest.isEmpty
            }
            return out
        case .table(let alignments, let header, let rows):
            let table = TableLayout(
                header: header.map { spans($0, base: .plain) },
                rows: rows.map { $0.map { spans($0, base: .plain) } },
                alignments: alignments.map { a -> TableLayout.Alignment in a == .right ? .right : a == .center ? .center : .left })
            return table.lines(maxWidth: width, glyphs: glyphs)
        case .scene(let id):
            return sceneCard(id, width: width, glyphs: glyphs, language: language)
        case .rule:
            return [[Span(String(repeating: glyphs.horizontal, count: width), Style(.dim))]]
        }
    }

    /// A scene card: a framed box naming the scene and saying what it shows; Enter plays it.
    static func sceneCard(_ id: String, width: Int, glyphs: Glyphs, language: Language) -> [Line] {
        let w = min(width, 72)
        let scene = SceneCatalog.spec(id)
        let title = "\(glyphs.play) \(UIText.sceneCard[language]): \(SceneCatalog.title(id, language))"
        let body: String
        if let scene { body = scene.summary[language] + ". " + UIText.scenePlayInReader[language] }
        else { body = UIText.sceneUnknown[language] }
        let border = Style(.accent)
        var out: [Line] = []
        let titleText = TextWidth.truncate(" \(title) ", to: w - 4, ellipsis: glyphs.ellipsis)
        let fill = max(0, w - 3 - TextWidth.width(of: titleText))
        out.append([Span(glyphs.topLeft + glyphs.horizontal, border), Span(titleText, Style(.accent, bold: true)),
                    Span(String(repeating: glyphs.horizontal, count: fill) + glyphs.topRight, border)])
        for line in Wrap.wrap([Span(body, Style(.dim)), Span(" [\(id)]", Style(.dim))], width: w - 4) {
            out.append([Span(glyphs.vertical + " ", border)] + line + [Span(String(repeating: " ", count: max(0, w - 4 - line.width)) + " " + glyphs.vertical, border)])
        }
        out.append([Span(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: w - 2) + glyphs.bottomRight, border)])
        return out
    }

    /// Inline runs to styled spans. Bold, emphasis, code and links stay distinguishable without
    /// colour (bold / underline / the code role, which the ASCII theme still shows).
    static func spans(_ inlines: [Inline], base: Style) -> Line {
        var out: Line = []
        for inline in inlines {
            switch inline {
            case .text(let s): out.append(Span(s, base))
            case .code(let s):
                out.append(Span(s, Style(.code, bold: base.bold)))
            case .strong(let c):
                var s = base; s.bold = true; if s.role == .normal { s.role = .emphasis }
                out += spans(c, base: s)
            case .emphasis(let c):
                var s = base; s.underline = true
                out += spans(c, base: s)
            case .strikethrough(let c):
                var s = base; s.dim = true
                out += spans(c, base: s)
            case .link(let text, let destination):
                var s = base; s.underline = true
                let label = spans(text, base: s)
                out += label
                if label.plainText != destination, !destination.isEmpty, !destination.hasPrefix("#") {
                    out.append(Span(" <\(destination)>", Style(.dim)))
                }
            case .lineBreak: out.append(Span("\n", base))
            }
        }
        return out
    }
}
