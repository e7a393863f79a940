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
    public static let names: Set<String> = ["tcp-handshake-numbers"]

    public static func make(_ name: String, seed: UInt64) -> GeneratedQuestion? {
        switch name {
        case "tcp-handshake-numbers": return handshakeNumbers(seed: seed)
        default: return nil
        }
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
