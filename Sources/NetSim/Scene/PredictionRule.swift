import TutorCore

/// Predict mode (the player's `p`): before a sent message is shown, the user types what it
/// will be. A rule says what to type, what the right answer is, how a guess is checked and
/// which field of a wrong guess was wrong. Its example is never a real answer of the trace,
/// and what the user cannot know beforehand (an ISN the sender just chose) is announced.
public struct PredictionRule: Sendable {
    /// What to type, without an example.
    public let ask: Localized
    /// Example guesses in the rule's format; the prompt shows the first that answers nothing.
    public let examples: [String]
    /// The names of the numbers in an answer, in order ("seq", "ack").
    public let numberNames: [String]
    /// The right answer for a send event, as it is shown after the guess.
    public let answer: @Sendable (TraceEvent) -> String
    /// What the sender decided just now that the guess needs (a SYN's ISN), if anything.
    public let announcement: @Sendable (TraceEvent) -> Localized?

    public init(ask: Localized, examples: [String], numberNames: [String], answer: @escaping @Sendable (TraceEvent) -> String,
                announcement: @escaping @Sendable (TraceEvent) -> Localized? = { _ in nil }) {
        self.ask = ask; self.examples = examples; self.numberNames = numberNames; self.answer = answer; self.announcement = announcement
    }

    /// The prompt for a send of `trace`: the ask, an example that is no send's answer (and,
    /// when one can be, shares no flag with any: `FIN+ACK` as an example would be a hint), keys.
    public func prompt(for event: TraceEvent, in trace: Trace) -> Localized {
        let sends = trace.events.filter { $0.kind == .send }
        let used = sends.reduce(into: Set<String>()) { $0.formUnion(Self.parts(answer($1)).words) }
        let wrong = examples.filter { ex in !sends.contains { check(ex, against: $0) } }
        let example = wrong.first { Self.parts($0).words.isDisjoint(with: used) } ?? wrong.first ?? examples.last ?? ""
        var ko = "\(ask.ko) (형식 예: \(example)). Enter 확인, Esc 정답 보기", en = "\(ask.en) (format, e.g. \(example)). Enter checks, Esc reveals"
        if let a = announcement(event) { ko = "\(a.ko) \(ko)"; en = "\(a.en) \(en)" }
        return Localized(ko: ko, en: en)
    }

    private static func parts(_ s: String) -> (words: Set<String>, numbers: [String]) {
        let tokens = s.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let words = Set(tokens.filter { $0.first!.isLetter }.map(String.init)).subtracting(["SEQ", "ACKNO", "DATA", "LEN", "WIN"])
        return (words, tokens.filter { $0.allSatisfy(\.isNumber) }.map(String.init))
    }

    /// A guess is right when its words (case aside) and its numbers (in order) match the
    /// answer's; field names such as "seq" or "len" may be typed or left out.
    public func check(_ guess: String, against event: TraceEvent) -> Bool { wrongFields(guess, against: event).isEmpty }

    /// The fields a guess got wrong: "flags" (or the kind of message) and each number by name.
    public func wrongFields(_ guess: String, against event: TraceEvent) -> [String] {
        let want = Self.parts(answer(event)), got = Self.parts(guess)
        var wrong: [String] = []
        if want.words != got.words { wrong.append(numberNames.first == "seq" ? "flags" : "kind") }
        for i in 0..<max(want.numbers.count, got.numbers.count) {
            let w = i < want.numbers.count ? want.numbers[i] : nil, g = i < got.numbers.count ? got.numbers[i] : nil
            if w != g { wrong.append(i < numberNames.count ? numberNames[i] : "number \(i + 1)") }
        }
        return wrong
    }

    /// TCP: the flags, then seq, then ack when the ACK bit is set ("SYN+ACK 5000 1001"). A
    /// segment with a name of its own (a zero-window PROBE, a UDP datagram) is guessed by name.
    /// A SYN's sender announces its ISN: it is chosen, not derived (RFC 9293 §3.4.1).
    public static let tcpSegment = PredictionRule(
        ask: Localized(ko: "이 세그먼트를 예측하세요: 플래그, seq, ack", en: "Predict this segment: flags, seq, ack"),
        examples: ["RST+ACK 4242 8484", "RST 4242", "FIN 4242"], numberNames: ["seq", "ack"],
        answer: { e in
            guard let seg = e.segment else { return e.label ?? "" }
            if let custom = seg.customLabel { return custom }
            var s = seg.flags.name + " \(seg.seq)"
            if seg.flags.contains(.ack) { s += " \(seg.ack)" }
            return s
        },
        announcement: { e in
            guard let seg = e.segment, seg.flags.contains(.syn), !e.retransmission else { return nil }
            return Localized(ko: "보내는 쪽이 ISN \(seg.seq)\(josa(label: "\(seg.seq)", "을")) 골랐습니다.", en: "Its sender has chosen ISN \(seg.seq).")
        })

    /// ARQ: the message's label ("pkt 2", "ACK 2").
    public static let label = PredictionRule(
        ask: Localized(ko: "이 패킷을 예측하세요: pkt 또는 ACK와 번호", en: "Predict this packet: pkt or ACK and its number"),
        examples: ["pkt N", "ACK N"], numberNames: ["number"],
        answer: { $0.label ?? "" })

    /// Exchange scenes (TLS, QUIC, DNS…): the message's kind, the first word of its label
    /// ("ServerHello", "{Finished}", "NXDOMAIN"), up to a bracket that follows the name: a QUIC
    /// packet `Initial[0]` is asked for by its type, not its packet number.
    public static let messageKind = PredictionRule(
        ask: Localized(ko: "다음 메시지를 예측하세요: 메시지 이름", en: "Predict the next message: its name"),
        examples: ["Goodbye", "Nothing", "Bye"], numberNames: [],
        answer: { e in
            let word = (e.label ?? "").split(separator: " ").first.map(String.init) ?? ""
            guard word.first != "[", let bracket = word.firstIndex(of: "[") else { return word }
            return String(word[..<bracket])
        })
}
