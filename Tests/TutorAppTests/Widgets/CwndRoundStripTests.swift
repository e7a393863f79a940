import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import NetSim
@testable import TutorApp

@Suite("CwndRoundStrip widget")
struct CwndRoundStripTests {
    static func round(sent: Int, lost: [Int]) -> CwndRound {
        CwndRound(round: 8, cwnd: Double(sent), ssthresh: 8, effective: Double(sent), phase: .congestionAvoidance,
                  sent: sent, lost: lost, dupAcks: 3, event: .tripleDupAck, narration: Localized(ko: "", en: ""))
    }

    /// Reviewer: six segments, the third lost (✕ in the loss role, the others ■ as data), the
    /// three duplicate ACKs and the reaction, fast retransmit.
    @Test("A round's segments with the lost one marked, 60x1")
    func lostSegment() {
        var grid = CellGrid(width: 60, height: 1)
        CwndRoundStrip(round: Self.round(sent: 6, lost: [2]), language: .en, glyphs: .unicode).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [" Round 8: 6 segments ■■✕■■■  dup ACKs 3 → fast retransmit   "])
        expectRoles(grid, ["                     ssxsss"], ["s": .data, "x": .loss])
    }

    /// Reviewer: 40 segments do not fit: as many as there is room for, the last one a "+",
    /// and the duplicate ACKs and reaction still shown after them.
    @Test("Too many segments end in +")
    func cut() {
        var grid = CellGrid(width: 60, height: 1)
        CwndRoundStrip(round: Self.round(sent: 40, lost: [0]), language: .en, glyphs: .unicode).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [" Round 8: 40 segments ✕■■■■■+  dup ACKs 3 → fast retransmit "])
    }

    /// Reviewer: drawn at (2, 1) of a larger grid, the Korean strip reads the same there
    /// (Hangul two columns each) and nothing else is touched.
    @Test("Draws only inside its area, Korean")
    func staysInside() {
        var grid = CellGrid(width: 68, height: 3)
        let area = Rect(x: 2, y: 1, width: 64, height: 1)
        CwndRoundStrip(round: Self.round(sent: 6, lost: [2]), language: .ko, glyphs: .unicode).render(into: &grid, area: area)
        expectGrid(grid, [" 라운드 8: 세그먼트 6개 ■■✕■■■  중복 ACK 3개 → fast retransmit  "], area: area)
        expectBlank(grid, outside: area)
    }
}
