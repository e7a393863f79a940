/// Word wrapping by display columns. Lines break at spaces (Korean is written with spaces between
/// words, so it wraps there too); a token longer than the whole width breaks by column. Style is
/// kept per character, so bold or code spans may wrap across lines.
public enum Wrap {
    public static func wrap(_ text: String, width: Int, style: Style = .plain) -> [Line] {
        wrap([Span(text, style)], width: width)
    }

    public static func wrap(_ spans: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        // Tokens: runs of non-space characters, each char with its style; spaces separate.
        var lines: [Line] = []
        var current: [(Character, Style)] = []
        var currentWidth = 0
        var word: [(Character, Style)] = []
        var wordWidth = 0
        var pendingSpace: Style? = nil

        func flushLine() {
            lines.append(coalesce(current))
            current = []; currentWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = (pendingSpace != nil && !current.isEmpty) ? 1 : 0
            if currentWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1 { current.append((" ", pendingSpace!)); currentWidth += 1 }
                current += word; currentWidth += wordWidth
            } else {
                if !current.isEmpty { flushLine() }
                // Break an over-long token by column.
                for (c, s) in word {
                    let w = TextWidth.width(of: c)
                    if currentWidth + w > width && !current.isEmpty { flushLine() }
                    current.append((c, s)); currentWidth += w
                }
            }
            word = []; wordWidth = 0; pendingSpace = nil
        }

        for span in spans {
            for c in span.text {
                if c == "\n" {
                    placeWord(); flushLine(); pendingSpace = nil
                } else if c == " " || c == "\t" {
                    placeWord()
                    pendingSpace = span.style
                } else {
                    word.append((c, span.style)); wordWidth += TextWidth.width(of: c)
                }
            }
        }
        placeWord()
        if !current.isEmpty || lines.isEmpty { flushLine() }
        return lines
    }

    /// Joins consecutive characters of the same style into spans.
    static func coalesce(_ chars: [(Character, Style)]) -> Line {
        var line: Line = []
        for (c, s) in chars {
            if let last = line.last, last.style == s { line[line.count - 1].text.append(c) }
            else { line.append(Span(String(c), s)) }
        }
        return line
    }
}
