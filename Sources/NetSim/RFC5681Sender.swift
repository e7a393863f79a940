import TutorCore

/// The rfc5681 model: a bulk sender clocked by ACKs, in bytes. Slow start and congestion
/// avoidance (RFC 5681 §3.1), fast retransmit and fast recovery (§3.2), the retransmission
/// timer with Karn's rule and exponential backoff (RFC 6298). The receiver acknowledges every
/// segment at once (no delayed ACKs) with the next byte it expects. Time is split into rounds of
/// one RTT so scripted events (`3dup@R`: the first new segment sent in round R is lost;
/// `timeout@R`: everything sent in round R is lost) mean the same as in the textbook model.
struct RFC5681Sender {
    let p: CwndParameters
    init(_ p: CwndParameters) { self.p = p }

    /// RFC 5681 §3.1 eq. (1): IW by SMSS.
    static func initialWindow(smss: Int) -> Int {
        smss > 2190 ? 2 * smss : smss > 1095 ? 3 * smss : 4 * smss
    }

    struct Transmission { var t: Double; var index: Int; var retransmit: Bool; var lost: Bool; var round: Int; var slot: Int }

    func run() -> CwndTrace {
        let smss = p.smss, rtt = p.rtt, oneWay = p.rtt / 2
        let end = Double(p.rounds) * rtt
        let rwnd = p.rwnd.map { Int($0 * Double(smss)) } ?? Int.max
        let initialCwnd = p.initialWindow.map { Int($0) * smss } ?? Self.initialWindow(smss: smss)
        var cwnd = initialCwnd
        var ssthresh = Int(p.ssthresh * Double(smss))
        // Segments are numbered from 0; byte b of segment i is i * smss + b.
        var una = 0, next = 0
        var dupAcks = 0
        var inRecovery = false
        var rto = 1000.0                  // RFC 6298 §2.1: 1 s before any RTT sample
        var srtt: Double?, rttvar = 0.0
        var rtoDeadline: Double?
        var sentAt: [Int: (t: Double, retransmitted: Bool)] = [:]
        var received = Set<Int>()
        var expected = 0                  // receiver: next segment expected
        // ACKs on their way back. Every ACK takes one RTT after its segment was sent and sends
        // happen in time order, so this is a FIFO queue.
        var acks: [(t: Double, ack: Int)] = []
        var ackHead = 0
        var transmissions: [Transmission] = []
        var slotsInRound: [Int: Int] = [:]
        var records: [AckRecord] = []
        var now = 0.0

        // A segment sent in [(r-1)·RTT, r·RTT) belongs to round r; its ACK arrives one RTT later,
        // at the end of round r, which is when round r's losses are detected.
        func round(_ t: Double) -> Int { Int(t / rtt) + 1 }
        func ackRound(_ t: Double) -> Int { max(1, Int((t / rtt).rounded(.up))) }
        func flight() -> Int { (next - una) * smss }
        func phase() -> CwndPhase { inRecovery ? .fastRecovery : cwnd < ssthresh ? .slowStart : .congestionAvoidance }
        func record(_ kind: AckRecord.Kind, ack: Int, ko: String, en: String) {
            records.append(AckRecord(t: now, round: ackRound(now), kind: kind, ack: ack, cwnd: cwnd, ssthresh: ssthresh,
                                     flight: flight(), rto: rto, phase: phase(), narration: Localized(ko: ko, en: en)))
        }
        func transmit(_ index: Int, retransmit: Bool) {
            let r = round(now)
            let slot = slotsInRound[r, default: 0]
            slotsInRound[r] = slot + 1
            var lost = CongestionLab.randomLoss(seed: p.seed, round: r, slot: slot, rate: p.lossRate)
            for e in p.events where e.round == r {
                switch e.kind {
                case .timeout: lost = true
                case .tripleDupAck:
                    // The first new segment of the round, only its first copy.
                    if !retransmit && !transmissions.contains(where: { $0.round == r && !$0.retransmit }) { lost = true }
                }
            }
            transmissions.append(Transmission(t: now, index: index, retransmit: retransmit, lost: lost, round: r, slot: slot))
            sentAt[index] = (now, retransmit || sentAt[index] != nil)
            if rtoDeadline == nil { rtoDeadline = now + rto }  // RFC 6298 §5.1
            guard !lost else { return }
            // The receiver gets it one way later and answers at once; the ACK takes another one way.
            received.insert(index)
            while received.contains(expected) { expected += 1 }
            acks.append((now + 2 * oneWay, expected))
        }
        func sendNew() {
            // At most min(cwnd, rwnd) bytes in flight (RFC 5681 §3.1).
            while flight() + smss <= min(cwnd, rwnd) {
                transmit(next, retransmit: false)
                next += 1
            }
        }

        sendNew()
        // Receiver state is decided at send time (arrival order equals send order on this link),
        // but ACKs are processed in time order together with the timer.
        while now <= end {
            let ackTime = ackHead < acks.count ? acks[ackHead].t : .infinity
            let timerTime = rtoDeadline ?? .infinity
            let t = min(ackTime, timerTime)
            guard t <= end, t.isFinite else { break }
            now = t
            if timerTime <= ackTime {
                // RFC 6298 §5.4-5.6 and RFC 5681 §3.1 eq. (4): loss window, back off, go back.
                let fl = flight()
                ssthresh = max(fl / 2, 2 * smss)
                cwnd = smss
                rto = min(rto * 2, 60_000)
                inRecovery = false; dupAcks = 0
                next = una
                rtoDeadline = nil
                record(.timeout, ack: una * smss,
                       ko: "RTO(\(ms(rto / 2)))가 만료됩니다: ssthresh = max(FlightSize/2, 2·SMSS) = max(\(fl)/2, \(2 * smss)) = \(ssthresh), cwnd = 1 SMSS = \(cwnd)(loss window). \(una * smss)바이트부터 재전송하고 RTO를 \(ms(rto))로 두 배로 늘립니다(RFC 6298 §5.5).",
                       en: "The RTO (\(ms(rto / 2))) expires: ssthresh = max(FlightSize/2, 2·SMSS) = max(\(fl)/2, \(2 * smss)) = \(ssthresh), cwnd = 1 SMSS = \(cwnd) (the loss window). Byte \(una * smss) is resent and the RTO doubles to \(ms(rto)) (RFC 6298 §5.5).")
                transmit(next, retransmit: true); next += 1
                continue
            }
            let a = acks[ackHead].ack
            ackHead += 1
            if a > una {
                // New data acknowledged.
                let ackedBytes = (a - una) * smss
                if let s = sentAt[a - 1], !s.retransmitted {
                    // Karn: sample only segments sent once (RFC 6298 §3); §2.2 and §2.3.
                    let sample = now - s.t
                    if let old = srtt {
                        rttvar = 0.75 * rttvar + 0.25 * abs(old - sample)
                        srtt = 0.875 * old + 0.125 * sample
                    } else { srtt = sample; rttvar = sample / 2 }
                    rto = max(1000, srtt! + max(1, 4 * rttvar))  // §2.4: at least 1 s
                }
                una = a
                if next < una { next = una }
                if inRecovery {
                    // §3.2 step 6: deflate to ssthresh when the ACK of new data arrives.
                    inRecovery = false
                    cwnd = ssthresh
                    dupAcks = 0
                    record(.deflate, ack: a * smss,
                           ko: "새 데이터의 ACK(\(a * smss))가 왔습니다: fast recovery를 끝내고 cwnd = ssthresh = \(cwnd)로 줄입니다(deflation, RFC 5681 §3.2). 혼잡 회피로 이어 갑니다.",
                           en: "An ACK for new data (\(a * smss)) arrives: fast recovery ends and cwnd deflates to ssthresh = \(cwnd) (RFC 5681 §3.2). Congestion avoidance continues.")
                } else {
                    dupAcks = 0
                    let before = cwnd
                    if cwnd < ssthresh {
                        cwnd += min(ackedBytes, smss)  // eq. (2)
                        record(.newAck, ack: a * smss,
                               ko: "ACK \(a * smss): slow start(cwnd < ssthresh)이므로 cwnd += min(N, SMSS): \(before) → \(cwnd).",
                               en: "ACK \(a * smss): slow start (cwnd < ssthresh), so cwnd += min(N, SMSS): \(before) → \(cwnd).")
                    } else {
                        cwnd += max(1, smss * smss / cwnd)  // eq. (3)
                        record(.newAck, ack: a * smss,
                               ko: "ACK \(a * smss): 혼잡 회피이므로 cwnd += SMSS·SMSS/cwnd: \(before) → \(cwnd)(RTT마다 약 1 SMSS).",
                               en: "ACK \(a * smss): congestion avoidance, so cwnd += SMSS·SMSS/cwnd: \(before) → \(cwnd) (about 1 SMSS per RTT).")
                    }
                }
                // §5.2 and §5.3: stop the timer when all is acknowledged, else restart it.
                rtoDeadline = una == next ? nil : now + rto
            } else if a == una && next > una {
                dupAcks += 1
                if dupAcks == 3 && !inRecovery {
                    // §3.2 steps 2-4: ssthresh from FlightSize, retransmit, inflate by three.
                    let fl = flight()
                    ssthresh = max(fl / 2, 2 * smss)  // eq. (4)
                    if p.algorithm == .tahoe {
                        cwnd = smss
                        record(.fastRetransmit, ack: a * smss,
                               ko: "중복 ACK 3개: \(a * smss)바이트를 바로 재전송합니다(fast retransmit). Tahoe는 ssthresh = max(\(fl)/2, \(2 * smss)) = \(ssthresh)로 두고 cwnd = 1 SMSS에서 slow start합니다.",
                               en: "Three duplicate ACKs: byte \(a * smss) is retransmitted at once (fast retransmit). Tahoe sets ssthresh = max(\(fl)/2, \(2 * smss)) = \(ssthresh) and restarts slow start at cwnd = 1 SMSS.")
                    } else {
                        cwnd = ssthresh + 3 * smss
                        inRecovery = true
                        record(.fastRetransmit, ack: a * smss,
                               ko: "중복 ACK 3개: \(a * smss)바이트를 재전송하고(fast retransmit) ssthresh = max(FlightSize/2, 2·SMSS) = max(\(fl)/2, \(2 * smss)) = \(ssthresh), cwnd = ssthresh + 3·SMSS = \(cwnd)로 fast recovery에 들어갑니다.",
                               en: "Three duplicate ACKs: byte \(a * smss) is retransmitted (fast retransmit), ssthresh = max(FlightSize/2, 2·SMSS) = max(\(fl)/2, \(2 * smss)) = \(ssthresh), and cwnd = ssthresh + 3·SMSS = \(cwnd): fast recovery begins.")
                    }
                    transmit(una, retransmit: true)
                    rtoDeadline = now + rto
                } else if inRecovery {
                    cwnd += smss  // §3.2 step 5: each further duplicate means a segment left the network
                    record(.inflate, ack: a * smss,
                           ko: "중복 ACK \(dupAcks)번째: 세그먼트 하나가 네트워크를 떠났으므로 cwnd += SMSS = \(cwnd)(inflation). 허용되면 새 데이터를 보냅니다.",
                           en: "Duplicate ACK \(dupAcks): one more segment has left the network, so cwnd += SMSS = \(cwnd) (inflation); new data may go out.")
                } else {
                    record(.dupAck, ack: a * smss,
                           ko: "중복 ACK \(dupAcks)번째(\(a * smss)): 3개가 되면 fast retransmit합니다.",
                           en: "Duplicate ACK \(dupAcks) (\(a * smss)): at three, fast retransmit.")
                }
            }
            sendNew()
        }
        return CwndTrace(parameters: p, rounds: summarize(records, transmissions, initialCwnd: initialCwnd),
                         samples: samples(records, initialCwnd: initialCwnd), acks: records)
    }

    /// The curve in segments, x in rounds: a point before and after each change, so the chart
    /// draws steps (inflation and deflation show as spikes).
    func samples(_ records: [AckRecord], initialCwnd: Int) -> [CwndSample] {
        let s = Double(p.smss)
        var out = [CwndSample(x: 1, cwnd: Double(initialCwnd) / s, ssthresh: p.ssthresh, phase: Double(initialCwnd) / s < p.ssthresh ? .slowStart : .congestionAvoidance)]
        for r in records {
            let x = 1 + r.t / p.rtt
            if let last = out.last, x > last.x { out.append(CwndSample(x: x, cwnd: last.cwnd, ssthresh: last.ssthresh, phase: last.phase)) }
            out.append(CwndSample(x: x, cwnd: Double(r.cwnd) / s, ssthresh: Double(r.ssthresh) / s, phase: r.phase))
        }
        if let last = out.last { out.append(CwndSample(x: Double(p.rounds + 1), cwnd: last.cwnd, ssthresh: last.ssthresh, phase: last.phase)) }
        return out
    }

    /// Per-round summary for the strip: the window at the round's start, what was sent and lost,
    /// duplicate ACKs counted, and the loss detected in it.
    func summarize(_ records: [AckRecord], _ tx: [Transmission], initialCwnd: Int) -> [CwndRound] {
        let s = Double(p.smss)
        var cwnd = initialCwnd, ssthresh = Int(p.ssthresh * s)
        var phase: CwndPhase = Double(initialCwnd) / s < p.ssthresh ? .slowStart : .congestionAvoidance
        var out: [CwndRound] = []
        let recordsByRound = Dictionary(grouping: records, by: \.round)
        let txByRound = Dictionary(grouping: tx, by: \.round)
        for r in 1...p.rounds {
            let mine = recordsByRound[r] ?? []
            let sent = txByRound[r] ?? []
            let lost = sent.enumerated().filter { $0.element.lost }.map(\.offset)
            let dups = mine.filter { [.dupAck, .fastRetransmit, .inflate].contains($0.kind) }.count
            let event: LossKind? = mine.contains { $0.kind == .timeout } ? .timeout : mine.contains { $0.kind == .fastRetransmit } ? .tripleDupAck : nil
            let acksIn = mine.filter { $0.kind != .timeout }.count
            let retransmitted = sent.filter(\.retransmit).count
            var ko = "세그먼트 \(sent.count)개 전송(재전송 \(retransmitted)개), ACK \(acksIn)개. "
            var en = "\(sent.count) sent (\(retransmitted) retransmitted), \(acksIn) ACKs. "
            // The decisions of the round in full; plain growth summed up.
            let decisions = mine.filter { [.fastRetransmit, .deflate, .timeout].contains($0.kind) }
            let inflations = mine.filter { $0.kind == .inflate }.count
            for d in decisions { ko += d.narration.ko + " "; en += d.narration.en + " " }
            if inflations > 0 {
                ko += "이어서 중복 ACK \(inflations)개가 cwnd를 SMSS씩 부풀립니다(inflation). "
                en += "\(inflations) more duplicate ACK\(inflations == 1 ? "" : "s") inflate cwnd by one SMSS each. "
            }
            let growth = mine.filter { $0.kind == .newAck }
            if let last = growth.last, decisions.isEmpty {
                let g1 = last
                if cwnd < ssthresh {
                    ko += "slow start: ACK마다 cwnd += min(N, SMSS)(RFC 5681 §3.1)이므로 RTT마다 약 두 배가 됩니다: \(cwnd) → \(g1.cwnd)바이트."
                    en += "Slow start: cwnd += min(N, SMSS) per ACK (RFC 5681 §3.1), about doubling per RTT: \(cwnd) → \(g1.cwnd) bytes."
                    if g1.phase == .congestionAvoidance {
                        ko += " ssthresh(\(ssthresh))에 닿아 혼잡 회피로 넘어갑니다."
                        en += " It reaches ssthresh (\(ssthresh)), so congestion avoidance takes over."
                    }
                } else {
                    ko += "혼잡 회피: ACK마다 cwnd += SMSS·SMSS/cwnd(RFC 5681 §3.1)이므로 RTT마다 약 1 SMSS: \(cwnd) → \(g1.cwnd)바이트."
                    en += "Congestion avoidance: cwnd += SMSS·SMSS/cwnd per ACK (RFC 5681 §3.1), about 1 SMSS per RTT: \(cwnd) → \(g1.cwnd) bytes."
                }
            }
            if mine.isEmpty {
                ko += "ACK가 오지 않아 재전송 타이머(RTO)를 기다립니다."
                en += "No ACKs arrive: the sender waits for its retransmission timer (RTO)."
            } else if mine.allSatisfy({ $0.kind == .dupAck }) {
                ko += mine.map(\.narration.ko).joined(separator: " ")
                en += mine.map(\.narration.en).joined(separator: " ")
            }
            let rw = p.rwnd ?? .infinity
            out.append(CwndRound(round: r, cwnd: Double(cwnd) / s, ssthresh: Double(ssthresh) / s, effective: min(Double(cwnd) / s, rw),
                                 phase: phase, sent: sent.count, lost: lost, dupAcks: dups, event: event,
                                 narration: Localized(ko: ko.trimmingSpacesAround(), en: en.trimmingSpacesAround())))
            if let last = mine.last { cwnd = last.cwnd; ssthresh = last.ssthresh; phase = last.phase }
        }
        return out
    }
}

