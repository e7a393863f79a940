import NetSim
import TutorCore
import TutorRender

/// Two rows above a flow-control diagram (RFC 9293 §3.8.6): the receiver's buffer as a gauge
/// that fills with unread bytes and drains as its application reads, with the window it last
/// advertised; under it the sender's bytes in flight, the window it last heard and what that
/// leaves it, down to a zero window and the persist timer. Each row starts with its endpoint.
struct ReceiveBufferGauge {
    var snapshot: FlowSnapshot
    var language: Language
    var glyphs: Glyphs

    static let zero = Style(.warning, bold: true)

    func render(into grid: inout CellGrid, area: Rect) {
        let rows = Self.rows(snapshot, language: language, glyphs: glyphs, barWidth: barWidth(for: area.width))
        for (i, row) in rows.enumerated() where i < area.height {
            grid.put([Span(" ")] + row, x: area.x, y: area.y + i, clip: area)
        }
    }

    /// The bar takes what the receiver's row leaves at its longest (every number at the
    /// capacity), so its scale never changes from one event to the next.
    func barWidth(for width: Int) -> Int {
        var longest = snapshot
        longest.unread = longest.capacity
        longest.advertised = longest.capacity
        let withoutBar = Self.rows(longest, language: language, glyphs: glyphs, barWidth: nil)[0].width
        let untilNow = Self.rows(FlowSnapshot(sender: snapshot.sender, receiver: snapshot.receiver, capacity: snapshot.capacity, unread: 0,
                                              advertised: nil, inFlight: 0, senderWindow: nil, unsent: 0, persistTimer: false),
                                 language: language, glyphs: glyphs, barWidth: nil)[0].width
        let cells = min(24, max(4, width - 1 - max(withoutBar, untilNow) - 3))
        // Whole cells per 1000 bytes when the capacity allows it, so equal reads drain equal steps.
        let parts = snapshot.capacity / gcd(snapshot.capacity, 1000)
        return parts <= cells && cells - cells % parts >= 4 ? cells - cells % parts : cells
    }

    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(1, a) : gcd(b, a % b) }

    /// The receiver's row and the sender's; `barWidth` nil leaves the gauge out (`play --plain`).
    static func rows(_ f: FlowSnapshot, language l: Language, glyphs: Glyphs, barWidth: Int?) -> [Line] {
        let nameWidth = max(TextWidth.width(of: UIText.laneName(f.sender, l)), TextWidth.width(of: UIText.laneName(f.receiver, l)))
        let dim = Style(.dim)
        let separator = Span(" \(glyphs.separator) ", dim)
        func name(_ n: String) -> Span { Span(TextWidth.pad(UIText.laneName(n, l), to: nameWidth) + " ", Style(.heading)) }

        var receiver: Line = [name(f.receiver), Span(UIText.receiveBuffer[l] + " ", dim)]
        if let width = barWidth {
            let filled = filledCells(f.unread, of: f.capacity, width: width)
            receiver += [Span("[", dim), Span(String(repeating: glyphs.gaugeFull, count: filled), Style(.data)),
                         Span(String(repeating: glyphs.gaugeEmpty, count: width - filled), dim), Span("] ", dim)]
        }
        receiver.append(Span(UIText.gaugeUnread(f.unread, of: f.capacity, l), Style(.normal)))
        receiver.append(separator)
        receiver.append(Span(UIText.gaugeAdvertised(f.advertised, l), f.advertised == 0 ? zero : Style(.normal)))

        var sender: Line = [name(f.sender), Span(UIText.gaugeInFlight(f.inFlight, l), Style(.normal)), separator]
        switch f.senderWindow {
        case 0? where f.unsent == 0 && f.inFlight == 0:
            sender.append(Span(UIText.gaugeNothingToSend[l], dim))
        case 0?:
            sender.append(Span(UIText.gaugeZeroWindow[l], zero))
            if f.persistTimer { sender.append(Span(UIText.gaugePersist[l], Style(.timer, bold: true))) }
        case let heard:
            sender.append(Span(UIText.gaugeHeard(heard, l), Style(.normal)))
            if let usable = f.usable { sender += [separator, Span(UIText.gaugeUsable(usable, l), Style(.normal))] }
        }
        return [receiver, sender]
    }

    /// Cells for `unread` of `capacity`: some unread shows at least one cell, a buffer not
    /// quite full never looks full.
    static func filledCells(_ unread: Int, of capacity: Int, width: Int) -> Int {
        guard capacity > 0, unread > 0 else { return 0 }
        if unread >= capacity { return width }
        return min(width - 1, max(1, Int((Double(unread) / Double(capacity) * Double(width)).rounded())))
    }
}
