/// Word wrapping by display columns. Lines break at spaces (Korean is written with spaces between
/// words, so it wraps there too); a token longer than the whole width breaks by column. Style is
/// kept per span piece, so bold or code spans may wrap across lines.
public enum Wrap {
    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [Line] {
        wrap([Span(text, style)], width: width)
    }

    /// Scans Unicode scalars, not Characters: a width is the sum of its scalars' widths
    /// (`TextWidth`), and the separators are single ASCII scalars, so grapheme breaking is only
    /// needed to cut an over-long token, which is rare (lesson bodies are wrapped on every open).
    public static func wrap(_ spans: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var lines: [Line] = []
        var current: Line = [], currentWidth = 0
        // The token being read: non-space text, in pieces by style (slices of the spans, kept
        // with its capacity: a lesson has thousands of words, each would allocate twice).
        var word: [(text: Substring, style: Style)] = [], wordWidth = 0
        var pendingSpace: Style? = nil

        func flushLine() {
            lines.append(current)
            current = []; currentWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = (pendingSpace != nil && !current.isEmpty) ? 1 : 0
            if currentWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1 { append(" ", pendingSpace!, to: &current); currentWidth += 1 }
                for piece in word { append(piece.text, piece.style, to: &current) }
                currentWidth += wordWidth
            } else {
                if !current.isEmpty { flushLine() }
                // Break an over-long token by column, never inside a grapheme cluster.
                for piece in word {
                    for c in piece.text {
                        let w = TextWidth.width(of: c)
                        if currentWidth + w > width && !current.isEmpty { flushLine() }
                        append(String(c), piece.style, to: &current); currentWidth += w
                    }
                }
            }
            word.removeAll(keepingCapacity: true); wordWidth = 0; pendingSpace = nil
        }

        for span in spans {
            let text = span.text, scalars = text.unicodeScalars
            var start = scalars.startIndex, i = start, runWidth = 0
            func takeRun() {
                if start < i { word.append((text[start..<i], span.style)); wordWidth += runWidth }
                runWidth = 0
            }
            while i < scalars.endIndex {
                let s = scalars[i]
                if s == "\n" || s == " " || s == "\t" {
                    takeRun()
                    placeWord()
                    if s == "\n" { flushLine(); pendingSpace = nil } else { pendingSpace = span.style }
                    start = scalars.index(after: i)
                } else {
                    runWidth += TextWidth.width(of: s)
                }
                i = scalars.index(after: i)
            }
            takeRun()
        }
        placeWord()
        if !current.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    /// Appends text in a style, joining it to the last span when the style is the same.
    static func append<S: StringProtocol>(_ text: S, _ style: Style, to line: inout Line) {
        if let last = line.indices.last, line[last].style == style { line[last].text.append(contentsOf: text) }
        else { line.append(Span(String(text), style)) }
    }
}
