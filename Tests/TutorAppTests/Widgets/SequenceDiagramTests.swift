import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The sequence diagram as a widget: a layout worked out for the whole trace, drawn as of a
/// time and cursor. Expected grids are written here, each checked by eye against
/// `nettutor play <scene> --plain`.
@Suite("SequenceDiagram: slanted lines, labels on their own arrows, the ladder")
struct SequenceDiagramTests {
    static func draw(_ trace: Trace, cursor: Int, time: Double? = nil, hidden: Int? = nil, width: Int, height: Int,
                     mode: DiagramLayout.Mode? = nil, glyphs: Glyphs = .unicode, language: Language = .en) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let layout = DiagramLayout.make(trace, area: grid.bounds, mode: mode, language: language, glyphs: glyphs)
        SequenceDiagram(trace: trace, layout: layout, time: time ?? (cursor >= 0 ? trace.events[cursor].t : 0), cursor: cursor,
                        hiddenLabel: hidden, glyphs: glyphs, language: language).render(into: &grid, area: grid.bounds)
        return grid
    }

    /// Two messages that cross on the wire, as pipelined traffic does: pkt 0 left to right,
    /// ACK 9 right to left, sent 20 ms apart, each 100 ms on the wire.
    static var crossing: Trace {
        let quiet = Localized(ko: "", en: "")
        return Trace(scene: "crossing", endpoints: ["sender", "receiver"], events: [
            TraceEvent(t: 0, kind: .send, n: 1, from: "sender", to: "receiver", label: "pkt 0", role: .data, arrival: 100, narration: quiet),
            TraceEvent(t: 20, kind: .send, n: 2, from: "receiver", to: "sender", label: "ACK 9", role: .ack, arrival: 120, narration: quiet),
            TraceEvent(t: 100, kind: .deliver, n: 1, from: "sender", to: "receiver", label: "pkt 0", narration: quiet),
            TraceEvent(t: 120, kind: .deliver, n: 2, from: "receiver", to: "sender", label: "ACK 9", narration: quiet),
        ])
    }

    /// Reviewer: the SYN (#1) leaves the client's lifeline as a falling line, its label on the
    /// line's first row, and dies half-way at ✕; the client is in SYN-SENT with its RTO started, the server
    /// LISTENs; the quiet second until the RTO fires folds into one marked row.
    @Test("A lost SYN: a slanted line ending in ✕ half-way, states and the RTO in the margins")
    func lostSegment() throws {
        var o = SceneOptions(); o.drops = [1]
        let trace = try SceneSpec.tcp3Way.simulate(o)
        let fire = trace.events.firstIndex { $0.kind == .timerFire }!
        let grid = Self.draw(trace, cursor: fire, width: 50, height: 10)
        expectGrid(grid, [
            "   SYN-SENT │#1 SYN seq=1000         │ LISTEN     ",
            " RTO 1000ms │   ⠈⠉⠒⠤⢄⣀               │            ",
            "            │         ⠉⠒✕            │            ",
            "            │                        │            ",
            "            │ … +975ms quiet         │            ",
            "            │                        │            ",
            "▸ RTO fires │                        │            ",
            "            │                        │            ",
            "            │                        │            ",
            "            │                        │            ",
        ])
        expectRoles(grid, ["", "", String(repeating: " ", count: 24) + "l"], ["l": .loss])
    }

    /// Reviewer: the textbook figure of the handshake: three lines falling from sender to
    /// receiver, each label on its own line at its sender's end, touching no lifeline but
    /// the sender's (fields are left out where there is no room: first `win=4000`, which never
    /// changes, then #2's ack), the arrowheads at the receiving lifelines, each end's states
    /// where they change.
    @Test("The finished handshake reads like the textbook figure, 60x14")
    func finishedHandshake() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let grid = Self.draw(trace, cursor: trace.events.count - 1, width: 60, height: 14)
        expectGrid(grid, [
            "     SYN-SENT │#1 SYN seq=1000              │ LISTEN        ",
            "   RTO 1000ms │    ⠈⠉⠑⠒⠤⢄⣀⡀                 │               ",
            "              │           ⠈⠉⠒⠒⠤⢄⣀⡀          │               ",
            "              │                  ⠈⠉⠒⠢⠤⢄⣀    │               ",
            "              │                        ⢀⣉⠭⠶→│ SYN-RECEIVED  ",
            "              │      #2 SYN+ACK seq=5000    │ RTO 1000ms    ",
            "              │          ⢀⣀⡠⠤⠒⠒⠉⠁           │               ",
            "              │    ⣀⡠⠤⠔⠒⠉⠁                  │               ",
            "  ESTABLISHED │←⠶⠭⣉⡀                        │               ",
            "              │    #3 ACK seq=1001 ack=5001 │               ",
            "              │           ⠈⠉⠒⠒⠤⢄⣀⡀          │               ",
            "              │                  ⠈⠉⠒⠢⠤⢄⣀    │               ",
            "▸             │                         ⠉⠉⠒→│ ESTABLISHED   ",
            "              │                             │               ",
        ])
    }

    /// Reviewer: under --ascii the same figure: each cell's character follows the height of
    /// the line in it (' high, - middle, _ low), so the slant still reads as one line.
    @Test("ASCII: the slant drawn with ' - _, arrowheads < >")
    func asciiHandshake() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let grid = Self.draw(trace, cursor: trace.events.count - 1, width: 60, height: 14, glyphs: .ascii)
        expectGrid(grid, [
            "     SYN-SENT |#1 SYN seq=1000              | LISTEN        ",
            "   RTO 1000ms |    ''----__                 |               ",
            "              |           ''----__          |               ",
            "              |                  ''----_    |               ",
            "              |                        _--->| SYN-RECEIVED  ",
            "              |      #2 SYN+ACK seq=5000    | RTO 1000ms    ",
            "              |          __----''           |               ",
            "              |    _----''                  |               ",
            "  ESTABLISHED |<---_                        |               ",
            "              |    #3 ACK seq=1001 ack=5001 |               ",
            "              |           ''----__          |               ",
            "              |                  ''----_    |               ",
            ">             |                         ''->| ESTABLISHED   ",
            "              |                             |               ",
        ])
    }

    /// Reviewer: pipelined traffic: pkt 0 and ACK 9 are on the wire at once and their lines
    /// cross in an X; each label sits on its own line near its sender, before the crossing,
    /// none over the other line.
    @Test("Two messages crossing on the wire: an X, each label on its own line")
    func crossingLines() {
        let grid = Self.draw(Self.crossing, cursor: 3, width: 40, height: 14)
        expectGrid(grid, [
            "      │#1 pkt 0                  │      ",
            "      │  ⠑⢄                      │      ",
            "      │    ⠉⠢⡀           #2 ACK 9│      ",
            "      │      ⠈⠑⢄             ⡠⠊  │      ",
            "      │         ⠑⠢⡀       ⢀⠔⠉    │      ",
            "      │           ⠈⠒⢄   ⡠⠊⠁      │      ",
            "      │              ⢑⠶⡊         │      ",
            "      │            ⡠⠒⠁ ⠈⠢⢄       │      ",
            "      │         ⢀⠔⠊       ⠑⠤⡀    │      ",
            "      │       ⡠⠔⠁           ⠈⠢⣀  │      ",
            "      │    ⢀⠤⠊                 ⠑→│      ",
            "      │  ⣀⠔⠁                     │      ",
            "▸     │←⠊                        │      ",
            "      │                          │      ",
        ])
        expectRoles(grid, [String(repeating: " ", count: 7) + "dddddddd", "", String(repeating: " ", count: 25) + "aaaaaaaa"], ["d": .data, "a": .ack])
    }

    /// Reviewer: half-way through both flights: the lines have grown as far as their packets
    /// (• marks each), and each label has appeared because its line has passed it.
    @Test("In flight: each line drawn as far as its packet has got, • at its head")
    func inFlight() {
        let grid = Self.draw(Self.crossing, cursor: 1, time: 60, width: 40, height: 14)
        expectGrid(grid, [
            "      │#1 pkt 0                  │      ",
            "      │  ⠑⢄                      │      ",
            "      │    ⠉⠢⡀           #2 ACK 9│      ",
            "      │      ⠈⠑⢄             ⡠⠊  │      ",
            "      │         ⠑⠢⡀       ⢀⠔⠉    │      ",
            "      │           ⠈⠒⢄   ⡠⠊⠁      │      ",
            "▸     │              • •         │      ",
            "      │                          │      ",
            "      │                          │      ",
            "      │                          │      ",
            "      │                          │      ",
            "      │                          │      ",
            "      │                          │      ",
            "      │                          │      ",
        ])
    }

    /// Reviewer: a label never floats ahead of its packet: on the line's first row it shows the
    /// moment the message is sent (the • just leaving is behind it); on a later row (#2's first
    /// row holds #1's arrival) it shows once the line has got there.
    @Test("A label shows once its line reaches it")
    func labelWhenReached() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let syn = trace.events.firstIndex { $0.kind == .send }!
        func text(_ cursor: Int, _ time: Double? = nil) -> String {
            GridLiteral.rows(of: Self.draw(trace, cursor: cursor, time: time, width: 60, height: 14)).joined(separator: "\n")
        }
        #expect(text(syn).contains("#1 SYN seq=1000") && !text(syn - 1).contains("#1"))
        let synAck = trace.events.firstIndex { $0.kind == .send && $0.n == 2 }!
        #expect(!text(synAck).contains("#2 SYN+ACK"), "sent this instant, its line has not reached its label's row")
        #expect(text(synAck, trace.events[synAck].t + 30).contains("#2 SYN+ACK"))
    }

    /// Reviewer: the ladder, like `--plain`: one row per message with its label on the line,
    /// the time in the left column, the lost SYN ending at ✕ half-way, the retransmission ↻.
    @Test("The ladder view: horizontal arrows, the time column, the loss and the retransmission")
    func ladder() throws {
        var o = SceneOptions(); o.drops = [1]
        let trace = try SceneSpec.tcp3Way.simulate(o)
        let grid = Self.draw(trace, cursor: trace.events.count - 1, width: 72, height: 11, mode: .ladder)
        expectGrid(grid, [
            " 0ms                 │                                  │ LISTEN        ",
            "            SYN-SENT │──#1 SYN────────✕                 │               ",
            "          RTO 1000ms │                                  │               ",
            "                     │ … +975ms quiet                   │               ",
            " 1000ms    RTO fires │                                  │               ",
            "          RTO 2000ms │──↻#2 SYN seq=1000───────────────→│               ",
            " 1050ms              │←───#3 SYN+ACK seq=5000 ack=1001──│ SYN-RECEIVED  ",
            "                     │                                  │ RTO 1000ms    ",
            " 1100ms  ESTABLISHED │──#4 ACK seq=1001 ack=5001───────→│               ",
            "▸1150ms              │                                  │ ESTABLISHED   ",
            "                     │                                  │               ",
        ])
    }

    /// Reviewer: predict mode asks about #2: its line is drawn but its label reads "#2 ?".
    @Test("A hidden label shows only its ordinal")
    func hiddenLabel() throws {
        let trace = try SceneSpec.tcp3Way.simulate(SceneOptions())
        let second = trace.events.firstIndex { $0.kind == .send && $0.n == 2 }!
        let text = GridLiteral.rows(of: Self.draw(trace, cursor: second, hidden: second, width: 60, height: 14)).joined(separator: "\n")
        #expect(text.contains("#2 ?") && !text.contains("SYN+ACK") && !text.contains("5000"))
    }

    @Test("The diagram draws nothing outside its area")
    func staysInArea() throws {
        let trace = try SceneSpec.arqGoBackN.simulate(SceneOptions())
        for mode in [DiagramLayout.Mode.slanted, .ladder] {
            var grid = CellGrid(width: 70, height: 20)
            let area = Rect(x: 6, y: 3, width: 56, height: 12)
            let layout = DiagramLayout.make(trace, area: area, mode: mode, language: .en, glyphs: .unicode)
            SequenceDiagram(trace: trace, layout: layout, time: trace.events.last!.t, cursor: trace.events.count - 1, hiddenLabel: nil,
                            glyphs: .unicode, language: .en).render(into: &grid, area: area)
            expectBlank(grid, outside: area)
        }
    }

    /// Reviewer: Korean mode translates the timers an ARQ sender runs (타이머 n) and their
    /// expiry (만료); TCP's RTO and the RFC state names stay as the RFC spells them.
    @Test("Korean margins: 타이머 and 만료")
    func koreanNotes() throws {
        var o = SceneOptions(); o.drops = [1]
        let trace = try SceneSpec.arqStopAndWait.simulate(o)
        let fire = trace.events.firstIndex { $0.kind == .timerFire }!
        let text = GridLiteral.rows(of: Self.draw(trace, cursor: fire, width: 80, height: 20, language: .ko)).joined(separator: "\n")
        #expect(text.contains("타이머 0") && text.contains("만료") && !text.contains("timeout"))
    }
}
