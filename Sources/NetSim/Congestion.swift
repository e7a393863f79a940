import TutorCore

/// The congestion-control lab's models (the `cwnd-lab` scene and `nettutor cwnd`).
///
/// - `textbook`: one step per transmission round, windows in MSS, Kurose & Ross conventions.
/// - `rfc5681`: per ACK, in bytes, with fast retransmit and fast recovery (RFC 5681 §3) and the
///   retransmission timer of RFC 6298.
/// CUBIC (RFC 9438) runs per round in the textbook model, a round being one RTT of simulated time.

public enum CongestionAlgorithm: String, CaseIterable, Sendable, Hashable {
    case tahoe, reno, cubic
    public var title: String { switch self { case .tahoe: "Tahoe"; case .reno: "Reno"; case .cubic: "CUBIC" } }
}

public enum CwndModel: String, CaseIterable, Sendable, Hashable { case textbook, rfc5681 }

public enum CwndPhase: String, Sendable, Hashable {
    case slowStart = "slow-start", congestionAvoidance = "congestion-avoidance", fastRecovery = "fast-recovery"
    public var title: Localized {
        switch self {
        case .slowStart: Localized(ko: "slow start", en: "slow start")
        case .congestionAvoidance: Localized(ko: "혼잡 회피", en: "congestion avoidance")
        case .fastRecovery: Localized(ko: "fast recovery", en: "fast recovery")
        }
    }
}

/// How a loss is detected.
public enum LossKind: String, Sendable, Hashable {
    case tripleDupAck = "3dup", timeout
}

/// A scripted loss: detected in `round`; round `round + 1` uses the reduced window.
public struct LossEvent: Sendable, Hashable {
    public var kind: LossKind
    public var round: Int
    public init(_ kind: LossKind, at round: Int) { self.kind = kind; self.round = round }

    /// "3dup@8,timeout@14" (also "3dup@8 timeout@14"); an empty spec is no events.
    public static func parse(_ spec: String) throws -> [LossEvent] {
        let parts = spec.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return try parts.map { part in
            let pieces = part.split(separator: "@", omittingEmptySubsequences: false)
            guard pieces.count == 2, let round = Int(pieces[1]), round >= 1 else {
                throw SceneError.invalid("--events: '\(part)' is not KIND@ROUND (e.g. 3dup@8,timeout@14)")
            }
            switch pieces[0].lowercased() {
            case "3dup", "dup", "dupack", "3dupack": return LossEvent(.tripleDupAck, at: round)
            case "timeout", "to", "rto": return LossEvent(.timeout, at: round)
            default: throw SceneError.invalid("--events: unknown event '\(pieces[0])' (use 3dup or timeout)")
            }
        }
    }

    public var spec: String { "\(kind.rawValue)@\(round)" }
}

public struct CwndParameters: Sendable, Hashable {
    public var algorithm: CongestionAlgorithm = .reno
    public var model: CwndModel = .textbook
    /// Initial ssthresh in segments.
    public var ssthresh: Double = 8
    /// Initial window in segments; nil: 1 in the textbook model, RFC 5681's IW in `rfc5681`.
    public var initialWindow: Double?
    public var rounds = 20
    public var events: [LossEvent] = Self.defaultEvents
    /// The lab's scripted loss when the user names none.
    public static let defaultEvents = [LossEvent(.tripleDupAck, at: 8)]
    /// The default events that fall within `rounds`: a default the user never typed must not
    /// make their `--rounds` an error.
    public static func defaultEvents(rounds: Int) -> [LossEvent] { defaultEvents.filter { $0.round <= rounds } }
    /// Probability that a segment is lost (seeded); losses decided per (round, segment slot),
    /// so every algorithm meets the same pattern.
    public var lossRate: Double = 0
    public var seed: UInt64 = 1
    /// Receiver window in segments: at most min(cwnd, rwnd) may be in flight.
    public var rwnd: Double?
    /// Round-trip time in ms (CUBIC's clock and the rfc5681 model's ACK clock).
    public var rtt: Double = 100
    /// Sender maximum segment size in bytes (`rfc5681`).
    public var smss = 1000
    public init() {}

    public static let maxRounds = 200

    public func validate() throws {
        guard (1...Self.maxRounds).contains(rounds) else { throw SceneError.invalid("--rounds must be between 1 and \(Self.maxRounds)") }
        guard ssthresh >= 2, ssthresh <= 10_000 else { throw SceneError.invalid("--ssthresh must be between 2 and 10000 segments") }
        if let iw = initialWindow, !(1...100).contains(iw) { throw SceneError.invalid("--iw must be between 1 and 100 segments") }
        if let rwnd, !(1...10_000).contains(rwnd) { throw SceneError.invalid("--rwnd must be between 1 and 10000 segments") }
        guard (0...0.5).contains(lossRate) else { throw SceneError.invalid("--loss must be between 0 and 0.5") }
        guard (1...10_000).contains(rtt) else { throw SceneError.invalid("--rtt must be between 1 and 10000 ms") }
        guard (100...65_535).contains(smss) else { throw SceneError.invalid("--smss must be between 100 and 65535 bytes") }
        if model == .rfc5681 && (ssthresh > 1000 || (rwnd ?? 0) > 1000) {
            throw SceneError.invalid("the rfc5681 model simulates every ACK: keep --ssthresh and --rwnd at 1000 segments or less")
        }
        if model == .rfc5681 && algorithm == .cubic {
            throw SceneError.invalid("the rfc5681 model covers Tahoe and Reno; CUBIC (RFC 9438) runs per RTT in the textbook model")
        }
        if let bad = events.first(where: { $0.round > rounds }) {
            throw SceneError.invalid("--events: \(bad.spec) is after the last round (\(rounds))")
        }
    }
}

/// One transmission round (one RTT) as the chart and the strip under it show it.
public struct CwndRound: Sendable, Hashable {
    public var round: Int
    /// Congestion window in segments used for this round.
    public var cwnd: Double
    public var ssthresh: Double
    /// min(cwnd, rwnd): what the sender may have in flight.
    public var effective: Double
    public var phase: CwndPhase
    /// Segments sent in this round (new data and retransmissions).
    public var sent: Int
    /// Positions (0-based) of the segments of this round that were lost.
    public var lost: [Int]
    /// Duplicate ACKs that came back for the lost segment.
    public var dupAcks: Int
    /// A loss detected in this round.
    public var event: LossKind?
    /// Why the next round's window is what it is.
    public var narration: Localized
}

/// A point of the curve: x in rounds (round r spans [r, r+1)), windows in segments.
public struct CwndSample: Sendable, Hashable {
    public var x: Double
    public var cwnd: Double
    public var ssthresh: Double
    public var phase: CwndPhase
}

/// The rfc5681 model's record of one ACK (or timer expiry), in bytes.
public struct AckRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case newAck = "new-ack", dupAck = "dup-ack", fastRetransmit = "fast-retransmit"
        case inflate, deflate, timeout
    }
    public var t: Double
    public var round: Int
    public var kind: Kind
    /// Cumulative acknowledgement (next byte expected), or the retransmitted byte on a timeout.
    public var ack: Int
    public var cwnd: Int
    public var ssthresh: Int
    public var flight: Int
    public var rto: Double
    public var phase: CwndPhase
    public var narration: Localized
}

public struct CwndTrace: Sendable, Hashable {
    public var parameters: CwndParameters
    public var rounds: [CwndRound]
    public var samples: [CwndSample]
    /// Per-ACK records (rfc5681 model only).
    public var acks: [AckRecord]

    public var algorithm: CongestionAlgorithm { parameters.algorithm }
}

public enum CongestionLab {
    /// Runs the model the parameters name.
    public static func run(_ p: CwndParameters) throws -> CwndTrace {
        try p.validate()
        switch p.model {
        case .textbook: return RoundSender(p).run()
        case .rfc5681: return RFC5681Sender(p).run()
        }
    }

    /// Tahoe, Reno and CUBIC on the same loss pattern.
    public static func compare(_ p: CwndParameters) throws -> [CwndTrace] {
        try CongestionAlgorithm.allCases.filter { p.model == .textbook || $0 != .cubic }.map { a in
            var q = p
            q.algorithm = a
            return try run(q)
        }
    }

    /// Whether segment `slot` of `round` is lost to random loss: a hash of (seed, round, slot),
    /// so the pattern does not depend on the algorithm's window.
    static func randomLoss(seed: UInt64, round: Int, slot: Int, rate: Double) -> Bool {
        guard rate > 0 else { return false }
        var rng = SeededRandom(seed: seed &* 0x1000_0001 &+ UInt64(round) &* 65_537 &+ UInt64(slot))
        return Double(rng.next() >> 11) / Double(1 << 53) < rate
    }
}

/// "8", "8.5": windows as the lab prints them.
public func formatWindow(_ w: Double) -> String {
    let r = (w * 10).rounded() / 10
    return r == r.rounded() ? "\(Int(r))" : "\(r)"
}
