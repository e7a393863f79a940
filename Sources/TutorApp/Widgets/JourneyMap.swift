import NetSim
import TutorCore
import TutorRender

/// The hop map of the URL journey, five rows: the message label (next to the packet), the DNS
/// servers, their links down to the path, the path with its hops, the hop names. The two ends
/// of the current link are highlighted and the packet sits part-way along it.
struct JourneyMap: Sendable {
    enum Packet: Sendable, Hashable {
        /// Crossing a link, `progress` 0 at `from` to 1 at `to`.
        case onLink(from: HopID, to: HopID, progress: Double)
        /// A note (no link): the label stands over the hop where it happens.
        case at(HopID)
    }

    /// The message's label.
    var label: String
    /// The role of the packet and its label (by the message's stage).
    var role: Role
    var packet: Packet
    var language: Language
    var glyphs: Glyphs

    static let height = 5

    /// Column of each on-path hop (row 2), and of each DNS server (row 0), from the left of a
    /// map `width` wide; the DNS servers hang off the ISP (resolver) and the core (the rest).
    static func positions(width: Int) -> [HopID: (x: Int, row: Int)] {
        var out: [HopID: (x: Int, row: Int)] = [:]
        let n = HopID.path.count
        let left = 5, right = width - 6
        for (i, hop) in HopID.path.enumerated() { out[hop] = (left + i * (right - left) / (n - 1), 2) }
        let isp = out[.isp]!.x, core = out[.core]!.x
        let gap = max(6, (right - left) / (n - 1))
        out[.resolver] = (isp - gap / 2, 0)
        out[.root] = (core - gap / 3, 0)
        out[.tld] = (core + gap / 2, 0)
        out[.authoritative] = (core + gap + gap / 3, 0)
        return out
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard area.height >= Self.height, area.width > 12 else { return }
        let pos = Self.positions(width: area.width).mapValues { (x: area.x + $0.x, row: $0.row) }
        let top = area.y
        let rowY = { (row: Int) in top + 1 + row }  // row 0: DNS servers, 1: connectors, 2: path, 3: names
        let pathY = rowY(2)
        let active: Set<HopID>
        switch packet {
        case .onLink(let from, let to, _): active = [from, to]
        case .at(let hop): active = [hop]
        }
        // The path line.
        let first = pos[.browser]!.x, last = pos[.server]!.x
        for x in first...last { grid.put(glyphs.horizontal, x: x, y: pathY, style: Style(.border), clip: area) }
        // DNS servers and their links to the path.
        let dnsRoom = area.width >= 120 ? 12 : (last - first) / (HopID.path.count - 1) - 2
        for hop in [HopID.resolver, .root, .tld, .authoritative] {
            let p = pos[hop]!, att = pos[hop.attachment!]!
            let name = JourneyLabels.hop(hop, language, room: hop == .resolver ? max(8, dnsRoom) : max(3, dnsRoom))
            let nx = min(max(area.x, p.x - TextWidth.width(of: name) / 2), area.maxX - TextWidth.width(of: name))
            grid.put(name, x: nx, y: rowY(0), style: Style(active.contains(hop) ? .accent : .dim, bold: active.contains(hop), reverse: active.contains(hop)), clip: area)
            let cx = (p.x + att.x) / 2
            grid.put(p.x < att.x ? "\\" : p.x > att.x ? "/" : glyphs.vertical, x: cx, y: rowY(1), style: Style(.border), clip: area)
        }
        // Hops and their names (alternately above and below would crowd; below only, shortened).
        let spacing = (last - first) / (HopID.path.count - 1)
        for hop in HopID.path {
            let p = pos[hop]!
            let on = active.contains(hop)
            grid.put(on ? glyphs.pointer : glyphs.bullet, x: p.x, y: pathY, style: Style(on ? .accent : .heading, bold: true), clip: area)
            // The first hop has the left margin to spare, so "브라우저" fits at 80 columns.
            let name = JourneyLabels.hop(hop, language, room: hop == .browser ? spacing + 1 : max(3, spacing - 1))
            let nx = min(max(area.x, p.x - TextWidth.width(of: name) / 2), area.maxX - TextWidth.width(of: name))
            grid.put(name, x: nx, y: rowY(3), style: Style(on ? .accent : .normal, bold: on, reverse: on), clip: area)
        }
        let text = TextWidth.truncate(label, to: area.width - 2, ellipsis: glyphs.ellipsis)
        func labelX(over x: Int) -> Int { min(max(area.x + 1, x - TextWidth.width(of: text) / 2), area.maxX - 1 - TextWidth.width(of: text)) }
        switch packet {
        case .onLink(let from, let to, let f):
            // The packet between the two ends (a DNS server's end is just under its name), one
            // row above the path line so the line stays whole; the label over it.
            let a = pos[from]!, b = pos[to]!
            let ay = Double(a.row == 2 ? pathY : rowY(0) + 1), by = Double(b.row == 2 ? pathY : rowY(0) + 1)
            let x = Int((Double(a.x) + (Double(b.x) - Double(a.x)) * f).rounded())
            let yy = Int((ay + (by - ay) * f).rounded())
            grid.put(glyphs.segment, x: x, y: yy == pathY ? pathY - 1 : yy, style: Style(role, bold: true), clip: area)
            grid.put(text, x: labelX(over: x), y: top, style: Style(role, bold: true), clip: area)
        case .at(let hop):
            grid.put(text, x: labelX(over: pos[hop]!.x), y: top, style: Style(.emphasis, bold: true), clip: area)
        }
    }
}
