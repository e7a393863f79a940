import NetSim
import TutorCore
import TutorRender

/// One row under the cwnd chart: the selected round's segments (`■`, the lost ones `✕`, `+`
/// when they do not all fit), its duplicate ACKs and what the sender does about a loss.
struct CwndRoundStrip: Sendable {
    var round: CwndRound
    var language: Language
    var glyphs: Glyphs

    func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let r = round
        var x = area.x + 1
        x += grid.put("\(UIText.round[language]) \(r.round): " + UIText.segmentsSent(r.sent, language),
                      x: x, y: area.y, style: Style(.dim), clip: area)
        let reaction: String? = r.event.map { e in
            e == .timeout ? UIText.rtoExpires[language] : "fast retransmit"
        }
        let tail = "  " + UIText.dupAcks(r.dupAcks, language) + (reaction.map { " \(glyphs.arrowRight) " + $0 } ?? "")
        // The duplicate ACKs and the reaction come first: the segments get the room left before them.
        let room = max(0, area.maxX - x - TextWidth.width(of: tail) - 1)
        let shown = min(r.sent, room)
        for i in 0..<shown {
            let lost = r.lost.contains(i)
            let cut = shown < r.sent && i == shown - 1
            x += grid.put(cut ? "+" : lost ? glyphs.loss : glyphs.segment, x: x, y: area.y,
                          style: Style(lost ? .loss : .data, bold: lost), clip: area)
        }
        grid.put(tail, x: x, y: area.y, style: Style(r.event == nil ? .dim : .loss, bold: r.event != nil), clip: area)
    }
}
