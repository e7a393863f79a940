/// One reading of the sender's `TCP_INFO` (Linux) during the real lab: the kernel's own
/// congestion window, slow-start threshold (segments), smoothed RTT, retransmissions so far
/// and congestion-avoidance state.
public struct KernelSample: Sendable, Hashable {
    public var t: Double          // seconds from the start of the transfer
    public var cwnd: Int
    public var ssthresh: Int?     // nil while it is "infinite" (no loss yet)
    public var rttMs: Double
    public var retrans: Int
    public var state: String      // Open, Disorder, CWR, Recovery, Loss
    public var deliveryRate: Double?  // bytes per second
    public var bytesAcked: Int
    public init(t: Double, cwnd: Int, ssthresh: Int?, rttMs: Double, retrans: Int, state: String, deliveryRate: Double?, bytesAcked: Int) {
        self.t = t; self.cwnd = cwnd; self.ssthresh = ssthresh; self.rttMs = rttMs; self.retrans = retrans
        self.state = state; self.deliveryRate = deliveryRate; self.bytesAcked = bytesAcked
    }

    /// Linux's tcp_ca_state (include/uapi/linux/tcp.h).
    public static func stateName(_ v: UInt8) -> String {
        switch v { case 0: "Open"; case 1: "Disorder"; case 2: "CWR"; case 3: "Recovery"; case 4: "Loss"; default: "state \(v)" }
    }
    /// The kernel reports 0x7fffffff before the first loss.
    public static func ssthresh(_ v: UInt32) -> Int? { v >= 0x7fff_ffff || v == 0 ? nil : Int(v) }
}

/// What the real lab saw, and the model run on the same losses: the kernel's cwnd per round
/// trip beside the textbook rules' (RFC 5681 Reno or RFC 9438 CUBIC), each loss response the
/// kernel made (its cwnd fell) fed to the model as a triple duplicate ACK (fast recovery) or,
/// when the kernel went to its Loss state, as a timeout.
public struct RealLabResult: Sendable, Hashable {
    public var samples: [KernelSample]
    public var algorithm: CongestionAlgorithm
    /// The first RTT measured (before the queue filled), and the largest.
    public var baseRTTms: Double { samples.map(\.rttMs).filter { $0 > 0 }.min() ?? 0 }
    public var maxRTTms: Double { samples.map(\.rttMs).max() ?? 0 }
    public var maxCwnd: Int { samples.map(\.cwnd).max() ?? 0 }

    public init(samples: [KernelSample], algorithm: CongestionAlgorithm) { self.samples = samples; self.algorithm = algorithm }

    /// The kernel's loss responses: each time it entered one of its congestion states
    /// (Recovery, Loss, CWR) with a cut, of cwnd or ssthresh. One per episode: Linux lowers cwnd
    /// over the recovery (Proportional Rate Reduction, RFC 6937), so `to` is the lowest cwnd the
    /// episode reached; a timeout during a recovery (Loss) is a response of its own. Raising
    /// ssthresh in Open (CUBIC's HyStart leaving slow start) is no loss response.
    public var lossResponses: [(t: Double, from: Int, to: Int, timeout: Bool)] {
        var out: [(t: Double, from: Int, to: Int, timeout: Bool)] = []
        var episode: String?
        for (a, b) in zip(samples, samples.dropFirst()) {
            guard ["Recovery", "Loss", "CWR"].contains(b.state) else { episode = nil; continue }
            if episode == nil || (b.state == "Loss" && episode != "Loss") {
                if b.cwnd < a.cwnd || b.ssthresh != a.ssthresh {
                    out.append((b.t, a.cwnd, b.cwnd, b.state == "Loss"))
                    episode = b.state
                }
            } else if let last = out.indices.last, b.cwnd < out[last].to {
                out[last].to = b.cwnd
            }
        }
        return out
    }

    /// One round of the model: the mean smoothed RTT of the run, in seconds (at least 50 µs).
    public var roundSeconds: Double {
        let rtts = samples.map(\.rttMs).filter { $0 > 0 }
        return max(0.05, rtts.reduce(0, +) / Double(max(1, rtts.count))) / 1000
    }

    /// Round trips (at the mean smoothed RTT) across the run; the kernel's cwnd as the round
    /// starts (the window it sends that round with, as the model's is), and the model's for the
    /// same round with the kernel's losses put in.
    public func rounds(initialWindow: Double = 10, ssthresh: Double = 64) throws -> [RealLabRound] {
        guard let last = samples.last, last.t > 0 else { return [] }
        let rtt = roundSeconds
        let count = max(2, min(200, Int((last.t / rtt).rounded(.up))))
        var events: [LossEvent] = []
        for l in lossResponses {
            let r = max(1, min(count, Int((l.t / rtt).rounded(.up))))
            if !events.contains(where: { $0.round == r }) { events.append(LossEvent(l.timeout ? .timeout : .tripleDupAck, at: r)) }
        }
        var p = CwndParameters()
        p.algorithm = algorithm; p.model = .textbook; p.rounds = count; p.initialWindow = initialWindow
        p.ssthresh = ssthresh; p.events = events; p.rtt = rtt * 1000
        let model = try CongestionLab.run(p).rounds
        return (1...count).map { r in
            let t = Double(r) * rtt
            let k = samples.last { $0.t <= t - rtt }?.cwnd ?? samples[0].cwnd
            return RealLabRound(round: r, t: t, kernel: k, model: model.first { $0.round == r }?.cwnd ?? 0)
        }
    }
}

/// A round of `RealLabResult.rounds`: its end (seconds), the kernel's cwnd as it started and the model's.
public struct RealLabRound: Sendable, Hashable {
    public var round: Int
    public var t: Double
    public var kernel: Int
    public var model: Double
}
