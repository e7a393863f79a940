import NetSim
import TutorCore
import TutorRender

/// Two rows above an ARQ diagram, as Kurose & Ross draw the windows (Figures 3.19 and 3.23):
/// the sender's view of the sequence numbers (acknowledged ✓, sent and not acknowledged,
/// usable, not usable) and the receiver's (Selective Repeat: its window, with the buffered
/// packets ■; otherwise what it expects). Each row shows the whole sequence number space once,
/// turned so the window reads left to right, and says the numbers are mod the space: that is
/// why 0 follows 7.
struct ARQWindowStrip {
    var snapshot: ARQSnapshot
    var language: Language
    var glyphs: Glyphs

    static let bracket = Style(.normal, bold: true)
    static let acked = Style(.success), sent = Style(.data, bold: true, reverse: true)
    static let usable = Style(.accent, underline: true), notUsable = Style(.dim)
    static let buffered = Style(.data, bold: true, reverse: true), expected = Style(.accent, underline: true)

    func render(into grid: inout CellGrid, area: Rect) {
        let a = snapshot
        let labels = [UIText.stripSender[language], UIText.stripReceiverSide[language]]
        let labelWidth = labels.map { TextWidth.width(of: $0) }.max() ?? 0
        func label(_ i: Int) -> Span { Span(" " + TextWidth.pad(labels[i], to: labelWidth) + " ", Style(.dim)) }

        var sender: Line = [label(0)]
        if let total = a.total, a.base >= total {
            // Everything sent is acknowledged: no window is left (its numbers would wrap to a
            // window that looks fresh).
            sender.append(Span(UIText.stripAllAcked(total, language), Self.acked))
        } else {
            sender += numbers(around: a.base, window: a.window) { pkt in
                if pkt < a.base || a.ackedInWindow.contains(pkt) { return (glyphs.check, Self.acked) }
                // Past the last packet there is nothing to send: not usable, like outside the window.
                if pkt >= a.base + a.window || pkt >= (a.total ?? .max) { return (nil, Self.notUsable) }
                return (nil, pkt < a.next ? Self.sent : Self.usable)
            }
            sender.append(Span("  base=\(a.base % a.sequenceSpace) next=\(a.next % a.sequenceSpace)", Style(.dim)))
        }
        sender.append(Span(" \(glyphs.separator) " + UIText.stripModulo(a.sequenceSpace, language), Style(.dim)))
        grid.put(sender, x: area.x, y: area.y, clip: area)

        var receiver: Line
        if a.receiverWindow <= 1 {
            // Stop-and-wait and Go-Back-N receive with a window of 1: only the next number counts.
            receiver = [Span(UIText.stripReceiver(a.expected % a.sequenceSpace, language), Style(.dim))]
        } else {
            receiver = [label(1)]
            receiver += numbers(around: a.expected, window: a.receiverWindow) { pkt in
                if pkt < a.expected { return (glyphs.check, Self.acked) }
                if a.buffered.contains(pkt) { return (glyphs.segment, Self.buffered) }
                if pkt >= a.expected + a.receiverWindow { return (nil, Self.notUsable) }
                return (nil, pkt == a.expected ? Self.expected : Style(.normal))
            }
            receiver.append(Span("  " + UIText.stripExpects(a.expected % a.sequenceSpace, language), Style(.dim)))
        }
        if !a.buffered.isEmpty {
            receiver.append(Span(UIText.stripBuffered(a.buffered.sorted().map { "\($0 % a.sequenceSpace)" }.joined(separator: ","), language), Style(.dim)))
        }
        receiver.append(Span(UIText.stripDelivered(a.delivered, language), Style(.dim)))
        grid.put(receiver, x: area.x, y: area.y + 1, clip: area)
    }

    /// Every sequence number once, from a little before `ref` (the window's left edge) so the
    /// window is contiguous: `✓6 ✓7 [0  1  2  3] 4  5`. A cell is a mark (or `[`), the number,
    /// and `]` or a space; `mark` gives each packet's mark and style.
    func numbers(around ref: Int, window: Int, mark: (Int) -> (String?, Style)) -> Line {
        let a = snapshot
        let start = ref - min(ref, (a.sequenceSpace - window) / 2)
        var line: Line = []
        for pkt in start..<(start + a.sequenceSpace) {
            let (m, style) = mark(pkt)
            if pkt == ref { line.append(Span("[", Self.bracket)) } else { line.append(Span(m ?? " ", m == nil ? .plain : style)) }
            line.append(Span("\(pkt % a.sequenceSpace)", style))
            line.append(pkt == ref + window - 1 ? Span("]", Self.bracket) : Span(" "))
        }
        return line
    }
}
