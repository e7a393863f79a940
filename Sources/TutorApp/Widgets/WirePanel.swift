import NetSim
import TutorCore
import TutorRender

/// What is on the wire on the current link, in a box titled with the link and the layer:
/// one row per header, outermost first (Ethernet, IP, TCP/UDP, TLS, the application), then
/// what the receiving device does. A header that differs from the message's previous link is
/// bold, underlined and marked "← changed", so a rewrite (NAT, a router's MACs) shows without
/// colour.
struct WirePanel: Sendable {
    var message: JourneyMessage
    /// The link being crossed; nil for a note inside the browser.
    var step: LinkStep?
    /// The headers on the message's previous link, to compare with.
    var previous: WireHeaders?
    var language: Language
    var glyphs: Glyphs

    /// The rows inside a panel `width` columns wide (box and margins off). Measure once, then
    /// pass them to `render` — the screen sizes the panel by how many there are.
    func rows(width: Int) -> [Line] {
        let width = width - 4
        let m = message
        guard let st = step else { return [[Span(UIText.insideBrowser[language], Style(.dim))]] }
        var lines: [Line] = []
        func row(_ name: String, _ value: String, changed: Bool) {
            let mark = changed ? " \(glyphs.arrowLeft) \(UIText.changed[language])" : ""
            let text = TextWidth.truncate(value, to: max(1, width - 11 - TextWidth.width(of: mark)), ellipsis: glyphs.ellipsis)
            lines.append([Span(TextWidth.pad(name, to: 10), Style(.heading, bold: true)), Span(" "),
                          Span(text, Style(.normal, bold: changed, underline: changed)), Span(mark, Style(.warning, bold: true))])
        }
        if let h = st.headers {
            if let e = h.ethernet {
                row("Ethernet", "\(e.src) \(glyphs.arrowRight) \(e.dst)", changed: previous?.ethernet.map { $0 != e } ?? false)
            }
            if let ip = h.ip {
                // TTL drops at every router; only an address rewrite (NAT) counts as a change.
                let addrChanged = previous?.ip.map { $0.src != ip.src || $0.dst != ip.dst } ?? false
                row("IP", "\(ip.src) \(glyphs.arrowRight) \(ip.dst)  TTL \(ip.ttl)", changed: addrChanged)
            }
            if let t = h.transport {
                let portsChanged = previous?.transport.map { $0.srcPort != t.srcPort || $0.dstPort != t.dstPort } ?? false
                row(t.proto, "\(t.srcPort) \(glyphs.arrowRight) \(t.dstPort)  \(t.detail)", changed: portsChanged)
            }
            if let tls = h.tls { row("TLS", tls, changed: false) }
            let appName = m.stage == .arp ? "ARP" : m.stage == .dns ? "DNS" : m.layer == .transport ? "" : m.layer == .tls ? UIText.tlsInside[language] : "HTTP"
            if !appName.isEmpty || h.transport == nil { row(appName.isEmpty ? "data" : appName, h.payload, changed: false) }
        } else {
            row(UIText.socket[language], m.label, changed: false)
        }
        lines.append([])
        // Each note names its device ("Switch: …", "The NIC …").
        lines += Wrap.wrap([Span(language == .ko ? st.device.ko : st.device.en, Style(.accent))], width: width)
        return lines
    }

    /// The box and as many rows as fit; `rows` from `rows(width: area.width)` when measured.
    func render(into grid: inout CellGrid, area: Rect, rows measured: [Line]? = nil) {
        let title: String
        if let st = step {
            title = "\(UIText.onTheWire[language]): \(JourneyLabels.hop(st.from, language, room: 20)) \(glyphs.arrowRight) \(JourneyLabels.hop(st.to, language, room: 20))  (\(UIText.layer[language]): \(message.layer.rawValue))"
        } else {
            title = JourneyLabels.hop(message.from, language, room: 20)
        }
        let inner = Box(title: title).render(into: &grid, area: area, glyphs: glyphs)
        let lines = measured ?? rows(width: area.width)
        Paragraph(lines: Array(lines.prefix(inner.height))).render(into: &grid, area: inner.inset(dx: 1, dy: 0))
    }
}
