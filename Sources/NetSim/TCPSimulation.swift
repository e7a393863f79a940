/// TCP states (RFC 9293 §3.3.2), with the RFC's spelling.
public enum TCPState: String, CaseIterable, Sendable, Hashable {
    case closed = "CLOSED", listen = "LISTEN", synSent = "SYN-SENT", synReceived = "SYN-RECEIVED"
    case established = "ESTABLISHED", finWait1 = "FIN-WAIT-1", finWait2 = "FIN-WAIT-2"
    case closeWait = "CLOSE-WAIT", closing = "CLOSING", lastAck = "LAST-ACK", timeWait = "TIME-WAIT"
}

/// Simulation parameters. Times are milliseconds of simulated time.
public struct TCPParameters: Sendable, Hashable {
    public var clientISN: UInt32 = 1000
    public var serverISN: UInt32 = 5000
    public var oneWayDelay: Double = 50
    /// RFC 6298 §2.1: the RTO starts at 1 second.
    public var initialRTO: Double = 1000
    /// RFC 6298 §2.5: a maximum may be placed on the RTO (at least 60 s).
    public var maxRTO: Double = 60000
    /// Maximum Segment Lifetime. RFC 9293 §3.4.2 uses 2 minutes; scenes scale it for viewing.
    public var msl: Double = 120_000
    public var mss: Int = 1000
    /// Time to put one segment on the link, so back-to-back segments are visibly apart.
    public var serialization: Double = 5
    public var receiveBuffer: Int = 4000
    /// Retransmissions before the connection is given up (RFC 9293 §3.8.3, R2).
    public var maxRetransmissions: Int = 5
    public init() {}
}

/// Losses to inject: by transmission ordinal (1-based, both directions) and seeded random loss.
public struct Faults: Sendable, Hashable {
    public var drops: Set<Int>
    public var lossRate: Double
    public var seed: UInt64
    public init(drops: Set<Int> = [], lossRate: Double = 0, seed: UInt64 = 1) {
        self.drops = drops; self.lossRate = lossRate; self.seed = seed
    }
}

/// What an endpoint's application asks of its socket.
public enum SocketCall: Sendable, Hashable {
    case listen
    case connect
    case send(bytes: Int)
    case close
    case read(bytes: Int)
}

/// A deterministic TCP simulation of two endpoints over a link with delay and losses. It
/// follows the event processing of RFC 9293 §3.10 for the states and segments the scenes use,
/// retransmission timing of RFC 6298, and TIME-WAIT of RFC 9293 §3.6.1.
public final class TCPSimulation {
    public let parameters: TCPParameters
    public let faults: Faults
    public private(set) var events: [TraceEvent] = []
    var endpoints: [Endpoint]
    var queue: [(time: Double, order: Int, item: QueueItem)] = []
    var order = 0
    var now: Double = 0
    var transmissions = 0
    var linkFreeAt: [Double] = [0, 0]
    var rng: SeededRandom

    /// Per-endpoint behaviour that reacts to events rather than running at a fixed time.
    public struct Behaviour: Sendable, Hashable {
        /// After reading end-of-file (the peer's FIN), close this many ms later.
        public var closeAfterEOF: Double?
        /// Application reads `bytes` every `interval` ms (flow control scenes).
        public var readEvery: (interval: Double, bytes: Int)?
        public init(closeAfterEOF: Double? = nil, readEvery: (interval: Double, bytes: Int)? = nil) {
            self.closeAfterEOF = closeAfterEOF; self.readEvery = readEvery
        }
        public static func == (a: Behaviour, b: Behaviour) -> Bool {
            a.closeAfterEOF == b.closeAfterEOF && a.readEvery?.interval == b.readEvery?.interval && a.readEvery?.bytes == b.readEvery?.bytes
        }
        public func hash(into h: inout Hasher) { h.combine(closeAfterEOF); h.combine(readEvery?.interval); h.combine(readEvery?.bytes) }
    }

    enum QueueItem {
        case app(endpoint: Int, SocketCall)
        case arrival(endpoint: Int, Segment, n: Int)
        case timer(endpoint: Int, TimerKind, generation: Int)
    }

    enum TimerKind: String { case retransmit = "RTO", timeWait = "TIME-WAIT", persist = "persist", read = "read" }

    struct Endpoint {
        var name: String
        var state: TCPState = .closed
        var iss: UInt32
        var irs: UInt32 = 0
        var sndUna: UInt32 = 0
        var sndNxt: UInt32 = 0
        var sndWnd: Int = 0
        var rcvNxt: UInt32 = 0
        var bufferCapacity: Int
        var buffered = 0
        var advertisedWindow: Int
        var outOfOrder: [UInt32: Int] = [:]
        var appToSend = 0
        var closeRequested = false
        var finSent = false
        var finAcked = false
        var retransmissionQueue: [Segment] = []
        var rto: Double
        var retransmissions = 0
        var persistInterval: Double = 0
        var generations: [String: Int] = [:]
        var behaviour: Behaviour
        var eofSeen = false

        var window: Int { max(0, bufferCapacity - buffered) }
    }

    public init(parameters: TCPParameters = TCPParameters(), faults: Faults = Faults(),
                names: (String, String) = ("client", "server"),
                behaviours: (Behaviour, Behaviour) = (Behaviour(), Behaviour())) {
        self.parameters = parameters
        self.faults = faults
        rng = SeededRandom(seed: faults.seed)
        endpoints = [
            Endpoint(name: names.0, iss: parameters.clientISN, bufferCapacity: parameters.receiveBuffer,
                     advertisedWindow: parameters.receiveBuffer, rto: parameters.initialRTO, behaviour: behaviours.0),
            Endpoint(name: names.1, iss: parameters.serverISN, bufferCapacity: parameters.receiveBuffer,
                     advertisedWindow: parameters.receiveBuffer, rto: parameters.initialRTO, behaviour: behaviours.1),
        ]
    }

    /// Schedules an application action at time `t` on endpoint 0 (client) or 1 (server).
    public func schedule(_ action: SocketCall, on endpoint: Int, at t: Double) {
        push(t, .app(endpoint: endpoint, action))
    }

    /// Runs until nothing is left to happen (or `limit` ms) and returns the trace.
    public func run(limit: Double = 3_600_000, scene: String = "") -> Trace {
        for e in endpoints.indices { if let r = endpoints[e].behaviour.readEvery { startTimer(e, .read, after: r.interval, silent: true) } }
        while let next = popNext() {
            if next.time > limit { break }
            now = next.time
            switch next.item {
            case .app(let e, let action): perform(action, on: e)
            case .arrival(let e, let segment, let n): arrive(segment, at: e, n: n)
            case .timer(let e, let kind, let generation):
                guard endpoints[e].generations[kind.rawValue] == generation else { continue }
                fire(kind, on: e)
            }
            if endpoints.allSatisfy({ $0.state == .closed || $0.state == .listen }) && queue.allSatisfy({ if case .timer(_, .read, _) = $0.item { return true } else { return false } }) {
                if events.contains(where: { $0.kind == .state }) { break }
            }
        }
        // Losses are recorded when sent but happen mid-way: order everything by time (stable).
        events = events.enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        return Trace(scene: scene, endpoints: endpoints.map(\.name), events: events)
    }

    public func state(of endpoint: Int) -> TCPState { endpoints[endpoint].state }

    // MARK: queue

    func push(_ t: Double, _ item: QueueItem) {
        order += 1
        queue.append((t, order, item))
    }

    func popNext() -> (time: Double, order: Int, item: QueueItem)? {
        guard let i = queue.indices.min(by: { (queue[$0].time, queue[$0].order) < (queue[$1].time, queue[$1].order) }) else { return nil }
        return queue.remove(at: i)
    }

    func note(_ ko: String, _ en: String, endpoint: String? = nil) {
        events.append(TraceEvent(t: now, kind: .note, endpoint: endpoint, narration: Narration(ko: ko, en: en)))
    }

    func setState(_ e: Int, _ s: TCPState, _ ko: String, _ en: String) {
        guard endpoints[e].state != s else { return }
        endpoints[e].state = s
        events.append(TraceEvent(t: now, kind: .state, endpoint: endpoints[e].name, state: s.rawValue, narration: Narration(ko: ko, en: en)))
        if s == .closed { cancelAllTimers(e) }
    }

    // MARK: timers

    func startTimer(_ e: Int, _ kind: TimerKind, after duration: Double, silent: Bool = false, ko: String = "", en: String = "") {
        let g = (endpoints[e].generations[kind.rawValue] ?? 0) + 1
        endpoints[e].generations[kind.rawValue] = g
        push(now + duration, .timer(endpoint: e, kind, generation: g))
        if !silent {
            events.append(TraceEvent(t: now, kind: .timerStart, endpoint: endpoints[e].name, timer: kind.rawValue, duration: duration,
                                     narration: Narration(ko: ko, en: en)))
        }
    }

    func cancelTimer(_ e: Int, _ kind: TimerKind) {
        endpoints[e].generations[kind.rawValue, default: 0] += 1
    }

    func cancelAllTimers(_ e: Int) {
        for k in [TimerKind.retransmit, .timeWait, .persist] { cancelTimer(e, k) }
    }

    func restartRetransmitTimer(_ e: Int) {
        let rto = endpoints[e].rto
        startTimer(e, .retransmit, after: rto,
                   ko: "재전송 타이머(RTO \(ms(rto)))를 시작합니다. 이 시간 안에 ACK가 없으면 다시 보냅니다(RFC 6298 5.1절).",
                   en: "The retransmission timer starts (RTO \(ms(rto))). Without an ACK in that time, the segment is sent again (RFC 6298 Section 5.1).")
    }

    // MARK: sending

    /// Transmits a segment from endpoint `e`: counts it, applies faults, schedules its arrival.
    func transmit(_ e: Int, _ segment: Segment, ko: String, en: String) {
        transmissions += 1
        let n = transmissions
        let other = 1 - e
        var lost = faults.drops.contains(n)
        if !lost && faults.lossRate > 0 { lost = Double(rng.next() % 1_000_000) / 1_000_000 < faults.lossRate }
        // Back-to-back segments leave one serialization time apart on each direction's link.
        let sendTime = max(now, linkFreeAt[e])
        linkFreeAt[e] = sendTime + parameters.serialization
        let arrival = sendTime + parameters.oneWayDelay
        events.append(TraceEvent(t: sendTime, kind: .send, n: n, from: endpoints[e].name, to: endpoints[other].name, segment: segment,
                                 arrival: lost ? sendTime + parameters.oneWayDelay / 2 : arrival, narration: Narration(ko: ko, en: en)))
        if lost {
            events.append(TraceEvent(t: sendTime + parameters.oneWayDelay / 2, kind: .drop, n: n, from: endpoints[e].name, to: endpoints[other].name,
                                     segment: segment, narration: Narration(
                                        ko: "\(segment.label) 세그먼트가 링크에서 사라집니다. 받는 쪽은 이 세그먼트가 있었다는 것조차 모릅니다.",
                                        en: "\(segment.label) is lost on the link. The receiver never learns it existed.")))
        } else {
            push(arrival, .arrival(endpoint: other, segment, n: n))
        }
    }

    func ackSegment(_ e: Int) -> Segment {
        let ep = endpoints[e]
        endpoints[e].advertisedWindow = ep.window
        return Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, win: ep.window)
    }

    /// Sends queued data (within the peer's window) and then a FIN once everything is sent.
    func pump(_ e: Int) {
        var ep = endpoints[e]
        guard [.established, .closeWait].contains(ep.state) else { return }
        let inFlight = Int(ep.sndNxt &- ep.sndUna)
        var usable = ep.sndWnd - inFlight
        while ep.appToSend > 0 && usable > 0 {
            let len = min(parameters.mss, ep.appToSend, usable)
            let seg = Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, len: len, win: ep.window)
            ep.sndNxt = ep.sndNxt &+ UInt32(len)
            ep.appToSend -= len
            usable -= len
            ep.retransmissionQueue.append(seg)
            endpoints[e] = ep
            transmit(e, seg, ko: "\(len)바이트 데이터를 보냅니다. 상대 윈도우 안에서만 보낼 수 있습니다(남은 윈도우 \(usable)바이트).",
                     en: "Sends \(len) bytes of data. Only data inside the peer's window may be sent (\(usable) bytes of window left).")
            if ep.retransmissionQueue.count == 1 { restartRetransmitTimer(e) }
            ep = endpoints[e]
        }
        if ep.appToSend > 0 && ep.sndWnd == 0 && inFlight == 0 && ep.persistInterval == 0 {
            endpoints[e].persistInterval = ep.rto
            startTimer(e, .persist, after: ep.rto,
                       ko: "상대 윈도우가 0이라 보낼 수 없습니다. persist 타이머로 나중에 zero-window probe를 보냅니다(RFC 9293 3.8.6.1절).",
                       en: "The peer's window is 0, so nothing may be sent. The persist timer will send a zero-window probe later (RFC 9293 Section 3.8.6.1).")
        }
        if ep.closeRequested && ep.appToSend == 0 && !ep.finSent { sendFIN(e) }
    }

    func sendFIN(_ e: Int) {
        var ep = endpoints[e]
        let fin = Segment(flags: [.fin, .ack], seq: ep.sndNxt, ack: ep.rcvNxt, win: ep.window)
        ep.sndNxt = ep.sndNxt &+ 1
        ep.finSent = true
        ep.retransmissionQueue.append(fin)
        endpoints[e] = ep
        let active = ep.state == .established
        transmit(e, fin, ko: active ? "보낼 데이터가 끝나 FIN을 보냅니다. 먼저 닫는 쪽(active close)입니다." : "상대가 이미 닫았고 이쪽 애플리케이션도 close()를 불러 FIN을 보냅니다(passive close).",
                 en: active ? "No more data to send, so it sends a FIN. This side closes first (active close)." : "The peer already closed and this application has called close(), so it sends its FIN (passive close).")
        if active {
            setState(e, .finWait1, "FIN을 보냈고 그 ACK를 기다립니다.", "FIN sent; waiting for its ACK.")
        } else {
            setState(e, .lastAck, "자기 FIN에 대한 마지막 ACK만 기다립니다.", "Waiting only for the ACK of its own FIN.")
        }
        if endpoints[e].retransmissionQueue.count == 1 { restartRetransmitTimer(e) }
    }

    // MARK: application

    func perform(_ action: SocketCall, on e: Int) {
        let name = endpoints[e].name
        switch action {
        case .listen:
            setState(e, .listen, "\(name)가 passive open(listen())을 하고 SYN을 기다립니다.", "\(name) does a passive open (listen()) and waits for a SYN.")
        case .connect:
            var ep = endpoints[e]
            ep.sndUna = ep.iss
            ep.sndNxt = ep.iss &+ 1
            let syn = Segment(flags: .syn, seq: ep.iss, win: ep.window)
            ep.retransmissionQueue = [syn]
            endpoints[e] = ep
            transmit(e, syn, ko: "active open: 자신의 ISN \(ep.iss)를 담은 SYN을 보냅니다. SYN은 sequence number 하나를 차지합니다(RFC 9293 3.4절).",
                     en: "Active open: sends a SYN carrying its ISN \(ep.iss). The SYN occupies one sequence number (RFC 9293 Section 3.4).")
            setState(e, .synSent, "SYN을 보냈고 SYN+ACK를 기다립니다.", "SYN sent; waiting for a SYN+ACK.")
            restartRetransmitTimer(e)
        case .send(let bytes):
            endpoints[e].appToSend += bytes
            note("\(name)의 애플리케이션이 \(bytes)바이트를 write()합니다.", "\(name)'s application writes \(bytes) bytes.", endpoint: name)
            pump(e)
        case .close:
            note("\(name)의 애플리케이션이 close()를 호출합니다.", "\(name)'s application calls close().", endpoint: name)
            switch endpoints[e].state {
            case .listen, .synSent:
                setState(e, .closed, "연결이 만들어지기 전에 닫혀 바로 CLOSED입니다.", "Closed before a connection existed: straight to CLOSED.")
            case .established, .closeWait:
                endpoints[e].closeRequested = true
                pump(e)
            default: break
            }
        case .read(let bytes):
            readData(e, bytes)
        }
    }

    func readData(_ e: Int, _ bytes: Int) {
        let take = min(bytes, endpoints[e].buffered)
        guard take > 0 else { return }
        let before = endpoints[e].advertisedWindow
        endpoints[e].buffered -= take
        let name = endpoints[e].name
        note("\(name)의 애플리케이션이 \(take)바이트를 읽어 수신 버퍼에 \(endpoints[e].window)바이트 공간이 생깁니다.",
             "\(name)'s application reads \(take) bytes; the receive buffer now has \(endpoints[e].window) bytes free.", endpoint: name)
        // Window update only when it opens by at least one MSS or half the buffer (SWS
        // avoidance, RFC 9293 §3.8.6.2.2), so the receiver does not advertise tiny windows.
        let opened = endpoints[e].window - before
        if [.established, .finWait1, .finWait2].contains(endpoints[e].state),
           opened >= min(parameters.mss, endpoints[e].bufferCapacity / 2) {
            transmit(e, ackSegment(e), ko: "윈도우가 충분히 열려 window update(ACK win=\(endpoints[e].window))를 보냅니다.",
                     en: "The window opened enough, so it sends a window update (ACK win=\(endpoints[e].window)).")
        }
    }

    // MARK: timers firing

    func fire(_ kind: TimerKind, on e: Int) {
        let name = endpoints[e].name
        switch kind {
        case .read:
            if let r = endpoints[e].behaviour.readEvery {
                readData(e, r.bytes)
                if endpoints[e].state != .closed { startTimer(e, .read, after: r.interval, silent: true) }
            }
        case .timeWait:
            events.append(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Narration(
                ko: "2 x MSL이 지나 옛 세그먼트가 모두 사라졌다고 봅니다.", en: "2 x MSL has passed; old duplicates are assumed gone.")))
            setState(e, .closed, "TIME-WAIT가 끝나 연결 정보를 지웁니다.", "TIME-WAIT is over and the connection record is deleted.")
        case .persist:
            var ep = endpoints[e]
            guard ep.appToSend > 0, ep.sndWnd == 0 else { ep.persistInterval = 0; endpoints[e] = ep; return }
            events.append(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Narration(
                ko: "persist 타이머가 만료되었습니다.", en: "The persist timer expires.")))
            let probe = Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, len: 1, win: ep.window, label: "PROBE seq=\(ep.sndNxt) len=1")
            transmit(e, probe, ko: "zero-window probe: 1바이트를 보내 상대가 현재 윈도우를 담은 ACK로 답하게 합니다. 윈도우 갱신 ACK가 유실돼도 교착되지 않습니다.",
                     en: "Zero-window probe: one byte that makes the peer answer with an ACK carrying its current window, so a lost window update cannot deadlock the connection.")
            ep.persistInterval = min(ep.persistInterval * 2, parameters.maxRTO)
            endpoints[e] = ep
            startTimer(e, .persist, after: ep.persistInterval,
                       ko: "다음 probe까지의 간격을 두 배(\(ms(ep.persistInterval)))로 늘립니다.", en: "The interval to the next probe doubles (\(ms(ep.persistInterval))).")
        case .retransmit:
            guard let first = endpoints[e].retransmissionQueue.first else { return }
            events.append(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Narration(
                ko: "RTO가 만료되었습니다. \(first.label)에 대한 ACK가 오지 않았습니다.", en: "The RTO expires: no ACK came for \(first.label).")))
            if endpoints[e].retransmissions >= parameters.maxRetransmissions {
                setState(e, .closed, "재전송을 \(parameters.maxRetransmissions)번 해도 응답이 없어 연결을 포기합니다(RFC 9293 3.8.3절).",
                         "No answer after \(parameters.maxRetransmissions) retransmissions: the connection is given up (RFC 9293 Section 3.8.3).")
                return
            }
            endpoints[e].retransmissions += 1
            // RFC 6298 §5.5: back off the timer (double it), §5.4: retransmit the earliest unacknowledged segment.
            endpoints[e].rto = min(endpoints[e].rto * 2, parameters.maxRTO)
            var seg = first
            seg.ack = endpoints[e].rcvNxt
            seg.win = endpoints[e].window
            transmit(e, seg, ko: "가장 오래된 미확인 세그먼트 \(seg.label)\(josa(label: seg.label, "을")) 다시 보냅니다(RFC 6298 5.4절).",
                     en: "Retransmits the earliest unacknowledged segment, \(seg.label) (RFC 6298 Section 5.4).")
            startTimer(e, .retransmit, after: endpoints[e].rto,
                       ko: "RTO를 두 배인 \(ms(endpoints[e].rto))로 늘려 다시 시작합니다(지수 백오프, RFC 6298 5.5절).",
                       en: "The RTO doubles to \(ms(endpoints[e].rto)) and restarts (exponential backoff, RFC 6298 Section 5.5).")
        }
    }

    // MARK: segment arrival (RFC 9293 §3.10.7)

    func arrive(_ seg: Segment, at e: Int, n: Int) {
        let name = endpoints[e].name, other = endpoints[1 - e].name
        events.append(TraceEvent(t: now, kind: .deliver, n: n, from: other, to: name, segment: seg, narration: Narration(
            ko: "\(name)\(josa(label: name, "이")) \(seg.label)\(josa(label: seg.label, "을")) 받습니다.", en: "\(name) receives \(seg.label).")))
        let ep = endpoints[e]
        switch ep.state {
        case .closed:
            // §3.10.7.1: anything but a RST to a closed port is answered with a RST.
            guard !seg.flags.contains(.rst) else { return }
            let rst = seg.flags.contains(.ack)
                ? Segment(flags: .rst, seq: seg.ack)
                : Segment(flags: [.rst, .ack], seq: 0, ack: seg.seq &+ seg.seqLength)
            transmit(e, rst, ko: "이 포트에는 연결이 없습니다(CLOSED). RST로 답합니다(RFC 9293 3.10.7.1절).",
                     en: "No connection exists here (CLOSED), so it answers with a RST (RFC 9293 Section 3.10.7.1).")
        case .listen:
            if seg.flags.contains(.rst) { return }
            if seg.flags.contains(.ack) {
                transmit(e, Segment(flags: .rst, seq: seg.ack), ko: "LISTEN에서 ACK는 받을 수 없어 RST로 답합니다.", en: "An ACK is not acceptable in LISTEN; it answers with a RST.")
                return
            }
            guard seg.flags.contains(.syn) else { return }
            var ep = endpoints[e]
            ep.irs = seg.seq
            ep.rcvNxt = seg.seq &+ 1
            ep.sndWnd = seg.win
            ep.sndUna = ep.iss
            ep.sndNxt = ep.iss &+ 1
            let synAck = Segment(flags: [.syn, .ack], seq: ep.iss, ack: ep.rcvNxt, win: ep.window)
            ep.retransmissionQueue = [synAck]
            endpoints[e] = ep
            transmit(e, synAck, ko: "상대 ISN \(seg.seq)를 기록하고 ack=\(ep.rcvNxt)(ISN + 1)로 확인하면서 자신의 ISN \(ep.iss)를 담은 SYN+ACK를 보냅니다(RFC 9293 3.10.7.2절).",
                     en: "Records the peer's ISN \(seg.seq), acknowledges it with ack=\(ep.rcvNxt) (ISN + 1) and sends its own ISN \(ep.iss) in a SYN+ACK (RFC 9293 Section 3.10.7.2).")
            setState(e, .synReceived, "SYN을 받고 SYN+ACK를 보냈습니다. 자기 SYN에 대한 ACK를 기다립니다.", "Got a SYN and sent SYN+ACK; waiting for the ACK of its own SYN.")
            restartRetransmitTimer(e)
        case .synSent:
            synSentArrival(seg, at: e)
        default:
            synchronizedArrival(seg, at: e)
        }
    }

    /// RFC 9293 §3.10.7.3.
    func synSentArrival(_ seg: Segment, at e: Int) {
        var ep = endpoints[e]
        if seg.flags.contains(.ack) && (seg.ack == ep.iss || !inWindow(seg.ack, after: ep.iss, upTo: ep.sndNxt)) {
            if !seg.flags.contains(.rst) {
                transmit(e, Segment(flags: .rst, seq: seg.ack), ko: "방금 보내지 않은 SYN에 대한 ACK입니다(옛 중복). RST로 거절합니다.",
                         en: "This acknowledges a SYN it did not just send (an old duplicate), so it rejects it with a RST.")
            }
            return
        }
        if seg.flags.contains(.rst) {
            if seg.flags.contains(.ack) {
                setState(e, .closed, "RST를 받았습니다: 상대 포트에 연결이 없습니다(connection refused).", "RST received: nothing listens on the peer's port (connection refused).")
            }
            return
        }
        guard seg.flags.contains(.syn) else { return }
        ep.irs = seg.seq
        ep.rcvNxt = seg.seq &+ 1
        ep.sndWnd = seg.win
        if seg.flags.contains(.ack) {
            ep.sndUna = seg.ack
            ep.retransmissionQueue.removeAll()
            ep.retransmissions = 0
            endpoints[e] = ep
            cancelTimer(e, .retransmit)
            transmit(e, ackSegment(e), ko: "SYN+ACK로 자기 SYN이 확인되었습니다. 상대 ISN \(seg.seq)에 ack=\(ep.rcvNxt)로 답하면 3-way handshake가 끝납니다.",
                     en: "The SYN+ACK confirms its SYN. Answering the peer's ISN \(seg.seq) with ack=\(ep.rcvNxt) completes the 3-way handshake.")
            setState(e, .established, "양쪽 ISN을 모두 주고받고 확인했습니다. 데이터를 보낼 수 있습니다.", "Both ISNs have been sent and acknowledged; data may flow.")
            pump(e)
        } else {
            // Simultaneous open (Figure 7): answer with SYN+ACK and go to SYN-RECEIVED.
            let synAck = Segment(flags: [.syn, .ack], seq: ep.iss, ack: ep.rcvNxt, win: ep.window)
            ep.retransmissionQueue = [synAck]
            endpoints[e] = ep
            transmit(e, synAck, ko: "상대도 SYN을 보냈습니다(동시 open). 자기 ISN을 다시 담은 SYN+ACK로 답합니다.",
                     en: "The peer also sent a SYN (simultaneous open). It answers with a SYN+ACK carrying its ISN again.")
            setState(e, .synReceived, "동시 open: 자기 SYN의 ACK를 기다립니다.", "Simultaneous open: waiting for the ACK of its SYN.")
        }
    }

    /// RFC 9293 §3.10.7.4, for SYN-RECEIVED and every synchronized state.
    func synchronizedArrival(_ seg: Segment, at e: Int) {
        let name = endpoints[e].name
        // TIME-WAIT: the only thing that can arrive is a retransmission of the peer's FIN.
        // Acknowledge it and restart the 2 MSL timeout (§3.10.7.4, eighth step).
        if endpoints[e].state == .timeWait {
            if seg.flags.contains(.fin) {
                transmit(e, ackSegment(e), ko: "TIME-WAIT에서 재전송된 FIN을 받았습니다. 마지막 ACK가 유실된 것이므로 ACK를 다시 보냅니다.",
                         en: "A retransmitted FIN arrives in TIME-WAIT: the last ACK was lost, so it sends the ACK again.")
                startTimer(e, .timeWait, after: 2 * parameters.msl,
                           ko: "2 x MSL 타이머를 처음부터 다시 시작합니다(RFC 9293 3.10.7.4절).", en: "The 2 x MSL timer restarts from zero (RFC 9293 Section 3.10.7.4).")
            }
            return
        }
        if seg.flags.contains(.rst) {
            setState(e, .closed, "RST를 받아 연결을 즉시 끊습니다(connection reset).", "RST received: the connection is aborted (connection reset).")
            return
        }
        var ep = endpoints[e]
        // Sequence check (§3.10.7.4, first step): data or FIN must start at RCV.NXT.
        let occupies = seg.seqLength > 0
        if occupies && seg.seq != ep.rcvNxt {
            if seg.len > 0 && inWindow(seg.seq, after: ep.rcvNxt, upTo: ep.rcvNxt &+ UInt32(ep.window)) && !seg.flags.contains(.fin) && ep.window > 0 {
                ep.outOfOrder[seg.seq] = seg.len
                endpoints[e] = ep
                transmit(e, ackSegment(e), ko: "순서가 어긋난 세그먼트입니다. 버퍼에 보관하고 아직 기다리는 번호 ack=\(ep.rcvNxt)로 중복 ACK를 보냅니다.",
                         en: "Out of order: it keeps the segment and sends a duplicate ACK for the number it still expects, ack=\(ep.rcvNxt).")
            } else {
                transmit(e, ackSegment(e), ko: "기대한 번호가 아닙니다(seq=\(seg.seq), 기대 \(ep.rcvNxt)). 버리고 현재 상태를 담은 ACK를 보냅니다.",
                         en: "Not the expected number (seq=\(seg.seq), expected \(ep.rcvNxt)): it is dropped and an ACK with the current state is sent.")
            }
            return
        }
        // Zero window: a probe's data cannot be accepted, but it is answered with the window.
        if seg.len > 0 && ep.window == 0 {
            transmit(e, ackSegment(e), ko: "수신 윈도우가 0이라 데이터를 받을 수 없습니다. 현재 윈도우(0)를 담은 ACK로 답합니다.",
                     en: "The receive window is 0, so the data cannot be accepted; it answers with an ACK carrying the current window (0).")
            return
        }
        // ACK processing (fifth step).
        if seg.flags.contains(.ack) {
            if ep.state == .synReceived {
                if inWindow(seg.ack, after: ep.sndUna, upTo: ep.sndNxt) {
                    setState(e, .established, "자기 SYN이 확인되었습니다. 연결이 열렸습니다.", "Its SYN is acknowledged; the connection is open.")
                    ep = endpoints[e]
                } else {
                    transmit(e, Segment(flags: .rst, seq: seg.ack), ko: "받을 수 없는 ACK라 RST로 답합니다.", en: "Unacceptable ACK: it answers with a RST.")
                    return
                }
            }
            if inWindow(seg.ack, after: ep.sndUna, upTo: ep.sndNxt) {
                ep.sndUna = seg.ack
                ep.retransmissionQueue.removeAll { !inWindow($0.seq &+ $0.seqLength, after: seg.ack, upTo: ep.sndNxt) || ($0.seq &+ $0.seqLength) == seg.ack }
                ep.retransmissions = 0
                if ep.finSent && seg.ack == ep.sndNxt { ep.finAcked = true }
                endpoints[e] = ep
                if ep.retransmissionQueue.isEmpty { cancelTimer(e, .retransmit) } else { restartRetransmitTimer(e) }
            }
            let oldWindow = ep.sndWnd
            endpoints[e].sndWnd = seg.win
            if seg.win > 0 && oldWindow == 0 {
                endpoints[e].persistInterval = 0
                cancelTimer(e, .persist)
                note("\(name): 상대 윈도우가 \(seg.win)바이트로 열렸습니다. 다시 보낼 수 있습니다.", "\(name): the peer's window opened to \(seg.win) bytes; sending can resume.", endpoint: name)
            }
            ep = endpoints[e]
            switch ep.state {
            case .finWait1 where ep.finAcked:
                setState(e, .finWait2, "자기 FIN이 확인되었습니다. 이제 상대의 FIN을 기다립니다(상대는 아직 데이터를 보낼 수 있습니다).",
                         "Its FIN is acknowledged. Now it waits for the peer's FIN (the peer may still send data).")
            case .closing where ep.finAcked:
                enterTimeWait(e)
            case .lastAck where ep.finAcked:
                setState(e, .closed, "마지막 ACK를 받았습니다. 연결이 완전히 닫혔습니다.", "The last ACK arrived; the connection is fully closed.")
                return
            default: break
            }
        }
        ep = endpoints[e]
        // Data (seventh step).
        var sendAck = false
        if seg.len > 0, [.established, .finWait1, .finWait2].contains(ep.state) {
            let take = min(seg.len, ep.window)
            ep.rcvNxt = ep.rcvNxt &+ UInt32(take)
            ep.buffered += take
            while let len = ep.outOfOrder.removeValue(forKey: ep.rcvNxt) {  // fill the gap with held segments
                ep.rcvNxt = ep.rcvNxt &+ UInt32(len); ep.buffered += len
            }
            endpoints[e] = ep
            sendAck = true
        }
        // FIN (eighth step).
        if seg.flags.contains(.fin) && seg.seq &+ UInt32(seg.len) == ep.rcvNxt {
            ep.rcvNxt = ep.rcvNxt &+ 1
            ep.eofSeen = true
            endpoints[e] = ep
            transmit(e, ackSegment(e), ko: "상대의 FIN을 ack=\(ep.rcvNxt)로 확인합니다. FIN도 sequence number 하나를 차지합니다.",
                     en: "Acknowledges the peer's FIN with ack=\(ep.rcvNxt); a FIN also occupies one sequence number.")
            sendAck = false
            switch ep.state {
            case .synReceived, .established:
                setState(e, .closeWait, "상대가 더 보낼 것이 없다고 알렸습니다. 애플리케이션이 close()를 부를 때까지 기다립니다(read()는 0을 반환).",
                         "The peer has no more data. It waits for its application to call close() (read() returns 0).")
                if let delay = ep.behaviour.closeAfterEOF { schedule(.close, on: e, at: now + delay) }
            case .finWait1:
                setState(e, .closing, "동시 종료: 자기 FIN의 ACK를 아직 못 받은 채 상대 FIN을 받았습니다.", "Simultaneous close: the peer's FIN arrived before the ACK of its own FIN.")
            case .finWait2:
                enterTimeWait(e)
            default: break
            }
        }
        if sendAck {
            transmit(e, ackSegment(e), ko: "데이터를 받아 ack=\(endpoints[e].rcvNxt), 남은 버퍼 win=\(endpoints[e].window)로 확인합니다.",
                     en: "Data received: acknowledges with ack=\(endpoints[e].rcvNxt) and the free buffer, win=\(endpoints[e].window).")
        }
        pump(e)
    }

    func enterTimeWait(_ e: Int) {
        setState(e, .timeWait, "먼저 닫은 쪽이 TIME-WAIT에 들어갑니다. 마지막 ACK가 유실되면 다시 보내고, 옛 세그먼트가 사라지기를 기다립니다.",
                 "The side that closed first enters TIME-WAIT: it can re-send a lost final ACK, and old duplicates die out.")
        cancelTimer(e, .retransmit)
        startTimer(e, .timeWait, after: 2 * parameters.msl,
                   ko: "2 x MSL(\(ms(2 * parameters.msl))) 타이머를 시작합니다(RFC 9293 3.6.1절).", en: "Starts the 2 x MSL timer (\(ms(2 * parameters.msl))) (RFC 9293 Section 3.6.1).")
    }

    /// `x` is in (after, upTo] in sequence space (mod 2^32).
    func inWindow(_ x: UInt32, after: UInt32, upTo: UInt32) -> Bool {
        let d = x &- after, span = upTo &- after
        return d > 0 && d <= span
    }
}

/// The particle after a label: by its final digit, or by its final letter read in English
/// ("client" ends in 트: no final consonant; "server" in 버; "TCP server" likewise).
func josa(label: String, _ withFinal: String) -> String {
    if let last = label.last, let d = last.wholeNumberValue { return josa(d, withFinal) }
    let consonantEndings: Set<Character> = ["n", "m", "l", "N", "M", "L"]
    if let last = label.last, consonantEndings.contains(last) { return withFinal }
    return ["을": "를", "이": "가", "은": "는"][withFinal] ?? withFinal
}

/// "1 s", "250 ms".
func ms(_ v: Double) -> String {
    if v >= 1000 && v.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(v / 1000)) s" }
    if v >= 1000 { return "\(Double(Int(v / 100)) / 10) s" }
    return "\(Int(v)) ms"
}
