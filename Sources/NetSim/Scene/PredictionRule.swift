import TutorCore

/// Predict mode (the player's `p`): before a sent message is shown, the user types what it
/// will be. A rule says what to type, what the right answer is, and how a guess is checked.
public struct PredictionRule: Sendable {
    /// Shown while a guess is typed.
    public let prompt: Localized
    /// The right answer for a send event, as it is shown after the guess.
    public let answer: @Sendable (TraceEvent) -> String

    public init(prompt: Localized, answer: @escaping @Sendable (TraceEvent) -> String) {
        self.prompt = prompt; self.answer = answer
    }

    /// A guess is right when its words (case aside) and its numbers (in order) match the
    /// answer's; field names such as "seq" or "len" may be typed or left out.
    public func check(_ guess: String, against event: TraceEvent) -> Bool {
        func parts(_ s: String) -> (words: Set<String>, numbers: [String]) {
            let tokens = s.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            let words = Set(tokens.filter { $0.first!.isLetter }.map(String.init)).subtracting(["SEQ", "ACKNO", "DATA", "LEN", "WIN"])
            return (words, tokens.filter { $0.allSatisfy(\.isNumber) }.map(String.init))
        }
        let want = parts(answer(event)), got = parts(guess)
        return want.words == got.words && want.numbers == got.numbers
    }

    /// TCP: the flags, then seq, then ack when the ACK bit is set ("SYN+ACK 5000 1001"). A
    /// segment with a name of its own (a zero-window PROBE, a UDP datagram) is guessed by name.
    public static let tcpSegment = PredictionRule(
        prompt: Localized(ko: "이 세그먼트를 예측하세요: 플래그, seq, ack (예: SYN+ACK 5000 1001). Enter 확인, Esc 보기",
                          en: "Predict this segment: flags, seq, ack (e.g. SYN+ACK 5000 1001). Enter checks, Esc reveals"),
        answer: { e in
            guard let seg = e.segment else { return e.label ?? "" }
            if let custom = seg.customLabel { return custom }
            var s = seg.flags.name + " \(seg.seq)"
            if seg.flags.contains(.ack) { s += " \(seg.ack)" }
            return s
        })

    /// ARQ: the message's label ("pkt 2", "ACK 2").
    public static let label = PredictionRule(
        prompt: Localized(ko: "이 패킷을 예측하세요: 패킷 또는 ACK와 번호 (예: pkt 2, ACK 2). Enter 확인, Esc 보기",
                          en: "Predict this packet: pkt or ACK and its number (e.g. pkt 2, ACK 2). Enter checks, Esc reveals"),
        answer: { $0.label ?? "" })
}
