import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

@Suite("JourneyMap widget")
struct JourneyMapTests {
    static func map(_ packet: JourneyMap.Packet, language: Language = .en) -> JourneyMap {
        JourneyMap(label: "DNS query", role: .timer, packet: packet, language: language, glyphs: .unicode)
    }

    static let natToISP = [
        "                      DNS query                             ",
        "                      Resolver Root  TLD Auth               ",
        "                          ■\\      \\ /  /                    ",
        "     •─────•─────•─────▸─────▸─────•─────•─────•──────•     ",
        "  Browser OS   Switc  NAT   ISP  Core   FW    CDN   Serve   ",
    ]

    /// Reviewer: half-way from the router to the ISP the packet ■ sits just above the path at
    /// column 26, between NAT (▸ at 23) and ISP (▸ at 29): the link's two ends are the ▸s and
    /// their names are highlighted, every other hop a •. The label "DNS query" stands over the
    /// packet; above the path the resolver hangs off the ISP (\) and root, TLD and
    /// authoritative off the core.
    @Test("The packet half-way along Router/NAT → ISP, 60x5")
    func onLink() {
        var grid = CellGrid(width: 60, height: 5)
        Self.map(.onLink(from: .router, to: .isp, progress: 0.5)).render(into: &grid, area: grid.bounds)
        expectGrid(grid, Self.natToISP)
        expectRoles(grid, ["", "", "                          p", "                       a     a", "                      aaa   aaa"],
                    ["p": .timer, "a": .accent])
        // Progress moves it along the same link: at the router when it leaves, at the ISP when it arrives.
        for (progress, column) in [(0.0, 23), (1.0, 29)] {
            var g = CellGrid(width: 60, height: 5)
            Self.map(.onLink(from: .router, to: .isp, progress: progress)).render(into: &g, area: g.bounds)
            #expect(Array(GridLiteral.rows(of: g)[2]).firstIndex(of: "■") == column, "progress \(progress)")
        }
    }

    /// Reviewer: in Korean, half-way up from the ISP to the recursive resolver: the packet
    /// climbs off the path (row 2, between ISP at 29 and 리졸버 above 26); 리졸버 and ISP are
    /// highlighted; Hangul names take two columns each and the rows stay 60 wide.
    @Test("The packet climbing to the resolver, Korean")
    func toResolver() {
        var grid = CellGrid(width: 60, height: 5)
        Self.map(.onLink(from: .isp, to: .resolver, progress: 0.5), language: .ko).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [
            "                        DNS query                           ",
            "                       리졸버  루트  TLD 권한               ",
            "                           \\■     \\ /  /                    ",
            "     •─────•─────•─────•─────▸─────•─────•─────•──────•     ",
            "  브라우  OS   스위   NAT   ISP  코어   FW    CDN   서버    ",
        ])
    }

    /// Reviewer: a note (no link) puts its label over the browser, highlights the browser
    /// only, and draws no packet.
    @Test("A note stands over its hop, without a packet")
    func note() {
        var grid = CellGrid(width: 60, height: 5)
        Self.map(.at(.browser)).render(into: &grid, area: grid.bounds)
        let rows = GridLiteral.rows(of: grid)
        #expect(rows[0] == " DNS query                                                  ")
        #expect(!rows.joined().contains("■"))
        #expect(rows[3].filter { $0 == "▸" }.count == 1 && Array(rows[3])[5] == "▸")
    }

    /// Reviewer: drawn at (4, 2) of a larger grid the map reads the same there (hops placed
    /// from the area's left edge, not the grid's) and nothing else is touched.
    @Test("Draws only inside its area")
    func staysInside() {
        var grid = CellGrid(width: 68, height: 9)
        let area = Rect(x: 4, y: 2, width: 60, height: 5)
        Self.map(.onLink(from: .router, to: .isp, progress: 0.5)).render(into: &grid, area: area)
        expectGrid(grid, Self.natToISP, area: area)
        expectBlank(grid, outside: area)
    }
}
