import TutorCore

/// A deterministic TCP simulation of two endpoints over a link with delay and losses. It
/// follows the event processing of RFC 9293 §3.10 for the states and segments the scenes use,
/// retransmission timing of RFC 6298, and TIME-WAIT of RFC 9293 §3.6.1.
///
/// This file: the event queue, the link and the timers. The application's calls are in
/// `TCPSimulation+Application.swift`, segment arrival by state in `TCPSimulation+Arrival.swift`,
/// the words in `TCPNarration.swift`.
public final class TCPSimulation {
    public let parameters: TCPParameters
    public let faults: Faults
    public internal(set) var events: [TraceEvent] = []
    var endpoints: [Endpoint]
    var queue: [(time: Double, order: Int, item: QueueItem)] = []
    var order = 0
    var now: Double = 0
    var transmissions = 0
    var linkFreeAt: [Double] = [0, 0]
    var rng: SeededRandom
    /// Set by a scene to have every event carry the flow-control panel of this direction.
    public var flowPanel: FlowSides?
    /// The window in the flow receiver's last segment (nil before it sent one).
    var lastAdvertised: Int?

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
        let initialFlowPanel = flowSnapshot().map(SidePanel.flowWindow)
        for e in endpoints.indices { if let r = endpoints[e].behaviour.readEvery { startTimer(e, .read, after: r.interval, silent: true) } }
        while let next = popNext() {
            if next.time > limit {
                // Said when it cuts a handshake short (every SYN lost), so the trace does not just stop.
                if endpoints.contains(where: { $0.state == .synSent || $0.state == .synReceived }) { note(Localized(ko: "장면의 시간 한도 \(Int(limit / 1000))초에 닿아 멈춥니다(gave up).",
                               en: "The scene gave up at its time limit of \(Int(limit / 1000)) s.")) }
                break
            }
            // The hard bound no caller can raise (`limit` only shortens a run).
            if next.time > SimulationBounds.maxTime || events.count >= SimulationBounds.maxEvents {
                note(Localized(ko: "시뮬레이션 한도(이벤트 \(SimulationBounds.maxEvents)개, \(Int(SimulationBounds.maxTime / 1000))초)에 닿아 멈춥니다(gave up).",
                               en: "The simulation gave up at its bound (\(SimulationBounds.maxEvents) events, \(Int(SimulationBounds.maxTime / 1000)) s)."))
                break
            }
            now = next.time
            switch next.item {
            case .app(let e, let action): perform(action, on: e)
            case .arrival(let e, let segment, let n): arrive(segment, at: e, n: n)
            case .timer(let e, let kind, let generation):
                guard endpoints[e].generations[kind.rawValue] == generation else { continue }  // cancelled or restarted
                fire(kind, on: e)
            }
            // Done when both ends rest (only the application's read clock is left).
            if endpoints.allSatisfy({ $0.state == .closed || $0.state == .listen }) && queue.allSatisfy({ if case .timer(_, .read, _) = $0.item { return true } else { return false } }) {
                if events.contains(where: { $0.kind == .state }) { break }
            }
        }
        // A panel is recorded as an event happens, before an arrival is processed; the scene's
        // last event shows how things ended (its last ACK taken in), as nothing after it will.
        if let f = flowSnapshot(), let last = events.indices.max(by: { events[$0].t < events[$1].t }) { events[last].panel = .flowWindow(f) }
        // Losses are recorded when sent but happen mid-way: order everything by time (stable).
        events = events.enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        return Trace(scene: scene, endpoints: endpoints.map(\.name), events: events, initialState: TCPState.closed.rawValue,
                     initialPanel: initialFlowPanel)
    }

    public func state(of endpoint: Int) -> TCPState { endpoints[endpoint].state }

    // MARK: queue and trace

    func push(_ t: Double, _ item: QueueItem) {
        order += 1
        queue.append((t, order, item))
    }

    /// The earliest item; items at the same time in the order they were queued.
    func popNext() -> (time: Double, order: Int, item: QueueItem)? {
        guard let i = queue.indices.min(by: { (queue[$0].time, queue[$0].order) < (queue[$1].time, queue[$1].order) }) else { return nil }
        return queue.remove(at: i)
    }

    func note(_ text: Localized, endpoint: String? = nil) {
        record(TraceEvent(t: now, kind: .note, endpoint: endpoint, narration: text))
    }

    func setState(_ e: Int, _ s: TCPState, _ text: Localized) {
        guard endpoints[e].state != s else { return }
        endpoints[e].state = s
        record(TraceEvent(t: now, kind: .state, endpoint: endpoints[e].name, state: s.rawValue, narration: text))
        if s == .closed { cancelAllTimers(e) }
    }

    // MARK: the link

    /// Transmits a segment from endpoint `e`: counts it, applies faults, schedules its arrival.
    func transmit(_ e: Int, _ segment: Segment, _ text: Localized, retransmission: Bool = false) {
        transmissions += 1
        let n = transmissions
        let other = 1 - e
        var lost = faults.drops.contains(n)
        if !lost && faults.lossRate > 0 { lost = Double(rng.next() % 1_000_000) / 1_000_000 < faults.lossRate }
        // Back-to-back segments leave one serialization time apart on each direction's link.
        let sendTime = max(now, linkFreeAt[e])
        linkFreeAt[e] = sendTime + parameters.serialization
        let arrival = sendTime + parameters.oneWayDelay
        if e == flowPanel?.receiver && !segment.flags.contains(.rst) { lastAdvertised = segment.win }
        var send = TraceEvent(t: sendTime, kind: .send, n: n, from: endpoints[e].name, to: endpoints[other].name, segment: segment,
                              arrival: lost ? sendTime + parameters.oneWayDelay / 2 : arrival, narration: text)
        send.retransmission = retransmission
        record(send)
        if lost {
            record(TraceEvent(t: sendTime + parameters.oneWayDelay / 2, kind: .drop, n: n, from: endpoints[e].name, to: endpoints[other].name,
                                     segment: segment, narration: Say.lost(segment.label)))
        } else {
            push(arrival, .arrival(endpoint: other, segment, n: n))
        }
    }

    /// An ACK with the current numbers and window, which becomes the advertised window.
    func ackSegment(_ e: Int) -> Segment {
        let ep = endpoints[e]
        endpoints[e].advertisedWindow = ep.window
        return Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, win: ep.window)
    }

    // MARK: timers

    /// Starts (or restarts) a timer: a new generation makes the queued expiry of the old one stale.
    func startTimer(_ e: Int, _ kind: TimerKind, after duration: Double, silent: Bool = false, _ text: Localized = Localized(ko: "", en: "")) {
        let g = (endpoints[e].generations[kind.rawValue] ?? 0) + 1
        endpoints[e].generations[kind.rawValue] = g
        push(now + duration, .timer(endpoint: e, kind, generation: g))
        if !silent {
            record(TraceEvent(t: now, kind: .timerStart, endpoint: endpoints[e].name, timer: kind.rawValue, duration: duration, narration: text))
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
        startTimer(e, .retransmit, after: rto, Say.retransmitTimerStarts(rto))
    }

    func fire(_ kind: TimerKind, on e: Int) {
        let name = endpoints[e].name
        switch kind {
        case .read:
            if let r = endpoints[e].behaviour.readEvery {
                readData(e, r.bytes)
                if endpoints[e].state != .closed { startTimer(e, .read, after: r.interval, silent: true) }
            }
        case .timeWait:
            record(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Say.timeWaitExpires))
            setState(e, .closed, Say.timeWaitOver)
        case .persist:
            // RFC 9293 §3.8.6.1: probe a zero window, backing off like the RTO.
            var ep = endpoints[e]
            guard ep.appToSend > 0, ep.sndWnd == 0 else { ep.persistInterval = 0; endpoints[e] = ep; return }
            record(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Say.persistExpires))
            let probe = Segment(flags: .ack, seq: ep.sndNxt, ack: ep.rcvNxt, len: 1, win: ep.window, label: "PROBE seq=\(ep.sndNxt) len=1")
            transmit(e, probe, Say.zeroWindowProbe)
            ep.persistInterval = min(ep.persistInterval * 2, parameters.maxRTO)
            endpoints[e] = ep
            startTimer(e, .persist, after: ep.persistInterval, Say.probeIntervalDoubles(ep.persistInterval))
        case .retransmit:
            guard let first = endpoints[e].retransmissionQueue.first else { return }
            record(TraceEvent(t: now, kind: .timerFire, endpoint: name, timer: kind.rawValue, narration: Say.rtoExpires(first.label)))
            if endpoints[e].retransmissions >= parameters.maxRetransmissions {
                setState(e, .closed, Say.givesUp(parameters.maxRetransmissions))
                return
            }
            endpoints[e].retransmissions += 1
            // RFC 6298 §5.5: back off the timer (double it), §5.4: retransmit the earliest unacknowledged segment.
            endpoints[e].rto = min(endpoints[e].rto * 2, parameters.maxRTO)
            var seg = first
            seg.ack = endpoints[e].rcvNxt
            seg.win = endpoints[e].window
            transmit(e, seg, Say.retransmits(seg.label), retransmission: true)
            startTimer(e, .retransmit, after: endpoints[e].rto, Say.rtoDoubles(endpoints[e].rto))
        }
    }
}
