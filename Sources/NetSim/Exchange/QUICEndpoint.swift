import TutorCore

/// A QUIC packet number space (RFC 9000 §12.3): numbers start at 0 in each, and a packet is
/// acknowledged only by an ACK frame carried in a packet of its own space.
enum PacketSpace: String, CaseIterable {
    case initial = "Initial", handshake = "Handshake", application = "Application"

    /// The space of a packet type: 0-RTT and 1-RTT share the application data space.
    init(type: String) {
        switch type {
        case "Initial": self = .initial
        case "Handshake": self = .handshake
        default: self = .application
        }
    }
}

/// One QUIC endpoint's transport state over an `Exchange`: packet numbers and received packets
/// per space, ACK frames (Initial and Handshake at once, application data within
/// max_ack_delay or every second packet: RFC 9000 §13.2.1–2), RTT estimation (RFC 9002 §5.3)
/// and the probe timeout (PTO, RFC 9002 §6.2) that sends unacknowledged frames again in new
/// packets (a packet number is never reused, RFC 9000 §12.3). A packet's label is
/// `Type[pn] frames` like RFC 9000's Figure 5; its `info` carries the space, pn and ACKed pns.
final class QUICEndpoint {
    static let initialRTT = 333.0, granularity = 1.0, maxAckDelay = 25.0

    let lane: String, peer: String
    private let ex: Exchange
    /// The spaces it can read (keys it has) and those whose keys are gone (RFC 9001 §4.9).
    var readable: Set<PacketSpace>
    private(set) var discarded: Set<PacketSpace> = []
    /// A Retry's token, which every later Initial of the client carries (RFC 9000 §17.2.5.3).
    var token: String?
    /// The handshake is confirmed (RFC 9001 §4.1.2): only then is the application PTO armed.
    var confirmed = false
    private(set) var srtt: Double?
    private var rttvar = 0.0
    private var ptoCount = 0
    private var timer: Int?
    private var nextPN: [PacketSpace: Int] = [:]
    private var received: [PacketSpace: [Int]] = [:]
    private var ackPending: [PacketSpace: Int] = [:]  // ack-eliciting packets not yet acknowledged
    private var unacked: [PacketSpace: [(pn: Int, type: String, frames: [String])]] = [:]
    private var sentAt: [PacketSpace: [Int: Double]] = [:]
    private(set) var lastSend = -1.0

    init(_ lane: String, peer: String, ex: Exchange, readable: Set<PacketSpace>) {
        self.lane = lane; self.peer = peer; self.ex = ex; self.readable = readable
    }

    /// Sends one packet (frames without the ACK, which is added when the space owes one), at
    /// least 1 ms after its previous packet so that arrows stay apart and numbers in order.
    func send(_ type: String, _ frames: [String], narration: Localized, role: MessageRole = .data, retransmission: Bool = false) {
        let space = PacketSpace(type: type)
        var all = frames
        var acked: [Int] = []
        if ackPending[space, default: 0] > 0, let got = received[space] {
            acked = got
            all.insert("ACK(\(Self.ranges(got)))", at: 0)
            ackPending[space] = 0
        }
        let pn = nextPN[space, default: 0]
        nextPN[space] = pn + 1
        let at = max(ex.now, lastSend + 1)
        lastSend = at
        sentAt[space, default: [:]][pn] = at
        if !frames.isEmpty { unacked[space, default: []].append((pn, type, frames)) }
        var m = ExchangeMessage(type, role: role, narration: narration, info: [
            "space": space.rawValue, "pn": "\(pn)", "acks": acked.map(String.init).joined(separator: ","),
            "frames": frames.joined(separator: ","), "eliciting": frames.isEmpty ? "no" : "yes"])
        m.label = "\(type)[\(pn)] \(all.joined(separator: ","))" + (space == .initial ? token.map { " \($0)" } ?? "" : "")
        ex.send(m, from: lane, to: peer, after: at - ex.now, retransmission: retransmission)
        if !frames.isEmpty { scheduleRearm() }
    }

    /// Restarts the PTO once a burst of packets has left (one timer per flight, not per packet).
    private var rearmScheduled = false
    private func scheduleRearm() {
        guard !rearmScheduled else { return }
        rearmScheduled = true
        func runAtLastSend() {
            ex.at(after: max(0, lastSend - ex.now)) { [self] in
                if lastSend > ex.now { return runAtLastSend() }
                rearmScheduled = false
                rearm()
            }
        }
        runAtLastSend()
    }

    /// A packet arrived: false when it cannot be read (no keys yet, or discarded). Records it
    /// for the ACK and processes the ACK frame it carries.
    func receive(_ a: Exchange.Arrival) -> Bool {
        let space = PacketSpace(rawValue: a.message.info["space"] ?? "") ?? .application
        guard readable.contains(space), !discarded.contains(space), let pn = Int(a.message.info["pn"] ?? "") else { return false }
        received[space, default: []].append(pn)
        if a.message.info["eliciting"] == "yes" { ackPending[space, default: 0] += 1 }
        let acked = Set((a.message.info["acks"] ?? "").split(separator: ",").compactMap { Int($0) })
        guard !acked.isEmpty else { return true }
        let before = unacked[space, default: []].count
        unacked[space] = unacked[space, default: []].filter { !acked.contains($0.pn) }
        if unacked[space, default: []].count < before {
            // The sample: the time since the newest packet this ACK covers was sent (RFC 9002 §5.1).
            if let sent = acked.max().flatMap({ sentAt[space]?[$0] }) { sampleRTT(ex.now - sent) }
            ptoCount = 0
            scheduleRearm()
        }
        return true
    }

    /// Sends what the spaces still owe: an ACK-only packet for Initial and Handshake at once;
    /// for application data after the second ack-eliciting packet, else within max_ack_delay.
    func flushAcks() {
        for space in [PacketSpace.initial, .handshake] where ackPending[space, default: 0] > 0 && !discarded.contains(space) {
            send(space.rawValue, [], narration: QUICWords.ackOnly(space))
        }
        let app = ackPending[.application, default: 0]
        if app >= 2 {
            send("1-RTT", [], narration: QUICWords.ackOnly(.application))
        } else if app == 1 {
            ex.at(after: Self.maxAckDelay) { [self] in
                if ackPending[.application, default: 0] > 0 { send("1-RTT", [], narration: QUICWords.delayedAck) }
            }
        }
    }

    /// Keys of `space` are gone (RFC 9001 §4.9): its packets are neither sent nor acknowledged
    /// any more, and the PTO is reset (RFC 9002 §6.2.2).
    func discard(_ space: PacketSpace) {
        discarded.insert(space)
        unacked[space] = nil
        ackPending[space] = nil
        scheduleRearm()
    }

    /// Resets loss recovery after a Retry (RFC 9002 §6.3): the first Initial is answered, not lost.
    func resetRecovery() {
        unacked[.initial] = nil
        ptoCount = 0
        scheduleRearm()
    }

    /// The PTO period of `space` (RFC 9002 §6.2.1): before any RTT sample, kInitialRtt 333 ms
    /// with rttvar half of it, so 999 ms; max_ack_delay counts only for application data.
    func period(_ space: PacketSpace) -> Double {
        let s = srtt ?? Self.initialRTT, v = srtt == nil ? Self.initialRTT / 2 : rttvar
        return s + max(4 * v, Self.granularity) + (space == .application ? Self.maxAckDelay : 0)
    }

    /// (Re)starts the PTO for the earliest space with ack-eliciting packets in flight.
    private func rearm() {
        ex.cancel(timer)
        timer = nil
        let spaces = PacketSpace.allCases.filter {
            !unacked[$0, default: []].isEmpty && !discarded.contains($0) && ($0 != .application || confirmed)
        }
        guard let space = spaces.first else { return }
        let duration = period(space) * Double(1 << ptoCount)
        timer = ex.startTimer("PTO", on: lane, duration: duration, narration: QUICWords.ptoArmed(duration, space: space, sampled: srtt != nil, backoff: ptoCount),
                                firing: QUICWords.ptoFired) { [self] in
            timer = nil
            ptoCount += 1
            probe(spaces)
        }
    }

    /// The PTO fired: the frames of every unacknowledged packet go again in new packets (RFC 9002 §6.2.4).
    private func probe(_ spaces: [PacketSpace]) {
        for space in spaces {
            let lost = unacked[space, default: []]
            unacked[space] = []
            for p in lost {
                // Once 1-RTT keys exist, 0-RTT is not sent any more (RFC 9000 §17.2.3).
                let type = p.type == "0-RTT" && readable.contains(.application) ? "1-RTT" : p.type
                send(type, p.frames, narration: QUICWords.probe(type, p.frames), retransmission: true)
            }
        }
    }

    /// RFC 9002 §5.3: the first sample sets smoothed_rtt and rttvar = sample / 2; later ones
    /// are folded in with weights 1/8 and 1/4.
    private func sampleRTT(_ latest: Double) {
        if let s = srtt {
            rttvar = 0.75 * rttvar + 0.25 * abs(s - latest)
            srtt = 0.875 * s + 0.125 * latest
        } else {
            srtt = latest; rttvar = latest / 2
        }
    }

    /// An ACK frame's ranges: "0", "0-1", "0,2-3".
    static func ranges(_ pns: [Int]) -> String {
        var out: [String] = [], sorted = Array(Set(pns)).sorted(), i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            out.append(i == j ? "\(sorted[i])" : "\(sorted[i])-\(sorted[j])")
            i = j + 1
        }
        return out.joined(separator: ",")
    }
}
