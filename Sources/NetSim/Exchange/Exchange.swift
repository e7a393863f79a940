import TutorCore

/// A message of an exchange scene: what the protocol calls it (`kind`: what the endpoints
/// react to, and what predict mode asks for), the arrow's label (the kind, then its details,
/// so a shortened label still names it), its colour, and the narration of its sending and
/// (optionally) of its arrival.
public struct ExchangeMessage: Sendable, Hashable {
    public var kind: String
    public var label: String
    public var role: MessageRole
    public var narration: Localized
    public var arrivalNarration: Localized?
    /// Whatever the scene's reactions need to know about it (a stream id, a TTL, a token).
    public var info: [String: String]

    public init(_ kind: String, detail: String? = nil, role: MessageRole = .data, narration: Localized,
                onArrival: Localized? = nil, info: [String: String] = [:]) {
        precondition(!kind.isEmpty && !kind.contains(" "), "a message kind is one word: predict mode asks for it")
        self.kind = kind; label = detail.map { "\(kind) \($0)" } ?? kind; self.role = role; self.narration = narration
        arrivalNarration = onArrival; self.info = info
    }
}

/// A deterministic message-passing simulation for the scenes whose protocol is a dialogue of
/// named messages (TLS, QUIC, DNS, DHCP, ARP, CORS, WebSocket): lanes, one-way delays, losses
/// by transmission ordinal (`--drop`), timers, and the endpoints' reactions to each arrival.
/// The scene's code is its protocol: `onArrival` decides what an endpoint sends back, so a
/// rule ("the client sends application data only after the server's Finished") is a property
/// of the run that a test can check, not a line of a script.
public final class Exchange {
    public struct Arrival {
        public let message: ExchangeMessage
        public let from: String
        public let to: String
        /// Its transmission ordinal (nil for a call inside one process, which is not on the wire).
        public let n: Int?
    }

    public let scene: String
    public let lanes: [String]
    /// One-way delay in ms between two lanes (the same both ways).
    public var delay: (String, String) -> Double
    public let drops: Set<Int>
    /// Whether a message between two lanes crosses the network. A page script and its browser
    /// are one process: their calls take no ordinal and are never lost, so `--drop N` and the
    /// player's `d` count only the packets.
    public var onWire: (String, String) -> Bool = { _, _ in true }
    /// What an endpoint does when a message reaches it.
    public var onArrival: (Arrival, Exchange) -> Void = { _, _ in }
    /// The current simulated time in ms.
    public private(set) var now: Double = 0
    public private(set) var events: [TraceEvent] = []
    /// Every message that arrived, in order (what tests and reactions query).
    public private(set) var arrivals: [Arrival] = []

    /// How the transport below recovers a lost message (TCP's retransmission timer): sent
    /// again `after` ms after it left, with the timeout doubled for the next loss (RFC 6298
    /// §5.5). The acknowledgments that would cancel the timer are not drawn.
    public struct Recovery {
        public var after: Double
        public var narration: Localized
        public init(after: Double, narration: Localized) { self.after = after; self.narration = narration }
    }

    private enum Action {
        case send(ExchangeMessage, from: String, to: String, retransmission: Bool, recovery: Recovery?)
        case arrive(Arrival), fire(Int), run(() -> Void)
    }
    private var queue: [(time: Double, order: Int, action: Action)] = []
    private var order = 0
    private var sent = 0
    private var timers: [Int: (name: String, lane: String, narration: Localized, fire: () -> Void)] = [:]
    private var nextTimer = 0

    public init(scene: String, lanes: [String], drops: Set<Int> = [], delay: @escaping (String, String) -> Double) {
        self.scene = scene; self.lanes = lanes; self.drops = drops; self.delay = delay
    }

    /// Sends `message` from `from` to `to`, `after` ms from now. Returns nothing: the ordinal
    /// is given when it leaves, in time order, so `--drop N` means the N-th message on the wire.
    public func send(_ message: ExchangeMessage, from: String, to: String, after: Double = 0, retransmission: Bool = false,
                     recovery: Recovery? = nil) {
        enqueue(now + after, .send(message, from: from, to: to, retransmission: retransmission, recovery: recovery))
    }

    /// A margin note on `lane` (a state or a fact), now or `after` ms from now.
    public func state(_ lane: String, _ state: String, _ narration: Localized, after: Double = 0) {
        enqueue(now + after, .run { [unowned self] in
            events.append(TraceEvent(t: now, kind: .state, endpoint: lane, state: state, narration: narration))
        })
    }

    /// A narration step with no message (what an endpoint concludes or decides).
    public func note(_ lane: String, _ narration: Localized, after: Double = 0) {
        enqueue(now + after, .run { [unowned self] in
            events.append(TraceEvent(t: now, kind: .note, endpoint: lane, narration: narration))
        })
    }

    /// Runs `body` `after` ms from now (an application's next call).
    public func at(after: Double, _ body: @escaping () -> Void) { enqueue(now + after, .run(body)) }

    /// Starts a timer on `lane`; `fire` runs when it expires unless `cancel` is called first.
    @discardableResult
    public func startTimer(_ name: String, on lane: String, duration: Double, narration: Localized,
                           firing: Localized, fire: @escaping () -> Void) -> Int {
        nextTimer += 1
        let id = nextTimer
        events.append(TraceEvent(t: now, kind: .timerStart, endpoint: lane, timer: name, duration: duration, narration: narration))
        timers[id] = (name, lane, firing, fire)
        enqueue(now + duration, .fire(id))
        return id
    }

    public func cancel(_ timer: Int?) {
        if let timer { timers[timer] = nil }
    }

    /// Runs to the end (or to `SimulationBounds`) and returns the trace.
    public func run() -> Trace {
        while !queue.isEmpty {
            let i = queue.indices.min { (queue[$0].time, queue[$0].order) < (queue[$1].time, queue[$1].order) }!
            let item = queue.remove(at: i)
            if item.time > SimulationBounds.maxTime || events.count >= SimulationBounds.maxEvents {
                events.append(TraceEvent(t: now, kind: .note, narration: Localized(
                    ko: "시뮬레이션 한도(이벤트 \(SimulationBounds.maxEvents)개, \(Int(SimulationBounds.maxTime / 1000))초)에 닿아 멈춥니다.",
                    en: "The simulation gave up at its bound (\(SimulationBounds.maxEvents) events, \(Int(SimulationBounds.maxTime / 1000)) s).")))
                break
            }
            now = item.time
            switch item.action {
            case let .send(m, from, to, retransmission, recovery):
                let wire = onWire(from, to)
                if wire { sent += 1 }
                let lost = wire && drops.contains(sent)
                let oneWay = delay(from, to)
                var e = TraceEvent(t: now, kind: .send, n: wire ? sent : nil, from: from, to: to, label: m.label, role: m.role,
                                   arrival: now + (lost ? oneWay / 2 : oneWay), narration: m.narration)
                e.retransmission = retransmission
                events.append(e)
                if lost {
                    let n = sent
                    enqueue(now + oneWay / 2, .run { [unowned self] in
                        events.append(TraceEvent(t: now, kind: .drop, n: n, from: from, to: to, label: m.label, role: m.role, narration: Localized(
                            ko: "\(m.kind)\(josa(label: m.kind, "이")) 가는 길에 사라집니다(--drop \(n)).",
                            en: "\(m.kind) is lost on the way (--drop \(n)).")))
                    })
                    if let recovery {
                        var again = m
                        again.narration = recovery.narration
                        let next = Recovery(after: recovery.after * 2, narration: recovery.narration)
                        enqueue(now + recovery.after, .send(again, from: from, to: to, retransmission: true, recovery: next))
                    }
                } else {
                    enqueue(now + oneWay, .arrive(Arrival(message: m, from: from, to: to, n: wire ? sent : nil)))
                }
            case .arrive(let a):
                arrivals.append(a)
                events.append(TraceEvent(t: now, kind: .deliver, n: a.n, from: a.from, to: a.to, label: a.message.label, role: a.message.role,
                                         narration: a.message.arrivalNarration ?? Localized(
                                            ko: "\(koreanLaneName(a.to))\(josa(label: koreanLaneName(a.to), "이")) \(a.message.kind)\(josa(label: a.message.kind, "을")) 받습니다.",
                                            en: "The \(a.to) receives \(a.message.kind).")))
                onArrival(a, self)
            case .fire(let id):
                guard let timer = timers.removeValue(forKey: id) else { continue }
                events.append(TraceEvent(t: now, kind: .timerFire, endpoint: timer.lane, timer: timer.name, narration: timer.narration))
                timer.fire()
            case .run(let body):
                body()
            }
        }
        return Trace(scene: scene, endpoints: lanes, events: events)
    }

    /// The messages of `kind` that reached `lane`.
    public func received(_ kind: String, at lane: String) -> [Arrival] {
        arrivals.filter { $0.message.kind == kind && $0.to == lane }
    }

    private func enqueue(_ time: Double, _ action: Action) {
        order += 1
        queue.append((time, order, action))
    }
}
