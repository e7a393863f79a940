import TutorCore

/// The Korean particle after a number: 을/를, 이/가, 은/는 depend on whether the number's last
/// syllable (영 일 이 삼 사 오 육 칠 팔 구) ends in a consonant.
func josa(_ number: Int, _ withFinal: String) -> String {
    let finalConsonant = [true, true, false, true, false, false, true, true, true, false][abs(number) % 10]
    // 으로 follows a final consonant except ㄹ (일, 칠, 팔 take 로).
    if withFinal == "으로" { return finalConsonant && ![1, 7, 8].contains(abs(number) % 10) ? "으로" : "로" }
    if finalConsonant { return withFinal }
    return ["을": "를", "이": "가", "은": "는"][withFinal] ?? withFinal
}

/// Automatic repeat request as the textbook presents it (Kurose & Ross §3.4): packets and
/// sequence numbers count from 0, and "ACK n" acknowledges packet n (cumulatively, up to and
/// including n, for Go-Back-N).
public enum ARQProtocol: String, Sendable, Hashable {
    case stopAndWait = "stop-and-wait", goBackN = "go-back-n", selectiveRepeat = "selective-repeat"
}

public struct ARQParameters: Sendable, Hashable {
    public var packets = 8
    public var window = 4
    /// Sequence numbers are 0 ..< 2^bits.
    public var sequenceBits = 3
    public var oneWayDelay: Double = 50
    /// Time to put one packet on the link; spaces back-to-back packets.
    public var transmissionTime: Double = 10
    public var timeout: Double = 250
    /// Timeouts of one packet before the sender gives up (as TCP's R2 limit, RFC 9293 §3.8.3):
    /// with every packet lost the sender must stop, not resend for ever.
    public var maxRetransmissions = 8
    public init() {}
}

/// Hard bounds on every simulation, whatever its parameters: a run ends with a "gave up" note
/// when it reaches either, so no option (or caller) can make a trace grow without end.
public enum SimulationBounds {
    public static let maxEvents = 20_000
    /// Simulated milliseconds (one hour).
    public static let maxTime: Double = 3_600_000
}

public enum ARQError: Error, Equatable, CustomStringConvertible {
    case windowTooLarge(window: Int, limit: Int, protocol: ARQProtocol)
    case invalid(String)
    public var description: String {
        switch self {
        case .windowTooLarge(let w, let limit, let p):
            p == .selectiveRepeat
                ? "--window: a Selective Repeat window of \(w) is too large for \(limit * 2) sequence numbers: it must be at most half the sequence space (\(limit)), or the receiver cannot tell a retransmission from a new packet"
                : "--window: a Go-Back-N window of \(w) is too large: with \(limit + 1) sequence numbers it must be at most \(limit)"
        case .invalid(let why): why
        }
    }
}

/// A deterministic ARQ simulation: one sender, one receiver, a link with delay and losses.
public final class ARQSimulation {
    let proto: ARQProtocol
    let p: ARQParameters
    let faults: Faults
    var events: [TraceEvent] = []
    var queue: [(time: Double, order: Int, item: Item)] = []
    var order = 0
    var now: Double = 0
    var transmissions = 0
    var rng: SeededRandom
    let sender = "sender", receiver = "receiver"

    enum Item { case arrival(toReceiver: Bool, packet: Int, n: Int), timeout(packet: Int, generation: Int), sendNext }

    // Sender state.
    var base = 0, next = 0
    var acked = Set<Int>()
    var timerGeneration: [Int: Int] = [:]
    var linkFreeAt: Double = 0
    // Receiver state.
    var expected = 0
    var buffered = Set<Int>()
    var delivered = 0
    var timeouts: [Int: Int] = [:]
    var gaveUp = false

    var space: Int { 1 << p.sequenceBits }
    var window: Int { proto == .stopAndWait ? 1 : p.window }

    public init(_ proto: ARQProtocol, parameters: ARQParameters = ARQParameters(), faults: Faults = Faults()) throws {
        self.proto = proto; self.p = parameters; self.faults = faults
        rng = SeededRandom(seed: faults.seed)
        guard (1...16).contains(parameters.packets) else { throw ARQError.invalid("--packets must be between 1 and 16") }
        guard (1...6).contains(parameters.sequenceBits) else { throw ARQError.invalid("sequence bits must be between 1 and 6") }
        guard parameters.window >= 1 else { throw ARQError.invalid("--window must be at least 1") }
        switch proto {
        case .selectiveRepeat where parameters.window > (1 << parameters.sequenceBits) / 2:
            throw ARQError.windowTooLarge(window: parameters.window, limit: (1 << parameters.sequenceBits) / 2, protocol: proto)
        case .goBackN where parameters.window > (1 << parameters.sequenceBits) - 1:
            throw ARQError.windowTooLarge(window: parameters.window, limit: (1 << parameters.sequenceBits) - 1, protocol: proto)
        default: break
        }
    }

    public func run(scene: String) -> Trace {
        // Before anything is sent: base 0, next 0 (the first event already has pkt 0 out).
        let initial = SidePanel.arqWindow(snapshot)
        push(0, .sendNext)
        while let item = pop() {
            if gaveUp { break }
            if item.time > SimulationBounds.maxTime || events.count >= SimulationBounds.maxEvents {
                giveUp(ko: "시뮬레이션 한도(이벤트 \(SimulationBounds.maxEvents)개, \(Int(SimulationBounds.maxTime / 1000))초)에 닿아 멈춥니다.",
                       en: "The simulation gave up at its bound (\(SimulationBounds.maxEvents) events, \(Int(SimulationBounds.maxTime / 1000)) s).")
                break
            }
            now = item.time
            switch item.item {
            case .sendNext: fillWindow()
            case .arrival(let toReceiver, let packet, let n):
                if toReceiver { receiverGets(packet, n: n) } else { senderGetsAck(packet, n: n) }
            case .timeout(let packet, let generation):
                guard timerGeneration[packet] == generation else { continue }
                timeout(packet)
            }
            if base >= p.packets && queue.allSatisfy({ if case .timeout = $0.item { return true } else { return false } }) { break }
        }
        events = events.enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        return Trace(scene: scene, endpoints: [sender, receiver], events: events, initialPanel: initial)
    }

    // MARK: plumbing

    func push(_ t: Double, _ item: Item) { order += 1; queue.append((t, order, item)) }
    func pop() -> (time: Double, order: Int, item: Item)? {
        guard let i = queue.indices.min(by: { (queue[$0].time, queue[$0].order) < (queue[$1].time, queue[$1].order) }) else { return nil }
        return queue.remove(at: i)
    }
    var snapshot: ARQSnapshot {
        ARQSnapshot(base: base, next: next, window: window, sequenceSpace: space, ackedInWindow: acked.filter { $0 >= base },
                    expected: expected, buffered: buffered, delivered: delivered, receiverWindow: proto == .selectiveRepeat ? window : 1, total: p.packets)
    }
    func seqNumber(_ packet: Int) -> Int { packet % space }

    /// The Korean particle after a label ending in this packet's number: 을/를, 이/가, 은/는
    /// depend on whether the number's last syllable (영 일 이 삼 사 오 육 칠 팔 구) ends in a consonant.
    func josa(_ packet: Int, _ withFinal: String) -> String { NetSim.josa(seqNumber(packet), withFinal) }
    func label(_ packet: Int) -> String { "pkt \(seqNumber(packet))" }

    func record(_ e: TraceEvent) { var e = e; e.panel = .arqWindow(snapshot); events.append(e) }
    func note(_ ko: String, _ en: String, endpoint: String) {
        record(TraceEvent(t: now, kind: .note, endpoint: endpoint, narration: Localized(ko: ko, en: en)))
    }

    func transmit(toReceiver: Bool, packet: Int, at t: Double, ko: String, en: String, retransmission: Bool = false) {
        transmissions += 1
        let n = transmissions
        var lost = faults.drops.contains(n)
        if !lost && faults.lossRate > 0 { lost = Double(rng.next() % 1_000_000) / 1_000_000 < faults.lossRate }
        let seg = toReceiver ? Segment(flags: [], seq: UInt32(seqNumber(packet)), label: label(packet))
                             : Segment(flags: .ack, seq: 0, ack: UInt32(seqNumber(packet)), label: "ACK \(seqNumber(packet))")
        let from = toReceiver ? sender : receiver, to = toReceiver ? receiver : sender
        // A packet carries data although its segment has no length: the role says so.
        let role: MessageRole = toReceiver ? .data : .ack
        let saved = now; now = t
        var send = TraceEvent(t: t, kind: .send, n: n, from: from, to: to, segment: seg, role: role,
                              arrival: t + (lost ? p.oneWayDelay / 2 : p.oneWayDelay), narration: Localized(ko: ko, en: en))
        send.retransmission = retransmission
        record(send)
        now = saved
        if lost {
            var e = TraceEvent(t: t + p.oneWayDelay / 2, kind: .drop, n: n, from: from, to: to, segment: seg, role: role, narration: Localized(
                ko: "\(seg.label)\(josa(packet, "이")) 링크에서 사라집니다.", en: "\(seg.label) is lost on the link."))
            e.panel = .arqWindow(snapshot)
            events.append(e)
        } else {
            push(t + p.oneWayDelay, .arrival(toReceiver: toReceiver, packet: packet, n: n))
        }
    }

    func startTimer(_ packet: Int, at t: Double) {
        let g = (timerGeneration[packet] ?? 0) + 1
        timerGeneration[packet] = g
        push(t + p.timeout, .timeout(packet: packet, generation: g))
        let who = proto == .goBackN ? Localized(ko: "가장 오래된 미확인 패킷 \(label(packet))의 타이머(하나뿐)를 시작합니다.", en: "Starts the single timer, for the oldest unacknowledged packet, \(label(packet)).")
                                    : Localized(ko: "\(label(packet))의 타이머를 시작합니다(패킷마다 하나).", en: "Starts the timer of \(label(packet)) (one per packet).")
        var e = TraceEvent(t: t, kind: .timerStart, endpoint: sender, timer: "timeout \(seqNumber(packet))", duration: p.timeout, narration: who)
        e.panel = .arqWindow(snapshot)
        events.append(e)
    }

    func stopTimer(_ packet: Int) { timerGeneration[packet, default: 0] += 1 }

    // MARK: sender

    /// Sends every packet the window allows, back to back.
    func fillWindow() {
        while next < p.packets && next < base + window {
            let t = max(now, linkFreeAt)
            linkFreeAt = t + p.transmissionTime
            let packet = next
            next += 1
            transmit(toReceiver: true, packet: packet, at: t,
                     ko: proto == .stopAndWait ? "\(label(packet))\(josa(packet, "을")) 보내고 ACK를 기다립니다." : "윈도우 안에 있으므로 \(label(packet))\(josa(packet, "을")) 바로 보냅니다(base=\(seqNumber(base)), 창 크기 \(window)).",
                     en: proto == .stopAndWait ? "Sends \(label(packet)) and waits for its ACK." : "\(label(packet)) is inside the window, so it goes out at once (base=\(seqNumber(base)), window \(window)).")
            if proto != .goBackN || packet == base { startTimer(packet, at: t) }
        }
    }

    func senderGetsAck(_ ackNumber: Int, n: Int) {
        record(TraceEvent(t: now, kind: .deliver, n: n, from: receiver, to: sender,
                          segment: Segment(flags: .ack, seq: 0, ack: UInt32(seqNumber(ackNumber)), label: "ACK \(seqNumber(ackNumber))"),
                          narration: Localized(ko: "송신자가 ACK \(seqNumber(ackNumber))\(josa(ackNumber, "을")) 받습니다.", en: "The sender receives ACK \(seqNumber(ackNumber)).")))
        switch proto {
        case .stopAndWait, .selectiveRepeat:
            guard ackNumber >= base, ackNumber < next, !acked.contains(ackNumber) else {
                note("이미 확인된 패킷의 ACK라 무시합니다.", "An ACK for a packet already acknowledged: ignored.", endpoint: sender); return
            }
            acked.insert(ackNumber)
            stopTimer(ackNumber)
            let oldBase = base
            while acked.contains(base) { base += 1 }
            if base > oldBase {
                note("ACK \(seqNumber(ackNumber))\(josa(ackNumber, "으로")) 윈도우가 base=\(seqNumber(base))까지 밀려납니다.", "ACK \(seqNumber(ackNumber)) slides the window to base=\(seqNumber(base)).", endpoint: sender)
            } else {
                note("\(label(ackNumber))\(josa(ackNumber, "은")) 확인되었지만 base=\(seqNumber(base))\(josa(base, "이")) 아직이라 창은 그대로입니다.", "\(label(ackNumber)) is acknowledged, but base=\(seqNumber(base)) is still missing, so the window stays.", endpoint: sender)
            }
        case .goBackN:
            // Cumulative: ACK n covers every packet up to n.
            guard ackNumber >= base else {
                note("중복 ACK \(seqNumber(ackNumber))입니다. Go-Back-N 송신자는 무시하고 타이머를 기다립니다.", "Duplicate ACK \(seqNumber(ackNumber)). A Go-Back-N sender ignores it and waits for its timer.", endpoint: sender)
                return
            }
            stopTimer(base)
            base = ackNumber + 1
            note("누적 ACK \(seqNumber(ackNumber)): \(seqNumber(ackNumber))번까지 모두 확인되어 윈도우가 base=\(seqNumber(base))\(josa(base, "으로")) 밀려납니다.",
                 "Cumulative ACK \(seqNumber(ackNumber)): everything up to \(seqNumber(ackNumber)) is confirmed; the window slides to base=\(seqNumber(base)).", endpoint: sender)
            if base < next { startTimer(base, at: now) }
        }
        fillWindow()
    }

    /// The sender stops for good: a note says so, and nothing more is sent.
    func giveUp(ko: String, en: String) {
        gaveUp = true
        queue.removeAll()
        note(ko, en, endpoint: sender)
    }

    func timeout(_ packet: Int) {
        timeouts[packet, default: 0] += 1
        if timeouts[packet]! > min(p.maxRetransmissions, 15) {
            let n = min(p.maxRetransmissions, 15)
            return giveUp(ko: "\(label(packet))\(josa(packet, "을")) \(n)번 다시 보내도 ACK가 없어 송신자가 포기합니다(gave up).",
                          en: "No ACK for \(label(packet)) after \(n) retransmissions: the sender gave up.")
        }
        record(TraceEvent(t: now, kind: .timerFire, endpoint: sender, timer: "timeout \(seqNumber(packet))", narration: Localized(
            ko: "\(label(packet))의 타이머가 만료되었습니다.", en: "The timer of \(label(packet)) expires.")))
        switch proto {
        case .stopAndWait, .selectiveRepeat:
            let t = max(now, linkFreeAt); linkFreeAt = t + p.transmissionTime
            transmit(toReceiver: true, packet: packet, at: t,
                     ko: "\(label(packet))만 다시 보냅니다\(proto == .selectiveRepeat ? ". 다른 패킷은 건드리지 않습니다" : "").",
                     en: "Resends \(label(packet)) only\(proto == .selectiveRepeat ? "; the other packets are left alone" : "").", retransmission: true)
            startTimer(packet, at: t)
        case .goBackN:
            note("Go-Back-N: base=\(seqNumber(base))부터 보낸 모든 패킷(\(next - base)개)을 다시 보냅니다.", "Go-Back-N: resends every packet sent since base=\(seqNumber(base)) (\(next - base) packets).", endpoint: sender)
            for packet in base..<next {
                let t = max(now, linkFreeAt); linkFreeAt = t + p.transmissionTime
                transmit(toReceiver: true, packet: packet, at: t, ko: "\(label(packet))\(josa(packet, "을")) 다시 보냅니다.", en: "Resends \(label(packet)).", retransmission: true)
                if packet == base { startTimer(packet, at: t) }
            }
        }
    }

    // MARK: receiver

    func receiverGets(_ packet: Int, n: Int) {
        record(TraceEvent(t: now, kind: .deliver, n: n, from: sender, to: receiver, segment: Segment(flags: [], seq: UInt32(seqNumber(packet)), label: label(packet)), role: .data,
                          narration: Localized(ko: "수신자가 \(label(packet))\(josa(packet, "을")) 받습니다.", en: "The receiver gets \(label(packet)).")))
        switch proto {
        case .stopAndWait, .goBackN:
            if packet == expected {
                expected += 1; delivered += 1
                note("기다리던 순서의 패킷이므로 \(label(packet))\(josa(packet, "을")) 애플리케이션에 전달합니다.", "It is the expected \(label(packet)), so it is delivered to the application.", endpoint: receiver)
                transmit(toReceiver: false, packet: packet, at: now,
                         ko: proto == .goBackN ? "누적 ACK \(seqNumber(packet))\(josa(packet, "을")) 보냅니다(\(seqNumber(packet))번까지 받음)." : "ACK \(seqNumber(packet))\(josa(packet, "을")) 보냅니다.",
                         en: proto == .goBackN ? "Sends cumulative ACK \(seqNumber(packet)) (everything up to \(seqNumber(packet)) received)." : "Sends ACK \(seqNumber(packet)).")
            } else if packet < expected {
                transmit(toReceiver: false, packet: expected - 1, at: now,
                         ko: "이미 받은 \(label(packet))의 중복입니다(ACK가 손실됐을 수 있음). ACK \(seqNumber(expected - 1))\(josa(expected - 1, "을")) 다시 보냅니다.",
                         en: "A duplicate of \(label(packet)), already received (its ACK may have been lost). It re-sends ACK \(seqNumber(expected - 1)).")
            } else {
                // Go-Back-N receivers keep no buffer: out-of-order packets are discarded.
                if expected > 0 {
                    transmit(toReceiver: false, packet: expected - 1, at: now,
                             ko: "\(label(expected))\(josa(expected, "을")) 기다리는데 \(label(packet))\(josa(packet, "이")) 왔습니다. 버리고 마지막으로 순서대로 받은 ACK \(seqNumber(expected - 1))\(josa(expected - 1, "을")) 다시 보냅니다.",
                             en: "Waiting for \(label(expected)) but \(label(packet)) came: it is discarded and the last in-order ACK, ACK \(seqNumber(expected - 1)), is sent again.")
                } else {
                    note("\(label(0))\(josa(0, "을")) 기다리는데 \(label(packet))\(josa(packet, "이")) 왔습니다. 버립니다(아직 확인할 것이 없음).", "Waiting for \(label(0)) but \(label(packet)) came: discarded (nothing to acknowledge yet).", endpoint: receiver)
                }
            }
        case .selectiveRepeat:
            // Every correctly received packet in [expected - window, expected + window) is acknowledged.
            if packet >= expected && packet < expected + window {
                // Only an out-of-order packet waits in the buffer; the expected one is delivered
                // with the run it completes (the panel never shows it both expected and held).
                if packet != expected { buffered.insert(packet) }
                transmit(toReceiver: false, packet: packet, at: now,
                         ko: "\(label(packet))\(josa(packet, "을")) 받아 그 패킷만 확인하는 ACK \(seqNumber(packet))\(josa(packet, "을")) 보냅니다\(packet == expected ? "" : ". 순서가 어긋나도 버퍼에 보관합니다").",
                         en: "Acknowledges \(label(packet)) individually with ACK \(seqNumber(packet))\(packet == expected ? "" : "; although out of order, it is kept in the buffer").")
                var run: [Int] = []
                if packet == expected { run.append(expected); expected += 1; delivered += 1 }
                while buffered.contains(expected) { buffered.remove(expected); run.append(expected); expected += 1; delivered += 1 }
                if !run.isEmpty {
                    note("순서대로 이어지는 \(run.map { "\(seqNumber($0))" }.joined(separator: ", "))번을 애플리케이션에 전달합니다.",
                         "Delivers \(run.map { "\(seqNumber($0))" }.joined(separator: ", ")) to the application, in order.", endpoint: receiver)
                }
            } else if packet < expected {
                transmit(toReceiver: false, packet: packet, at: now,
                         ko: "이미 받은 \(label(packet))입니다. ACK가 손실됐을 수 있으므로 ACK \(seqNumber(packet))\(josa(packet, "을")) 다시 보냅니다.",
                         en: "\(label(packet)) was already received; its ACK may have been lost, so ACK \(seqNumber(packet)) is sent again.")
            }
        }
    }
}
