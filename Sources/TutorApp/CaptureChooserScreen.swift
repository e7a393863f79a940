import NetSim
import TutorCore
import TutorRender

/// `trace FILE` on a terminal when the capture holds more than one TCP conversation: pick the
/// one to play (the list `--list` prints). Enter asks the shell to read that stream.
public enum CaptureChooserScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        /// The file as given (the shell reads it again) and as shown.
        public var path: String, name: String
        /// The TCP conversations, in tshark's tcp.stream order.
        public var conversations: [Conversation]
        public var selected = 0
        var top = 0
        public init(path: String, conversations: [Conversation]) {
            self.path = path; self.conversations = conversations
            name = path.split(separator: "/").last.map(String.init) ?? path
        }
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.captureChooser }
    static func helpSection(_ s: State) -> Localized { UIText.chooserSection }

    /// Rows of the list on a screen of `height`: title, hint, header, the key bar.
    static func rows(_ height: Int) -> Int { max(1, height - 4) }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        guard case .command(let command) = input else { return [] }
        let last = max(0, s.conversations.count - 1), page = rows(ctx.size.height)
        switch command {
        case .up: s.selected = max(0, s.selected - 1)
        case .down: s.selected = min(last, s.selected + 1)
        case .pageUp: s.selected = max(0, s.selected - page)
        case .pageDown: s.selected = min(last, s.selected + page)
        case .top: s.selected = 0
        case .bottom: s.selected = last
        case .open where !s.conversations.isEmpty: return [.effect(.openCapture(path: s.path, stream: s.selected))]
        case .back, .quit: return [.pop]
        default: break
        }
        // The selection stays in view.
        s.top = min(max(s.top, s.selected - page + 1), s.selected)
        return []
    }

    static func render(_ s: State, _ ctx: AppContext, into grid: inout CellGrid, area: Rect) {
        let l = ctx.language
        renderTitleBar(ctx, into: &grid, title: UIText.chooserTitle(s.name, s.conversations.count, l), right: "\(s.selected + 1)/\(s.conversations.count)")
        grid.put(" " + UIText.chooserHint[l], x: 0, y: 1, style: Style(.dim), clip: grid.bounds)
        let table = [UIText.chooserHeader[l].split(separator: "|").map(String.init)] + s.conversations.enumerated().map { i, c in
            ["\(i)", c.a.description, c.b.description, "\(c.frames)", "\(c.bytes)", CaptureTrace.fixed(c.start, 3) + " s", CaptureTrace.fixed(c.duration, 3) + " s"]
        }
        let widths = table[0].indices.map { i in table.map { TextWidth.width(of: $0[i]) }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            " " + r.indices.map { i in i == 1 || i == 2 ? TextWidth.pad(r[i], to: widths[i]) : String(repeating: " ", count: widths[i] - TextWidth.width(of: r[i])) + r[i] }.joined(separator: "  ")
        }
        grid.put(TextWidth.truncate(line(table[0]), to: grid.width, ellipsis: ctx.glyphs.ellipsis), x: 0, y: 2, style: Style(.heading, bold: true))
        for (row, i) in (s.top..<min(s.conversations.count, s.top + rows(grid.height))).enumerated() {
            let text = TextWidth.pad(TextWidth.truncate(line(table[i + 1]), to: grid.width, ellipsis: ctx.glyphs.ellipsis), to: grid.width)
            grid.put(text, x: 0, y: 3 + row, style: i == s.selected ? Style(.selection, reverse: true) : .plain)
        }
        renderBottomBar(ctx, into: &grid, bindings: bindings(s))
    }
}
