import NetSim
import Testing

func cwnd(_ algo: CongestionAlgorithm, model: CwndModel = .textbook, ssthresh: Double = 8, iw: Double? = nil, rounds: Int = 20,
          events: String = "", rwnd: Double? = nil, rtt: Double = 100, loss: Double = 0, seed: UInt64 = 1) throws -> CwndTrace {
    var p = CwndParameters()
    p.algorithm = algo; p.model = model; p.ssthresh = ssthresh; p.initialWindow = iw; p.rounds = rounds
    p.events = try LossEvent.parse(events); p.rwnd = rwnd; p.rtt = rtt; p.lossRate = loss; p.seed = seed
    return try CongestionLab.run(p)
}

extension CwndTrace {
    var windows: [Double] { rounds.map(\.cwnd) }
    func round(_ r: Int) -> CwndRound { rounds[r - 1] }
}

@Suite("Congestion control, textbook model (Kurose & Ross §3.7: rounds, windows in MSS)")
struct TextbookCongestionTests {
    /// The book's Tahoe/Reno figure: ssthresh 8, a triple duplicate ACK detected in round 8
    /// (cwnd 12); round 9 uses the reduced window.
    @Test("K&R figure: ssthresh 8, 3 dup ACKs in round 8: Tahoe restarts at 1, Reno continues at 6 + 3")
    func textbookFigure() throws {
        let tahoe = try cwnd(.tahoe, rounds: 15, events: "3dup@8")
        let reno = try cwnd(.reno, rounds: 15, events: "3dup@8")
        #expect(tahoe.windows == [1, 2, 4, 8, 9, 10, 11, 12, 1, 2, 4, 6, 7, 8, 9])
        #expect(reno.windows == [1, 2, 4, 8, 9, 10, 11, 12, 9, 10, 11, 12, 13, 14, 15])
        #expect(tahoe.round(9).ssthresh == 6 && reno.round(9).ssthresh == 6)
        #expect(reno.round(9).phase == .fastRecovery && reno.round(10).phase == .congestionAvoidance)
        #expect(tahoe.round(9).phase == .slowStart)
        #expect(tahoe.round(8).event == .tripleDupAck && tahoe.round(8).dupAcks == 11 && tahoe.round(8).lost == [0])
    }

    @Test("Slow start doubles cwnd each round while cwnd < ssthresh and never passes ssthresh")
    func slowStartCappedAtSsthresh() throws {
        let t = try cwnd(.reno, ssthresh: 6, rounds: 6)
        #expect(t.windows == [1, 2, 4, 6, 7, 8])
        #expect(t.rounds.prefix(3).allSatisfy { $0.phase == .slowStart })
        #expect(t.round(4).phase == .congestionAvoidance)  // cwnd == ssthresh: either may run; the book uses avoidance
    }

    @Test("Congestion avoidance adds 1 MSS per round")
    func congestionAvoidanceLinear() throws {
        let t = try cwnd(.reno, ssthresh: 2, iw: 2, rounds: 6)
        #expect(t.windows == [2, 3, 4, 5, 6, 7])
    }

    @Test("Timeout (both Tahoe and Reno): ssthresh = ⌊cwnd/2⌋, cwnd = 1, slow start again")
    func timeoutRestartsSlowStart() throws {
        for algo in [CongestionAlgorithm.tahoe, .reno] {
            let t = try cwnd(algo, ssthresh: 64, rounds: 9, events: "timeout@5")  // cwnd 16 in round 5
            #expect(t.windows == [1, 2, 4, 8, 16, 1, 2, 4, 8])
            #expect(t.round(6).ssthresh == 8)
            #expect(t.round(5).event == .timeout && t.round(5).dupAcks == 0)
        }
    }

    /// A worked example: ssthresh 16, 3 dup ACKs in round 7 (cwnd 18), a timeout in round 11.
    /// Reno: 1 2 4 8 16 17 18, then ssthresh 9 and 9 + 3 = 12, then 13 14 15; the timeout at 15
    /// gives ssthresh 7 and 1 2 4 7 (capped at ssthresh) 8.
    @Test("Worked example: 3 dup ACKs then a timeout, Reno and Tahoe")
    func workedExample() throws {
        let reno = try cwnd(.reno, ssthresh: 16, rounds: 16, events: "3dup@7,timeout@11")
        #expect(reno.windows == [1, 2, 4, 8, 16, 17, 18, 12, 13, 14, 15, 1, 2, 4, 7, 8])
        #expect(reno.round(8).ssthresh == 9 && reno.round(12).ssthresh == 7)
        let tahoe = try cwnd(.tahoe, ssthresh: 16, rounds: 16, events: "3dup@7,timeout@11")
        // After the dup ACKs: 1 2 4 8 9 (ssthresh 9), timeout at 9: ssthresh 4, then 1 2 4 5 6.
        #expect(tahoe.windows == [1, 2, 4, 8, 16, 17, 18, 1, 2, 4, 8, 1, 2, 4, 5, 6])
    }

    @Test("Fast retransmit needs three duplicate ACKs: with fewer than 4 segments in flight a '3dup' loss waits for the RTO (RFC 5681 §3.2)")
    func tooFewSegmentsForFastRetransmit() throws {
        let t = try cwnd(.reno, rounds: 4, events: "3dup@2")  // cwnd 2 in round 2
        #expect(t.round(2).event == .timeout && t.round(2).dupAcks == 1)
        #expect(t.round(3).cwnd == 1)
        #expect(t.round(2).narration.en.contains("fewer than three"))
    }

    @Test("The sender keeps min(cwnd, rwnd) in flight and halves FlightSize, not cwnd, on a loss (RFC 5681 §3.1 eq. 4)")
    func receiverWindowLimits() throws {
        let t = try cwnd(.reno, ssthresh: 64, rounds: 7, events: "3dup@6", rwnd: 10)
        #expect(t.round(5).cwnd == 16 && t.round(5).effective == 10 && t.round(5).sent == 10)
        #expect(t.round(7).ssthresh == 5)  // FlightSize 10 / 2, although cwnd was 32
        #expect(t.round(5).narration.en.contains("min(cwnd, rwnd)"))
    }

    @Test("Seeded random loss: deterministic, and the same segment slots are lost for every algorithm")
    func seededLoss() throws {
        let a = try cwnd(.reno, rounds: 30, loss: 0.05, seed: 7)
        let b = try cwnd(.reno, rounds: 30, loss: 0.05, seed: 7)
        #expect(a == b)
        #expect(a.rounds.contains { $0.event != nil })
        let tahoe = try cwnd(.tahoe, rounds: 30, loss: 0.05, seed: 7)
        let firstLoss = a.rounds.first { $0.event != nil }!
        #expect(tahoe.round(firstLoss.round).lost.first == firstLoss.lost.first)
        let c = try cwnd(.reno, rounds: 30, loss: 0.05, seed: 8)
        #expect(a != c)
    }

    @Test("Event specs parse; bad ones and bad parameters are clear errors")
    func parsingAndValidation() throws {
        #expect(try LossEvent.parse("3dup@8,timeout@14") == [LossEvent(.tripleDupAck, at: 8), LossEvent(.timeout, at: 14)])
        #expect(try LossEvent.parse("") == [])
        #expect(throws: SceneError.self) { try LossEvent.parse("drop@3") }
        #expect(throws: SceneError.self) { try LossEvent.parse("3dup@0") }
        #expect(throws: SceneError.invalid("--events: timeout@30 is after the last round (20)")) { try cwnd(.reno, events: "timeout@30") }
        #expect(throws: SceneError.self) { try cwnd(.reno, rounds: 0) }
        #expect(throws: SceneError.self) { try cwnd(.cubic, model: .rfc5681) }
    }
}

@Suite("CUBIC (RFC 9438, one round = one RTT)")
struct CubicTests {
    @Test("§4.6: on 3 dup ACKs ssthresh = 0.7·FlightSize and cwnd = ssthresh; §4.2: K = ∛((W_max − cwnd)/C)")
    func multiplicativeDecrease() throws {
        let t = try cwnd(.cubic, ssthresh: 16, rounds: 8, events: "3dup@5")  // cwnd 16 in round 5
        #expect(t.round(5).cwnd == 16)
        #expect(abs(t.round(6).cwnd - 11.2) < 1e-9 && abs(t.round(6).ssthresh - 11.2) < 1e-9)
        let k = cubeRootForTest((16 - 11.2) / 0.4)
        #expect(t.round(5).narration.en.contains("K = \(((k * 10).rounded()) / 10) s"))
    }

    @Test("§4.3: in the Reno-friendly region cwnd follows W_est, which grows by α = 3(1−β)/(1+β) ≈ 0.53 per RTT")
    func renoFriendly() throws {
        let t = try cwnd(.cubic, ssthresh: 16, rounds: 9, events: "3dup@5", rtt: 10)  // short RTT: W_cubic grows slowly
        let alpha = 3 * (1 - 0.7) / (1 + 0.7)
        #expect(abs(t.round(7).cwnd - (11.2 + alpha)) < 1e-9)
        #expect(abs(t.round(8).cwnd - (11.2 + 2 * alpha)) < 1e-9)
        #expect(t.round(7).narration.en.contains("Reno-friendly") || t.round(6).narration.en.contains("Reno-friendly"))
    }

    @Test("§4.2: with a long RTT the cubic curve wins: concave up to W_max at t = K, then convex beyond it")
    func concaveThenConvex() throws {
        let t = try cwnd(.cubic, ssthresh: 40, rounds: 14, events: "3dup@6", rtt: 500)  // cwnd 32 at the loss
        let wMax = 32.0, start = 32 * 0.7
        let k = cubeRootForTest((wMax - start) / 0.4)  // about 2.85 s = 5.7 rounds
        for r in 8...14 {
            let tSec = Double(r - 7) * 0.5
            let cubic = 0.4 * (tSec - k) * (tSec - k) * (tSec - k) + wMax
            let previous = t.round(r - 1).cwnd
            #expect(abs(t.round(r).cwnd - min(max(cubic, previous), 1.5 * previous)) < 1e-9, "round \(r)")
        }
        #expect(t.round(12).cwnd < wMax && t.round(14).cwnd > wMax)
        #expect(t.rounds[6...].contains { $0.narration.en.contains("concave") })
        #expect(t.rounds[6...].contains { $0.narration.en.contains("convex") })
    }

    @Test("§4.7 fast convergence: a loss below the previous W_max lowers W_max to cwnd·(1+β)/2")
    func fastConvergence() throws {
        let t = try cwnd(.cubic, ssthresh: 16, rounds: 9, events: "3dup@5,3dup@7")
        let second = t.round(7).cwnd
        #expect(second < 16)
        let wMax = second * 1.7 / 2
        #expect(t.round(7).narration.en.contains("W_max = \(formatWindow(wMax))"))
    }

    @Test("§4.8: a timeout sets cwnd to 1 with ssthresh from β_cubic, then slow start")
    func cubicTimeout() throws {
        let t = try cwnd(.cubic, ssthresh: 16, rounds: 9, events: "timeout@5")
        #expect(t.round(6).cwnd == 1 && abs(t.round(6).ssthresh - 11.2) < 1e-9 && t.round(6).phase == .slowStart)
        #expect(t.round(7).cwnd == 2)
    }
}

func cubeRootForTest(_ v: Double) -> Double {
    var lo = 0.0, hi = max(1, v)
    for _ in 0..<200 { let m = (lo + hi) / 2; if m * m * m < v { lo = m } else { hi = m } }
    return (lo + hi) / 2
}

@Suite("Congestion control, rfc5681 model (per ACK, in bytes)")
struct RFC5681ModelTests {
    @Test("RFC 5681 §3.1 eq. (1): the initial window is 4, 3 or 2 SMSS by SMSS")
    func initialWindow() throws {
        var p = CwndParameters(); p.model = .rfc5681; p.events = []; p.rounds = 1
        for (smss, iw) in [(1000, 4000), (1095, 4380), (1460, 4380), (2190, 6570), (4000, 8000)] {
            p.smss = smss
            let t = try CongestionLab.run(p)
            #expect(t.round(1).cwnd * Double(smss) == Double(iw), "SMSS \(smss)")
        }
    }

    @Test("§3.1: slow start adds min(N, SMSS) per ACK; congestion avoidance adds SMSS·SMSS/cwnd per ACK")
    func perAckGrowth() throws {
        let t = try cwnd(.reno, model: .rfc5681, ssthresh: 8, iw: 4, rounds: 3)
        let acks = t.acks.filter { $0.kind == .newAck }
        #expect(acks.prefix(4).map(\.cwnd) == [5000, 6000, 7000, 8000])
        #expect(acks[4].cwnd == 8000 + 1000 * 1000 / 8000)   // 8125
        #expect(acks[5].cwnd == 8125 + 1000 * 1000 / 8125)   // 8248
    }

    /// Worked from RFC 5681 §3.2: IW 4, ssthresh 8 SMSS. Rounds 1-5 grow cwnd to 11,580 bytes,
    /// so 11 segments are in flight when round 6's first segment is lost. Its 10 successors bring
    /// 10 duplicate ACKs: on the third, ssthresh = max(11,000/2, 2,000) = 5,500 and
    /// cwnd = 5,500 + 3·1,000 = 8,500 (steps 2-4); the other 7 inflate it by 1,000 each to
    /// 15,500 (step 5); the ACK of the retransmission deflates it to ssthresh = 5,500 (step 6).
    @Test("§3.2 fast retransmit and fast recovery: ssthresh from FlightSize, +3 SMSS, inflation, deflation (worked example)")
    func fastRecoveryExample() throws {
        let t = try cwnd(.reno, model: .rfc5681, ssthresh: 8, iw: 4, rounds: 10, events: "3dup@6")
        let fr = try #require(t.acks.first { $0.kind == .fastRetransmit })
        #expect(fr.flight == 11_000 && fr.ssthresh == 5_500 && fr.cwnd == 8_500 && fr.phase == .fastRecovery)
        #expect(t.acks.filter { $0.kind == .dupAck }.count == 2)
        let inflations = t.acks.filter { $0.kind == .inflate }
        #expect(inflations.map(\.cwnd) == [9_500, 10_500, 11_500, 12_500, 13_500, 14_500, 15_500])
        let deflate = try #require(t.acks.first { $0.kind == .deflate })
        #expect(deflate.cwnd == 5_500 && deflate.phase == .congestionAvoidance)
        #expect(deflate.ack == 50_000)  // everything up to the last segment sent before recovery
        #expect(t.round(6).event == .tripleDupAck && t.round(7).phase == .fastRecovery && t.round(8).phase == .congestionAvoidance)
        #expect(!t.acks.contains { $0.kind == .timeout })
    }

    @Test("Tahoe in the rfc5681 model: fast retransmit, then cwnd = 1 SMSS and slow start")
    func tahoeFastRetransmit() throws {
        let t = try cwnd(.tahoe, model: .rfc5681, ssthresh: 8, iw: 4, rounds: 10, events: "3dup@6")
        let fr = try #require(t.acks.first { $0.kind == .fastRetransmit })
        #expect(fr.cwnd == 1_000 && fr.ssthresh == 5_500 && fr.phase == .slowStart)
        #expect(!t.acks.contains { $0.kind == .inflate })
    }

    @Test("RFC 6298: a timeout after the RTO (at least 1 s, §2.4): loss window 1 SMSS, ssthresh from FlightSize, the RTO doubles (§5.5)")
    func retransmissionTimeout() throws {
        let t = try cwnd(.reno, model: .rfc5681, ssthresh: 8, iw: 4, rounds: 30, events: "timeout@6")
        let to = try #require(t.acks.first { $0.kind == .timeout })
        // Round 6 is lost whole; the last new ACK came at 500 ms and restarted the 1 s timer.
        #expect(to.t == 1_500 && to.cwnd == 1_000 && to.ssthresh == 5_500 && to.rto == 2_000)
        #expect(t.round(7).sent == 0)
        let after = t.acks.filter { $0.t > to.t && $0.kind == .newAck }
        #expect(after.first?.cwnd == 2_000 && after.first?.phase == .slowStart)
        // A fresh RTT sample after the retransmission brings the RTO back to the 1 s floor.
        #expect(t.acks.last!.rto == 1_000)
    }

    @Test("Karn's rule: the ACK of a retransmitted segment gives no RTT sample (RFC 6298 §3)")
    func karn() throws {
        let t = try cwnd(.reno, model: .rfc5681, ssthresh: 8, iw: 4, rounds: 30, events: "timeout@6")
        let to = t.acks.first { $0.kind == .timeout }!
        let firstAfter = t.acks.first { $0.t > to.t }!
        #expect(firstAfter.rto == 2_000)  // still backed off: no sample from the retransmission
    }
}

@Suite("The lab's defaults")
struct CwndDefaultTests {
    /// `nettutor cwnd --rounds 3` once failed with "3dup@8 is after the last round (3)".
    @Test("A default the user never typed does not conflict with their options: the default loss is left out when --rounds ends before it")
    func defaultEventsFitTheRounds() throws {
        var p = CwndParameters()
        p.rounds = 3
        p.events = CwndParameters.defaultEvents(rounds: p.rounds)
        #expect(p.events.isEmpty)
        try p.validate()
        #expect(CwndParameters.defaultEvents(rounds: 8) == [LossEvent(.tripleDupAck, at: 8)])
        #expect(CwndParameters().events == CwndParameters.defaultEvents(rounds: CwndParameters().rounds))
    }
}
