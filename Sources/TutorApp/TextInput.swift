import TutorQuiz
import TutorRender

/// Text being typed: the cursor moves by character, so Backspace removes a whole Hangul
/// syllable. Long answers wrap into lines (`layout(width:)`), and ↑↓ move between them.
public struct TextInput: Sendable, Equatable {
    public var characters: [Character] = []
    public var cursor = 0
    /// At most this many characters (an interview answer is longer than a short one).
    public var limit = 400
    public init(_ text: String = "", limit: Int = 400) { characters = Array(text); cursor = characters.count; self.limit = limit }
    public var text: String { String(characters) }

    mutating func insert(_ c: Character) {
        guard !c.isNewline, characters.count < limit else { return }
        characters.insert(c, at: cursor); cursor += 1
    }

    /// Applies an editing command; false when it is not one. `width` is the wrapping width,
    /// for ↑↓ (nil: one line, ↑↓ are not editing).
    mutating func edit(_ command: Command, width: Int? = nil) -> Bool {
        switch command {
        case .deleteBackward: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward: if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = width.map { layout(width: $0).lines[layout(width: $0).cursorLine].lowerBound } ?? 0
        case .lineEnd:
            if let width {
                let l = layout(width: width), line = l.lines[l.cursorLine]
                // The end of a wrapped line is the start of the next one: stop before it.
                cursor = line.upperBound < characters.count && line.upperBound > line.lowerBound ? line.upperBound - 1 : line.upperBound
            } else { cursor = characters.count }
        case .up, .down:
            guard let width else { return false }
            moveVertically(command == .up ? -1 : 1, width: width)
        default: return false
        }
        return true
    }

    /// Where the text breaks at `width` columns and where the cursor is drawn.
    public struct Layout: Sendable, Equatable {
        /// The character indices of each line (at least one line, maybe empty).
        public var lines: [Range<Int>]
        public var cursorLine: Int
        public var cursorColumn: Int
    }

    /// Wraps at `width` columns (Hangul and other wide characters count two). A line breaks
    /// after a space, like the lesson text; a word longer than the line (Korean written without
    /// spaces, a URL) breaks between characters, so a syllable is never split. A space at the
    /// break hangs past the line, so lines are laid out one column narrower than `width` to
    /// keep the cursor inside.
    public func layout(width: Int) -> Layout {
        let w = max(2, width - 1)
        var lines: [Range<Int>] = []
        var start = 0, used = 0, lastBreak: Int?
        var i = 0
        while i < characters.count {
            let c = characters[i], cw = TextWidth.width(of: String(c))
            if used + cw > w && i > start {
                if c == " " { lines.append(start..<(i + 1)); start = i + 1; used = 0; lastBreak = nil; i += 1; continue }
                let end = lastBreak.map { $0 > start ? $0 : i } ?? i
                lines.append(start..<end)
                start = end; lastBreak = nil
                used = characters[start..<i].reduce(0) { $0 + TextWidth.width(of: String($1)) }
                continue  // re-examine character i on the new line
            }
            used += cw
            if c == " " { lastBreak = i + 1 }
            i += 1
        }
        lines.append(start..<characters.count)
        // The cursor is on the line that holds it; at a break, at the start of the next line.
        let line = lines.firstIndex { $0.contains(cursor) } ?? lines.count - 1
        let column = characters[lines[line].lowerBound..<min(cursor, lines[line].upperBound)].reduce(0) { $0 + TextWidth.width(of: String($1)) }
        return Layout(lines: lines, cursorLine: line, cursorColumn: column)
    }

    /// ↑↓: to the character nearest the same column on the line above or below.
    mutating func moveVertically(_ delta: Int, width: Int) {
        let l = layout(width: width)
        let target = l.cursorLine + delta
        guard l.lines.indices.contains(target) else { cursor = delta < 0 ? 0 : characters.count; return }
        let r = l.lines[target]
        var col = 0, k = r.lowerBound
        while k < r.upperBound {
            let cw = TextWidth.width(of: String(characters[k]))
            if col + cw > l.cursorColumn { break }
            col += cw; k += 1
        }
        // Not past a wrapped line's end (that position belongs to the next line).
        if k == r.upperBound && target < l.lines.count - 1 && k > r.lowerBound { k -= 1 }
        cursor = k
    }
}
