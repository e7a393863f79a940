import NetSim
import TutorCore

/// A concrete question built from a seed by a generator (kind `generated`).
public struct GeneratedQuestion: Sendable, Hashable {
    public var prompt: Localized
    public var answer: Double
    public var unit: String?
    public var explain: Localized
}

/// Question generators backed by NetSim rules. Content names them in `generator:`; the
/// checker accepts only these names.
public enum QuestionGenerators {
    public static let names: Set<String> = ["tcp-handshake-numbers", "cwnd-after-event", "arq-resend-count", "tls-request-time"]

    public static func make(_ name: String, seed: UInt64) -> GeneratedQuestion? {
        switch name {
        case "tcp-handshake-numbers": return handshakeNumbers(seed: seed)
        case "cwnd-after-event": return cwndAfterEvent(seed: seed)
        case "arq-resend-count": return arqResendCount(seed: seed)
        case "tls-request-time": return tlsRequestTime(seed: seed)
        default: return nil
        }
    }

    /// The textbook model (NetSim's CongestionLab): a random ssthresh, algorithm and loss; what
    /// is cwnd in the round after?
    static func cwndAfterEvent(seed: UInt64) -> GeneratedQuestion {
        var rng = SeededRandom(seed: seed)
        var p = CwndParameters()
        p.ssthresh = Double(4 + rng.next() % 13)          // 4...16
        p.algorithm = rng.next() % 2 == 0 ? .reno : .tahoe
        let round = 5 + Int(rng.next() % 6)                // 5...10
        let kind: LossKind = rng.next() % 3 == 0 ? .timeout : .tripleDupAck
        p.events = [LossEvent(kind, at: round)]
        p.rounds = round + 1
        let t = (try? CongestionLab.run(p))!
        let before = t.rounds[round - 1], after = t.rounds[round]
        let event = kind == .timeout ? Localized(ko: "타임아웃", en: "a timeout") : Localized(ko: "중복 ACK 3개", en: "three duplicate ACKs")
        return GeneratedQuestion(
            prompt: Localized(ko: "교과서 모델의 \(p.algorithm.title) 송신자: 초기 cwnd 1 MSS, 초기 ssthresh \(formatWindow(p.ssthresh)). 라운드 \(round)(cwnd \(formatWindow(before.cwnd)))에서 \(event.ko)로 손실을 알아챕니다. 라운드 \(round + 1)의 cwnd는 몇 MSS입니까? (RFC 5681의 규칙대로 손실 시 ssthresh = max(⌊FlightSize/2⌋, 2)이고 FlightSize는 그 라운드에 보낸 세그먼트 수입니다. 다음 라운드에 송신자가 쓰는 윈도우를 답하되, fast recovery 중이라면 중복 ACK만큼 부풀린 값입니다.)",
                              en: "A textbook \(p.algorithm.title) sender starts at cwnd 1 MSS with ssthresh \(formatWindow(p.ssthresh)). In round \(round) (cwnd \(formatWindow(before.cwnd))) it detects a loss by \(event.en). What is cwnd, in MSS, in round \(round + 1)? (RFC 5681's rules: on a loss ssthresh = max(⌊FlightSize/2⌋, 2), FlightSize being the segments sent in that round; give the window the sender uses in the next round, inflated by the duplicate ACKs if it is in fast recovery.)"),
            answer: after.cwnd, unit: "MSS",
            explain: Localized(ko: before.narration.ko, en: before.narration.en))
    }

    /// NetSim's ARQ simulation: one lost packet in a window; how many packets does Go-Back-N
    /// (or Selective Repeat) send again?
    static func arqResendCount(seed: UInt64) -> GeneratedQuestion {
        var rng = SeededRandom(seed: seed)
        var a = ARQParameters()
        a.window = 3 + Int(rng.next() % 3)                 // 3...5
        a.packets = a.window + 3
        a.sequenceBits = 4
        let lost = Int(rng.next() % UInt64(a.window))      // a packet of the first window
        let proto: ARQProtocol = rng.next() % 2 == 0 ? .goBackN : .selectiveRepeat
        // The first transmissions go out back to back: packet k is transmission k + 1.
        let trace = (try? ARQSimulation(proto, parameters: a, faults: Faults(drops: [lost + 1])).run(scene: proto.rawValue))!
        let sends = trace.events.filter { $0.kind == .send && $0.from == "sender" }
        let resent = sends.count - a.packets
        // Which packets went out again: every copy after the first of its number.
        var seen = Set<String>(), again: [String] = []
        for e in sends { let l = e.segment?.label ?? ""; if !seen.insert(l).inserted { again.append(l) } }
        let list = again.joined(separator: ", ")
        let name = proto == .goBackN ? "Go-Back-N" : "Selective Repeat"
        // The count depends on timing (how far the window slid before the timeout), so the
        // prompt states the simulation's clock.
        let timing = Localized(
            ko: "패킷 하나를 링크에 싣는 데 \(formatWindow(a.transmissionTime)) ms, 단방향 지연 \(formatWindow(a.oneWayDelay)) ms, 타임아웃 \(formatWindow(a.timeout)) ms입니다(" + (proto == .goBackN ? "타이머는 가장 오래된 미확인 패킷 하나에만" : "타이머는 패킷마다") + "). ",
            en: "Each packet takes \(formatWindow(a.transmissionTime)) ms to put on the link, the one-way delay is \(formatWindow(a.oneWayDelay)) ms and the timeout \(formatWindow(a.timeout)) ms (" + (proto == .goBackN ? "one timer, for the oldest unacknowledged packet" : "one timer per packet") + "). ")
        return GeneratedQuestion(
            prompt: Localized(ko: "\(name), 윈도우 크기 \(a.window), 패킷 0~\(a.packets - 1)을 보냅니다. " + timing.ko + "처음 보낸 패킷 \(lost)만 사라지고 나머지(ACK 포함)는 모두 도착합니다. 송신자는 패킷을 모두 몇 번 다시 보냅니까?",
                              en: "\(name) with a window of \(a.window) sends packets 0 to \(a.packets - 1). " + timing.en + "Only the first copy of packet \(lost) is lost; everything else, ACKs included, arrives. How many retransmissions does the sender make?"),
            answer: Double(resent), unit: nil,
            explain: proto == .goBackN
                ? Localized(ko: "Go-Back-N 수신자는 순서가 어긋난 패킷을 버리므로, 타임아웃 때 송신자는 패킷 \(lost)부터 보낸 것을 모두 다시 보냅니다: \(list).", en: "A Go-Back-N receiver discards out-of-order packets, so on the timeout the sender resends packet \(lost) and everything sent after it: \(list).")
                : Localized(ko: "Selective Repeat 수신자는 순서가 어긋난 패킷도 버퍼에 두고 각각 ACK하므로, 송신자는 사라진 패킷만 다시 보냅니다: \(list).", en: "A Selective Repeat receiver buffers out-of-order packets and acknowledges each one, so only the lost packet is resent: \(list)."))
    }

    /// Random ISNs (full 32-bit range, so wrap-around comes up), then one of the handshake's
    /// numbers to compute. The answer comes from `SequenceNumber`, i.e. RFC 9293 §3.4.
    static func handshakeNumbers(seed: UInt64) -> GeneratedQuestion {
        var rng = SeededRandom(seed: seed)
        let x = SequenceNumber(UInt32.random(in: .min ... .max, using: &rng))
        let y = SequenceNumber(UInt32.random(in: .min ... .max, using: &rng))
        let synAckAck = SequenceNumber.acknowledgment(of: x, syn: true)
        let finalSeq = synAckAck  // the client's next number after its SYN
        let finalAck = SequenceNumber.acknowledgment(of: y, syn: true)
        let setup = Localized(ko: "클라이언트의 ISN은 \(x), 서버의 ISN은 \(y)입니다. ",
                              en: "The client's ISN is \(x) and the server's ISN is \(y). ")
        let rule = Localized(ko: "SYN은 sequence number 하나를 차지하므로 SYN에 대한 ack는 ISN + 1이며, 2^32에서 0으로 돌아갑니다(RFC 9293 3.4절).",
                             en: "A SYN occupies one sequence number, so its acknowledgment is ISN + 1, wrapping from 2^32 to 0 (RFC 9293 Section 3.4).")
        switch rng.next() % 3 {
        case 0:
            return GeneratedQuestion(
                prompt: Localized(ko: setup.ko + "서버가 보내는 SYN+ACK의 ack 번호는?", en: setup.en + "What ack number does the server's SYN+ACK carry?"),
                answer: Double(synAckAck.value), unit: nil, explain: rule)
        case 1:
            return GeneratedQuestion(
                prompt: Localized(ko: setup.ko + "3-way handshake의 마지막 ACK 세그먼트의 seq 번호는?", en: setup.en + "What seq number does the final ACK of the handshake carry?"),
                answer: Double(finalSeq.value), unit: nil, explain: rule)
        default:
            return GeneratedQuestion(
                prompt: Localized(ko: setup.ko + "3-way handshake의 마지막 ACK 세그먼트의 ack 번호는?", en: setup.en + "What ack number does the final ACK of the handshake carry?"),
                answer: Double(finalAck.value), unit: nil, explain: rule)
        }
    }
}
