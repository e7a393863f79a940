import TutorCore

/// The textbook model: one step per transmission round, windows in MSS (Kurose & Ross §3.7).
/// Tahoe and Reno follow the book's rules; CUBIC follows RFC 9438 with one round = one RTT.
struct RoundSender {
    let p: CwndParameters
    init(_ p: CwndParameters) { self.p = p }

    /// RFC 9438 §5: C = 0.4 (segments, seconds), β_cubic = 0.7.
    static let cubicC = 0.4
    static let cubicBeta = 0.7
    /// RFC 9438 §4.3: α_cubic = 3(1 − β)/(1 + β), about 0.53 segments per RTT.
    static let cubicAlpha = 3 * (1 - cubicBeta) / (1 + cubicBeta)

    /// CUBIC's state between rounds (RFC 9438 §4).
    struct Cubic {
        var wMax = 0.0
        var cwndPrior = 0.0
        /// First round of the current congestion avoidance stage, and K, W_est at its start.
        var epochRound: Int?
        var k = 0.0
        var wEst = 0.0
        var hadReduction = false
        func wCubic(_ t: Double) -> Double { let d = t - k; return RoundSender.cubicC * d * d * d + wMax }
    }

    func run() -> CwndTrace {
        var cwnd = p.initialWindow ?? 1
        var ssthresh = p.ssthresh
        var recovering = false  // Reno's fast-recovery round (the book's "cwnd = ssthresh + 3")
        var cubic = Cubic()
        var rounds: [CwndRound] = []
        let rttSeconds = p.rtt / 1000
        for r in 1...p.rounds {
            let effective = min(cwnd, p.rwnd ?? .infinity)
            let sent = max(1, Int(effective.rounded(.down)))
            let phase: CwndPhase = recovering ? .fastRecovery : (cwnd < ssthresh ? .slowStart : .congestionAvoidance)
            if p.algorithm == .cubic && phase == .congestionAvoidance && cubic.epochRound == nil {
                // A congestion avoidance stage starts. After slow start (at the beginning or after
                // a timeout) W_max is the window now and K = 0 (RFC 9438 §4.8).
                cubic.epochRound = r
                cubic.wMax = cwnd; cubic.k = 0; cubic.wEst = cwnd
            }

            // Which segments of this round are lost, and how the sender finds out.
            var lost: [Int] = [], dupAcks = 0, event: LossKind?
            var detail: Localized?
            if let scripted = p.events.first(where: { $0.round == r }) {
                switch scripted.kind {
                case .tripleDupAck:
                    lost = [0]; dupAcks = sent - 1
                    if dupAcks >= 3 { event = .tripleDupAck } else {
                        // Fast retransmit needs three duplicates: too few segments follow the loss.
                        event = .timeout
                        detail = Localized(ko: "보낸 세그먼트가 \(sent)개뿐이라 중복 ACK가 \(dupAcks)개만 옵니다. 3개가 안 되므로 fast retransmit 대신 RTO를 기다립니다. ",
                                           en: "Only \(sent) segment\(sent == 1 ? "" : "s") in flight, so only \(dupAcks) duplicate ACK\(dupAcks == 1 ? "" : "s") come back: fewer than three, so the sender must wait for the RTO instead of retransmitting fast. ")
                    }
                case .timeout:
                    lost = [sent - 1]; dupAcks = 0; event = .timeout
                }
            } else {
                lost = (0..<sent).filter { CongestionLab.randomLoss(seed: p.seed, round: r, slot: $0, rate: p.lossRate) }
                if let first = lost.first {
                    dupAcks = (first + 1..<sent).filter { !lost.contains($0) }.count
                    event = dupAcks >= 3 ? .tripleDupAck : .timeout
                }
            }

            // The window for the next round.
            let before = cwnd, ssBefore = ssthresh
            var why: Localized
            if let event {
                let flight = effective
                let lostText = Localized(
                    ko: "세그먼트 \(sent)개 중 \(lost[0] + 1)번째가 사라집니다. ",
                    en: "Segment \(lost[0] + 1) of \(sent) is lost. ")
                let signal: Localized = event == .tripleDupAck
                    ? Localized(ko: "뒤따른 세그먼트들이 중복 ACK \(dupAcks)개를 돌려보냅니다(3개면 fast retransmit). ",
                                en: "The segments after it bring back \(dupAcks) duplicate ACKs (three trigger fast retransmit). ")
                    : (detail ?? Localized(ko: "중복 ACK가 오지 않아 RTO가 만료됩니다. ", en: "No duplicate ACKs come back, so the RTO expires. "))
                switch p.algorithm {
                case .tahoe, .reno:
                    ssthresh = max((flight / 2).rounded(.down), 2)
                    if event == .timeout || p.algorithm == .tahoe {
                        cwnd = 1; recovering = false
                        why = event == .timeout
                            ? Localized(ko: "타임아웃: ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)), cwnd = 1(loss window)로 두고 slow start를 다시 합니다. RTO는 두 배가 됩니다(RFC 6298 §5.5).",
                                        en: "Timeout: ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)), cwnd = 1 (the loss window), and slow start begins again. The RTO doubles (RFC 6298 §5.5).")
                            : Localized(ko: "Tahoe는 중복 ACK 3개도 타임아웃처럼 다룹니다: 빠진 세그먼트를 재전송하고 ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)), cwnd = 1에서 slow start합니다.",
                                        en: "Tahoe treats three duplicate ACKs like a timeout: it retransmits the missing segment, sets ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)) and restarts slow start at cwnd = 1.")
                    } else {
                        cwnd = ssthresh + 3; recovering = true
                        why = Localized(ko: "Reno: fast retransmit 후 ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)), cwnd = ssthresh + 3 = \(formatWindow(cwnd))(fast recovery)로 두고 혼잡 회피로 이어 갑니다.",
                                        en: "Reno: fast retransmit, then ssthresh = max(⌊\(formatWindow(flight))/2⌋, 2) = \(formatWindow(ssthresh)) and cwnd = ssthresh + 3 = \(formatWindow(cwnd)) (fast recovery), continuing in congestion avoidance.")
                    }
                case .cubic:
                    // RFC 9438 §4.7 fast convergence: a window below the last W_max releases bandwidth.
                    cubic.wMax = cubic.hadReduction && cwnd < cubic.wMax ? cwnd * (1 + Self.cubicBeta) / 2 : cwnd
                    cubic.cwndPrior = cwnd
                    cubic.hadReduction = true
                    ssthresh = max(flight * Self.cubicBeta, 2)  // §4.6
                    if event == .timeout {
                        cwnd = 1  // §4.8: as Reno, with ssthresh from β_cubic
                        cubic.epochRound = nil
                        why = Localized(ko: "CUBIC 타임아웃: ssthresh = \(formatWindow(flight)) × 0.7 = \(formatWindow(ssthresh)), cwnd = 1에서 slow start합니다(RFC 9438 §4.8).",
                                        en: "CUBIC timeout: ssthresh = \(formatWindow(flight)) × 0.7 = \(formatWindow(ssthresh)), and slow start restarts at cwnd = 1 (RFC 9438 §4.8).")
                    } else {
                        cwnd = ssthresh
                        cubic.epochRound = r + 1
                        cubic.k = cubeRoot(max(0, cubic.wMax - cwnd) / Self.cubicC)
                        cubic.wEst = cwnd
                        why = Localized(ko: "CUBIC: cwnd를 절반이 아니라 0.7배로 줄입니다: \(formatWindow(flight)) × 0.7 = \(formatWindow(cwnd)). W_max = \(formatWindow(cubic.wMax)), K = \(format1(cubic.k))초 뒤에 W_max로 돌아갑니다(RFC 9438 §4.6).",
                                        en: "CUBIC reduces to 0.7, not half: \(formatWindow(flight)) × 0.7 = \(formatWindow(cwnd)). W_max = \(formatWindow(cubic.wMax)); the curve returns to it after K = \(format1(cubic.k)) s (RFC 9438 §4.6).")
                    }
                }
                why = Localized(ko: lostText.ko + signal.ko + why.ko, en: lostText.en + signal.en + why.en)
            } else if recovering {
                recovering = false
                cwnd += 1
                why = Localized(ko: "fast recovery: 재전송한 세그먼트의 ACK가 오면 혼잡 회피로 돌아가 라운드마다 1씩 늘립니다: 다음 라운드 \(formatWindow(cwnd)).",
                                en: "Fast recovery: once the retransmission is acknowledged, congestion avoidance resumes, +1 per round: \(formatWindow(cwnd)) next round.")
            } else if cwnd < ssthresh {
                cwnd = min(cwnd * 2, ssthresh)
                why = Localized(ko: "slow start: cwnd \(formatWindow(before)) < ssthresh \(formatWindow(ssthresh))이므로 ACK마다 1 MSS씩 늘어 라운드마다 두 배가 됩니다(ssthresh는 넘지 않음): 다음 \(formatWindow(cwnd)).",
                                en: "Slow start: cwnd \(formatWindow(before)) < ssthresh \(formatWindow(ssthresh)), so each ACK adds 1 MSS and the window doubles per round, never past ssthresh: \(formatWindow(cwnd)) next.")
            } else if p.algorithm == .cubic, let epoch = cubic.epochRound {
                let t = Double(r + 1 - epoch) * rttSeconds
                let target = min(max(cubic.wCubic(t), cwnd), 1.5 * cwnd)  // RFC 9438 §4.2 target clamp
                cubic.wEst += cubic.hadReduction && cubic.wEst >= cubic.cwndPrior ? 1 : Self.cubicAlpha
                let friendly = cubic.wCubic(t) < cubic.wEst
                cwnd = friendly ? cubic.wEst : target
                let region: Localized = friendly
                    ? Localized(ko: "Reno 친화 구간(W_est가 더 큼)", en: "Reno-friendly region (W_est is larger)")
                    : (cubic.wCubic(t) < cubic.wMax ? Localized(ko: "오목 구간(W_max 아래)", en: "concave region (below W_max)")
                                                   : Localized(ko: "볼록 구간(W_max 위로 탐색)", en: "convex region (probing above W_max)"))
                why = Localized(ko: "CUBIC 혼잡 회피, \(region.ko): t = \(format1(t))초, W_cubic = \(format1(cubic.wCubic(t))), W_est = \(format1(cubic.wEst)) → 다음 \(formatWindow(cwnd)).",
                                en: "CUBIC congestion avoidance, \(region.en): t = \(format1(t)) s, W_cubic = \(format1(cubic.wCubic(t))), W_est = \(format1(cubic.wEst)) → \(formatWindow(cwnd)) next.")
            } else {
                cwnd += 1
                why = Localized(ko: "혼잡 회피: cwnd \(formatWindow(before)) ≥ ssthresh \(formatWindow(ssthresh))이므로 라운드마다 1 MSS씩 늘립니다(AIMD의 AI): 다음 \(formatWindow(cwnd)).",
                                en: "Congestion avoidance: cwnd \(formatWindow(before)) ≥ ssthresh \(formatWindow(ssthresh)), so +1 MSS per round (AIMD's additive increase): \(formatWindow(cwnd)) next.")
            }
            if let rwnd = p.rwnd, before > rwnd {
                why.ko += " 수신 창 rwnd = \(formatWindow(rwnd))이 더 작아 실제로는 \(sent)개만 보냅니다(min(cwnd, rwnd))."
                why.en += " The receiver window rwnd = \(formatWindow(rwnd)) is smaller, so only \(sent) are sent (min(cwnd, rwnd))."
            }
            rounds.append(CwndRound(round: r, cwnd: before, ssthresh: ssBefore, effective: effective, phase: phase, sent: sent,
                                    lost: lost, dupAcks: dupAcks, event: event, narration: why))
        }
        let samples = rounds.map { CwndSample(x: Double($0.round), cwnd: $0.cwnd, ssthresh: $0.ssthresh, phase: $0.phase) }
        return CwndTrace(parameters: p, rounds: rounds, samples: samples, acks: [])
    }
}

func format1(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return "\(r)"
}

/// Cube root of a non-negative number by Newton's method (NetSim uses the stdlib only).
func cubeRoot(_ v: Double) -> Double {
    guard v > 0 else { return 0 }
    var x = max(v, 1)
    for _ in 0..<100 {
        let next = x - (x * x * x - v) / (3 * x * x)
        if abs(next - x) < 1e-12 * max(1, x) { return next }
        x = next
    }
    return x
}
