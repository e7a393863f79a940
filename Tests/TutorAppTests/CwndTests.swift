import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

func cwndHarness(size: Size = Size(width: 80, height: 24), language: Language = .en, ascii: Bool = false,
                 compare: Bool = false, configure: (inout CwndParameters) -> Void = { _ in }) -> AppHarness {
    var h = AppHarness(size: size, language: language, lessons: Fixtures.all, ascii: ascii)
    var p = CwndParameters()
    configure(&p)
    h.state.push(.cwnd(try! CwndScreen.State(parameters: p, compare: compare, chart: ascii ? .ascii : .braille)))
    return h
}

extension AppHarness {
    var lab: CwndScreen.State { state.cwnd! }
    mutating func goToRound(_ r: Int) { press("home"); for _ in 1..<r { press("right") } }
}

@Suite("Congestion window lab")
struct CwndScreenTests {
    @Test("Opens on round 1 of the default (Reno, ssthresh 8, 3 dup ACKs in round 8); → and ← step rounds within bounds")
    func stepping() {
        var h = cwndHarness()
        #expect(h.state.screen == .cwnd && h.lab.cursor == 1)
        h.press("left")
        #expect(h.lab.cursor == 1)
        h.press("right", "right")
        #expect(h.lab.cursor == 3)
        h.press("end")
        #expect(h.lab.cursor == 20)
        h.press("right")
        #expect(h.lab.cursor == 20)
        #expect(h.screenText.contains("Round 20: cwnd 20, ssthresh 6"))
    }

    @Test("t injects a timeout in the selected round: the next round drops to cwnd 1 and the reading says so")
    func injectTimeout() {
        var h = cwndHarness()
        h.goToRound(6)  // cwnd 10
        h.press("t")
        #expect(h.lab.parameters.events.contains(LossEvent(.timeout, at: 6)))
        #expect(h.lab.cursor == 6)
        #expect(h.state.message == "Timeout injected in Round 6")
        #expect(h.lab.primary.round(7).cwnd == 1 && h.lab.primary.round(7).ssthresh == 5)
        #expect(CwndScreen.reading(h.lab, language: .en) == "Round 6: cwnd 10, ssthresh 8 (congestion avoidance); timeout → ssthresh 5, cwnd 1")
        #expect(h.screenText.contains("Round 6: cwnd 10, ssthresh 8 (congestion avoidance); timeout"))
        h.press("right")
        #expect(h.screenText.contains("Round 7: cwnd 1, ssthresh 5 (slow start)"))
        #expect(h.screenText.contains("✕TO"))
    }

    @Test("3 injects triple duplicate ACKs; u removes the last injected loss")
    func injectDupAcksAndUndo() {
        var h = cwndHarness { $0.events = [] }
        h.goToRound(5)  // cwnd 9
        h.press("3")
        #expect(h.lab.primary.round(6).cwnd == 7 && h.lab.primary.round(6).phase == .fastRecovery)  // ⌊9/2⌋ + 3
        h.press("u")
        #expect(h.lab.parameters.events.isEmpty && h.lab.primary.round(6).cwnd == 10)
        h.press("u")
        #expect(h.state.message == "No injected drop to undo.")
    }

    @Test("a cycles Tahoe → CUBIC → Reno; c compares all three on the same losses; m switches to the per-ACK model")
    func algorithmsCompareModel() {
        var h = cwndHarness()
        h.press("a")
        #expect(h.lab.parameters.algorithm == .cubic)
        h.press("a")
        #expect(h.lab.parameters.algorithm == .tahoe)
        h.press("c")
        #expect(h.lab.compare && h.lab.traces.map(\.algorithm) == [.tahoe, .reno, .cubic])
        h.goToRound(8)
        #expect(CwndScreen.reading(h.lab, language: .en) == "Round 8: Tahoe 12, Reno 12, CUBIC 10.1; 3 dup ACKs → Tahoe restarts at 1, Reno halves to 6+3, CUBIC ×0.7 = 7.1")
        #expect(h.screenText.contains("Round 8: Tahoe 12, Reno 12, CUBIC 10.1; 3 dup ACKs"))
        h.press("m")
        #expect(h.lab.parameters.model == .rfc5681 && h.lab.traces.map(\.algorithm) == [.tahoe, .reno])
        #expect(!h.lab.primary.acks.isEmpty)
        h.press("c", "a", "a")
        #expect(h.lab.parameters.algorithm == .tahoe, "CUBIC is skipped in the per-ACK model")
    }

    @Test("[ and ] change the initial ssthresh, i cycles the initial window, b the chart, r resets")
    func parametersAndReset() {
        var h = cwndHarness()
        h.press("[", "[")
        #expect(h.lab.parameters.ssthresh == 6 && h.lab.primary.round(4).cwnd == 6)
        h.press("]")
        #expect(h.lab.parameters.ssthresh == 7)
        h.press("i")
        #expect(h.lab.parameters.initialWindow == 2 && h.lab.primary.round(1).cwnd == 2)
        h.press("i", "i", "i")
        #expect(h.lab.parameters.initialWindow == 1)
        h.press("b")
        #expect(h.lab.chart == .block)
        h.press("b")
        #expect(h.lab.chart == .ascii)
        h.press("3", "r")
        #expect(h.lab.parameters == CwndParameters() && h.lab.cursor == 1)
    }

    @Test("A change that the model refuses keeps the lab as it was and says why")
    func refusedChange() {
        var h = cwndHarness { $0.ssthresh = 5000 }
        h.press("m")
        #expect(h.lab.parameters.model == .textbook)
        #expect(h.state.message?.contains("1000 segments or less") == true)
        #expect(h.lab.primary.parameters.model == .textbook)
    }

    @Test("Space plays: ticks move the cursor (4 rounds a second at 1x) and stop at the last round; idle does not animate")
    func playback() {
        var h = cwndHarness()
        #expect(!h.state.isAnimating)
        h.press("space")
        #expect(h.state.isAnimating)
        h.tick(0.5)
        #expect(h.lab.cursor == 3)
        h.press("+")
        h.tick(0.25)
        #expect(h.lab.cursor == 5)
        h.press("space")
        #expect(!h.state.isAnimating)
        h.press("space")
        for _ in 0..<100 { h.tick(0.1) }
        #expect(!h.state.isAnimating && h.lab.cursor == 20)
        h.press("space")
        #expect(h.lab.cursor == 1 && h.state.isAnimating, "Space at the end plays again from the start")
    }

    @Test("q goes back where the lab was opened; the Labs list and the lesson's scene card open it")
    func openAndLeave() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("end")  // the labs come last, in catalog order
        for _ in SceneCatalog.all where h.state.home?.selectedID != "scene:cwnd-lab" { h.press("up") }
        #expect(h.state.home?.selectedID == "scene:cwnd-lab")
        h.press("enter")
        #expect(h.state.screen == .cwnd)
        h.press("q")
        #expect(h.state.screen == .home && h.state.cwnd == nil)
    }

    @Test("Every step renders whole rows at 80x24, 93x27, 120x40 and 200x60, in every mode", arguments: [false, true])
    func rendersEverywhere(compare: Bool) {
        for size in [Size(width: 80, height: 24), Size(width: 93, height: 27), Size(width: 120, height: 40), Size(width: 200, height: 60)] {
            for (model, chart) in [(CwndModel.textbook, "braille"), (.rfc5681, "block"), (.textbook, "ascii")] {
                var h = cwndHarness(size: size, language: size.width == 93 ? .ko : .en, compare: compare) {
                    $0.model = model; $0.events = try! LossEvent.parse("3dup@6,timeout@12"); $0.rwnd = 14
                }
                while h.lab.chart.rawValue != chart { h.press("b") }
                for _ in 0..<20 {
                    let grid = h.frame()
                    for y in 0..<grid.height { #expect(TextWidth.width(of: grid.rowText(y)) == size.width, "\(size) row \(y)") }
                    // What the user must see on every step: the round counter, the axis and the keys.
                    let text = grid.snapshotText()
                    #expect(text.contains("\(h.lab.cursor)/\(h.lab.parameters.rounds)"), "\(size) round counter")
                    #expect(text.contains("ssthresh") && text.contains("Space"), "\(size) legend and key bar")
                    h.press("right")
                }
            }
        }
    }

    @Test("Under 80x24 the lab shows the enlarge notice, and comes back intact")
    func tooSmall() {
        var h = cwndHarness()
        h.goToRound(9)
        h.resize(60, 20)
        #expect(h.screenText.contains("Please enlarge the terminal"))
        h.resize(80, 24)
        #expect(h.lab.cursor == 9 && h.screenText.contains("Round 9"))
    }
}

@Suite("Congestion window lab snapshots")
struct CwndSnapshotTests {
    /// Reviewer: the Reno sawtooth in braille up to round 9 with the dashed ssthresh dropping from
    /// 8 to 6, the ✕3D mark at round 8, phase bands SS / CA / FR, the strip of round 9's
    /// segments and the one-line reading.
    @Test("Reno at round 9, 80x24 and 120x40")
    func reno() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = cwndHarness(size: size)
            h.goToRound(9)
            expectSnapshot(h, "cwnd-reno-9-\(size.width)x\(size.height)")
        }
    }

    /// Reviewer: Tahoe (▲), Reno (●) and CUBIC (■) on the same losses, with the legend and a
    /// reading that names what each does after the timeout in round 14.
    @Test("Compare mode at round 15, 80x24 and 120x40")
    func compare() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = cwndHarness(size: size, compare: true) { $0.events = try! LossEvent.parse("3dup@8,timeout@14") }
            h.goToRound(15)
            expectSnapshot(h, "cwnd-compare-15-\(size.width)x\(size.height)")
        }
    }

    /// Reviewer: the same chart with ASCII only: ' . : dots, t r c marks, x for losses, - and + axes.
    @Test("ASCII fallback (--ascii), 80x24 and 120x40")
    func ascii() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = cwndHarness(size: size, ascii: true, compare: true) { $0.events = try! LossEvent.parse("3dup@8,timeout@14") }
            h.press("end")
            expectSnapshot(h, "cwnd-ascii-20-\(size.width)x\(size.height)")
        }
    }

    /// Reviewer: block characters instead of braille; the rfc5681 model's steps with the
    /// inflation spike during fast recovery, in Korean at an odd size.
    @Test("rfc5681 model in blocks, Korean, 93x27")
    func rfc5681Korean() {
        var h = cwndHarness(size: Size(width: 93, height: 27), language: .ko) { $0.model = .rfc5681; $0.events = try! LossEvent.parse("3dup@6") }
        h.press("b")
        h.goToRound(9)
        expectSnapshot(h, "cwnd-rfc5681-ko-9-93x27")
    }

    /// Reviewer: the help overlay lists every lab key in two columns so it fits 24 rows.
    @Test("Help overlay in the lab, 80x24")
    func help() {
        var h = cwndHarness(language: .ko)
        h.press("?")
        expectSnapshot(h, "cwnd-help-ko-80x24")
    }
}

extension CwndTrace {
    func round(_ r: Int) -> CwndRound { rounds[r - 1] }
}
