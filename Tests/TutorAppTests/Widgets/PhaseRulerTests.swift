import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import NetSim
@testable import TutorApp

@Suite("PhaseRuler widget")
struct PhaseRulerTests {
    /// Phases from their durations in ms: DNS, TCP, TLS, server.
    static func phases(_ durations: [Double]) -> [JourneyPhase] {
        var t = 0.0
        return zip([JourneyPhase.Kind.dns, .connect, .tls, .server], durations).map { kind, d in
            defer { t += d }
            return JourneyPhase(kind: kind, start: t, end: t + d)
        }
    }

    /// Widths of the bands on row 0, from the runs of their roles.
    static func bandWidths(_ grid: CellGrid) -> [Int] {
        var runs: [(Role, Int)] = []
        for x in 1..<(grid.width - 1) {
            let role = grid[x, 0].style.role
            if let last = runs.last, last.0 == role { runs[runs.count - 1].1 += 1 } else { runs.append((role, 1)) }
        }
        return runs.map(\.1)
    }

    static let tenTenTenTwenty = [
        "  DNS     TCP     TLS     server 20.0ms   ",
        " 0 10.0ms  20.0ms  30.0ms          50.0ms ",
    ]

    /// Reviewer: 10, 10, 10 and 20 ms on a 40-column ruler are bands of 8, 8, 8 and 16 columns
    /// (the durations' 1:1:1:2), each named, the server's with its time; under each band's
    /// end the cumulative time (10, 20, 30, 50 ms). At t = 25 ms the TLS band is bold.
    @Test("Band widths are proportional to the phases' durations, 42x2")
    func proportional() {
        var grid = CellGrid(width: 42, height: 2)
        PhaseRuler(phases: Self.phases([10, 10, 10, 20]), now: 25, language: .en).render(into: &grid, area: grid.bounds)
        expectGrid(grid, Self.tenTenTenTwenty)
        #expect(Self.bandWidths(grid) == [8, 8, 8, 16])
        #expect((1..<42).filter { grid[$0, 0].style.bold } == Array(17..<25), "only the current phase (TLS) is bold")
    }

    /// Reviewer: a 2 ms DNS lookup would be 2 columns; it keeps the 5 it needs for "DNS" and
    /// the longest phases give up the difference. Its cumulative time (2.0ms) would run into
    /// the "0" and is left out. Korean names, Hangul two columns.
    @Test("A short phase keeps room for its name; colliding times are left out")
    func minimumWidth() {
        var grid = CellGrid(width: 42, height: 2)
        PhaseRuler(phases: Self.phases([2, 18, 10, 20]), now: 1, language: .ko).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [
            "  DNS  TCP 18.0ms   TLS     서버 20.0ms   ",
            " 0           20.0ms  30.0ms        50.0ms ",
        ])
        #expect(Self.bandWidths(grid) == [5, 13, 8, 14])
    }

    /// Reviewer: drawn at (3, 1) of a larger grid it reads the same there; nothing else touched.
    @Test("Draws only inside its area")
    func staysInside() {
        var grid = CellGrid(width: 48, height: 4)
        let area = Rect(x: 3, y: 1, width: 42, height: 2)
        PhaseRuler(phases: Self.phases([10, 10, 10, 20]), now: 25, language: .en).render(into: &grid, area: area)
        expectGrid(grid, Self.tenTenTenTwenty, area: area)
        expectBlank(grid, outside: area)
    }
}
