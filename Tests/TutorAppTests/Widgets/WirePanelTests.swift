import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import NetSim
@testable import TutorApp

@Suite("WirePanel widget")
struct WirePanelTests {
    typealias H = WireHeaders
    /// A DNS query leaving the LAN: through the switch (nothing rewritten), the router (new
    /// MACs; NAT rewrites the source address and port; TTL − 1), the ISP's router (new MACs,
    /// TTL − 1 only).
    static let lan = H(ethernet: .init(src: "02:00:00:00:01:03", dst: "02:00:00:00:03:01"),
                       ip: .init(src: "192.168.0.10", dst: "198.51.100.53", ttl: 64),
                       transport: .init(proto: "UDP", srcPort: 53000, dstPort: 53, detail: "len=48"), tls: nil, payload: "A? www.example.com")
    static let wan = H(ethernet: .init(src: "02:00:00:00:03:04", dst: "02:00:00:00:04:03"),
                       ip: .init(src: "203.0.113.7", dst: "198.51.100.53", ttl: 63),
                       transport: .init(proto: "UDP", srcPort: 40002, dstPort: 53, detail: "len=48"), tls: nil, payload: "A? www.example.com")
    static var isp: H {
        var h = wan
        h.ethernet = .init(src: "02:00:00:00:04:09", dst: "02:00:00:00:09:04"); h.ip?.ttl = 62
        return h
    }
    static func step(_ from: HopID, _ to: HopID, _ headers: H, _ device: String) -> LinkStep {
        LinkStep(from: from, to: to, t: 0, arrival: 1, headers: headers, device: Localized(ko: device, en: device))
    }
    static let message = JourneyMessage(
        stage: .dns, layer: .application, label: "DNS query", from: .browser, to: .resolver, t: 0, arrival: 3,
        steps: [step(.lanSwitch, .router, lan, "Switch: forwards the frame by its destination MAC."),
                step(.router, .isp, wan, "Router: a new frame with the next link's MACs; NAT rewrites the source."),
                step(.isp, .resolver, isp, "ISP: routes it to the resolver, TTL − 1.")],
        narration: Localized(ko: "", en: ""))

    static func panel(_ i: Int) -> WirePanel {
        WirePanel(message: message, step: message.steps[i], previous: i > 0 ? message.steps[i - 1].headers : nil,
                  language: .en, glyphs: .unicode)
    }

    static let afterRouter = [
        "┌─ On the wire: Router/NAT → ISP  (layer: application) ────────┐",
        "│ Ethernet   02:00:00:00:03:04 → 02:00:00:00:04:03 ← changed   │",
        "│ IP         203.0.113.7 → 198.51.100.53  TTL 63 ← changed     │",
        "│ UDP        40002 → 53  len=48 ← changed                      │",
        "│ DNS        A? www.example.com                                │",
        "│                                                              │",
        "│ Router: a new frame with the next link's MACs; NAT rewrites  │",
        "│ the source.                                                  │",
        "└──────────────────────────────────────────────────────────────┘",
    ]

    /// Reviewer: after the router the source MAC is the router's own (…03:04, not the
    /// browser's …01:03), so the Ethernet row says "← changed"; NAT rewrote the source address
    /// and port, so IP and UDP do too; the DNS payload is not marked. The marks are in the
    /// warning role and the changed values bold and underlined, so they read without colour.
    /// Then the device's note, wrapped.
    @Test("Router/NAT → ISP: the rewritten source MAC, address and port are marked changed, 64x9")
    func afterRouter() {
        var grid = CellGrid(width: 64, height: 9)
        Self.panel(1).render(into: &grid, area: grid.bounds)
        expectGrid(grid, Self.afterRouter)
        expectRoles(grid, ["", "                                                   wwwwwwwww"], ["w": .warning])
        #expect(grid[13, 1].style.bold && grid[13, 1].style.underline, "the changed MAC is bold and underlined")
        #expect(!grid[13, 4].style.underline, "the payload is not")
    }

    /// Reviewer: a switch forwards the frame as it came, so nothing is marked; and after the
    /// ISP's router only the MACs are new: the IP row has TTL 62 but no mark (a TTL step is
    /// not a rewrite of the addresses).
    @Test("Nothing marked after a switch; TTL alone is not a change")
    func unchanged() {
        var grid = CellGrid(width: 64, height: 9)
        Self.panel(0).render(into: &grid, area: grid.bounds)
        #expect(!GridLiteral.rows(of: grid).joined().contains("changed"))
        Self.panel(2).render(into: &grid, area: grid.bounds)
        let rows = GridLiteral.rows(of: grid)
        #expect(rows[1] == "│ Ethernet   02:00:00:00:04:09 → 02:00:00:00:09:04 ← changed   │")
        #expect(rows[2] == "│ IP         203.0.113.7 → 198.51.100.53  TTL 62               │")
    }

    /// Reviewer: the source MAC alone rewritten (the same destination) still marks the
    /// Ethernet row, and only it.
    @Test("A rewritten source MAC alone is a change")
    func sourceMACOnly() {
        var before = Self.wan
        before.ethernet?.src = "02:00:00:00:01:03"
        let panel = WirePanel(message: Self.message, step: Self.message.steps[1], previous: before, language: .en, glyphs: .unicode)
        let rows = panel.rows(width: 64).map(\.plainText)
        #expect(rows[0] == "Ethernet   02:00:00:00:03:04 → 02:00:00:00:04:03 ← changed")
        #expect(rows[1...].allSatisfy { !$0.contains("changed") })
    }

    /// Reviewer: the rows are measured once for the width (the screen sizes the panel by their
    /// count): 4 headers, a blank, the 2-line note; drawn at (2, 1) of a larger grid the panel
    /// reads the same there and nothing else is touched.
    @Test("Measures its rows; draws only inside its area")
    func staysInside() {
        let panel = Self.panel(1)
        let rows = panel.rows(width: 64)
        #expect(rows.count == 7)
        var grid = CellGrid(width: 68, height: 12)
        let area = Rect(x: 2, y: 1, width: 64, height: 9)
        panel.render(into: &grid, area: area, rows: rows)
        expectGrid(grid, Self.afterRouter, area: area)
        expectBlank(grid, outside: area)
    }
}
