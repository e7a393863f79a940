/// Every non-ASCII symbol the UI draws, in one place, so `--ascii` (and non-UTF-8 locales) can
/// swap them all. Box drawing and arrows are East-Asian ambiguous and drawn 1 column wide.
public struct Glyphs: Sendable, Hashable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public var teeDown, teeUp, teeRight, teeLeft, cross: String
    public var heavyHorizontal: String
    public var bullet, check, pointer, ellipsis, arrowUp, arrowDown, arrowLeft, arrowRight, play, quoteBar, loss: String
    /// Chart marks: one per series (Tahoe, Reno, CUBIC), a segment in flight, a dashed line.
    public var seriesMarks: [String]
    public var segment, dash: String
    /// Marks a message sent again after a timer fired.
    public var retransmit: String
    /// Gauges (the receive buffer): a filled and an empty cell; a separator between readings.
    public var gaugeFull, gaugeEmpty, separator: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼", heavyHorizontal: "━",
        bullet: "•", check: "✓", pointer: "▸", ellipsis: "…", arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        play: "▶", quoteBar: "┃", loss: "✕",
        seriesMarks: ["▲", "●", "■"], segment: "■", dash: "┄", retransmit: "↻", gaugeFull: "█", gaugeEmpty: "░", separator: "·")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+", heavyHorizontal: "=",
        bullet: "*", check: "v", pointer: ">", ellipsis: "...", arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        play: ">", quoteBar: "|", loss: "x",
        seriesMarks: ["t", "r", "c"], segment: "#", dash: "-", retransmit: "R", gaugeFull: "#", gaugeEmpty: ".", separator: "|")
}
