import Testing
import NetSim
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The time-sequence graph (Stevens, tcptrace) of a small made-up transfer: four segments of
/// 1000 bytes, the second lost and sent again, ACKs with a 4000-byte window.
@Suite("Time-sequence graph")
struct TimeSequenceGraphTests {
    static func trace() -> Trace {
        var events: [TraceEvent] = []
        func data(_ t: Double, _ seq: UInt32, resent: Bool = false) {
            var e = TraceEvent(t: t, kind: .send, n: events.count + 1, from: "A", to: "B", segment: Segment(flags: .ack, seq: seq, ack: 1, len: 1000, win: 4000), arrival: t, narration: Localized(ko: "", en: ""))
            e.retransmission = resent
            events.append(e)
        }
        func ack(_ t: Double, _ n: UInt32) {
            events.append(TraceEvent(t: t, kind: .send, n: events.count + 1, from: "B", to: "A", segment: Segment(flags: .ack, seq: 1, ack: n, win: 4000), arrival: t, narration: Localized(ko: "", en: "")))
        }
        data(0, 1); data(10, 1001); data(20, 2001); data(30, 3001)
        ack(40, 1001); ack(50, 1001); ack(60, 1001)
        data(70, 1001, resent: true); ack(80, 4001)
        return Trace(scene: "t", endpoints: ["A", "B"], events: events)
    }

    @Test("The sender's segments rise as ticks, the retransmission is marked, the ACK line and the window's edge follow (ASCII)")
    func graph() {
        var grid = CellGrid(width: 44, height: 14)
        TimeSequenceGraph(trace: Self.trace(), cursor: 8, mode: .ascii, language: .en, glyphs: .ascii).render(into: &grid, area: grid.bounds)
        expectGrid(grid, [
            "+- Time-sequence graph A > B --------------+",
            "|      10K|                                |",
            "|         |                                |",
            "|         |                              ' |",
            "|         |                              ' |",
            "|     5000|               ''''' ' ' ' ' '' |",
            "|         |           :                  : |",
            "|         |       :   '              R   : |",
            "|         |.   :  '       ...........:...: |",
            "|        0|:                               |",
            "|         +------------------------------- |",
            "|          0.000                   0.080 s |",
            "| | segment  R resent  - ACK  - ACK+wind...|",
            "+------------------------------------------+",
        ])
    }

    @Test("Nothing after the cursor is drawn yet; a trace without data says so")
    func revealAndEmpty() {
        let s = TimeSequenceGraph.series(Self.trace(), through: 1)
        #expect(s?.ticks.count == 2 && s?.acks.isEmpty == true && s?.sender == "A")
        let noData = Trace(scene: "t", endpoints: ["A", "B"], events: [TraceEvent(t: 0, kind: .send, n: 1, from: "A", to: "B", segment: Segment(flags: .syn, seq: 0), narration: Localized(ko: "", en: ""))])
        #expect(TimeSequenceGraph.series(noData, through: 0) == nil)
        var grid = CellGrid(width: 40, height: 8)
        TimeSequenceGraph(trace: noData, cursor: 0, mode: .ascii, language: .ko, glyphs: .ascii).render(into: &grid, area: grid.bounds)
        #expect(GridLiteral.rows(of: grid).joined().contains("데이터를 실은 세그먼트가 없습니다"))
    }
}
