import NetSim
import TutorCore
import TutorRender

/// Two rows above an ARQ diagram: the sender's window over the sequence numbers (acknowledged,
/// sent, usable, outside) and what the receiver expects, holds and has delivered.
struct ARQWindowStrip {
    var snapshot: ARQSnapshot
    var language: Language
    var glyphs: Glyphs

    func render(into grid: inout CellGrid, area: Rect) {
        let a = snapshot
        var x = area.x + 1
        x += grid.put(UIText.sendWindow[language], x: x, y: area.y, style: Style(.dim))
        let from = max(0, a.base - 2)
        for pkt in from..<(a.base + a.window + 3) {
            let n = "\(pkt % a.sequenceSpace)"
            let inWindow = pkt >= a.base && pkt < a.base + a.window
            let style: Style
            if pkt < a.base || a.ackedInWindow.contains(pkt) { style = Style(.success) }
            else if inWindow && pkt < a.next { style = Style(.data, bold: true, reverse: true) }
            else if inWindow { style = Style(.accent, underline: true) }
            else { style = Style(.dim) }
            let text = (pkt == a.base ? "[" : " ") + n + (pkt == a.base + a.window - 1 ? "]" : " ")
            x += grid.put(text, x: x, y: area.y, style: style, clip: area)
        }
        let legend = "  base=\(a.base % a.sequenceSpace) next=\(a.next % a.sequenceSpace)"
        grid.put(legend, x: x, y: area.y, style: Style(.dim), clip: area)
        var r = UIText.stripReceiver(a.expected % a.sequenceSpace, language)
        if !a.buffered.isEmpty {
            let held = a.buffered.sorted().map { "\($0 % a.sequenceSpace)" }.joined(separator: ",")
            r += UIText.stripBuffered(held, language)
        }
        r += UIText.stripDelivered(a.delivered, language)
        grid.put(r, x: area.x, y: area.y + 1, style: Style(.dim), clip: area)
    }

}
