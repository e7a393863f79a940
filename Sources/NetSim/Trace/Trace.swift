import TutorCore

/// What a message does in its protocol, for the player to colour by (a QUIC Initial would be
/// `open` like a TCP SYN).
public enum MessageRole: String, Sendable, Hashable {
    case open, close, reset, data, ack
}

/// A panel a scene shows beside its diagram, carried by each event that changes it (and by
/// `Trace.initialPanel` for the moment before the first event).
public enum SidePanel: Sendable, Hashable {
    /// ARQ: the sender's window and the receiver's expectation and buffer.
    case arqWindow(ARQSnapshot)
    /// TCP flow control: the receiver's buffer and window, the sender's bytes in flight.
    case flowWindow(FlowSnapshot)

    public var arqWindow: ARQSnapshot? {
        if case .arqWindow(let a) = self { a } else { nil }
    }
    public var flowWindow: FlowSnapshot? {
        if case .flowWindow(let f) = self { f } else { nil }
    }
}

/// The state an ARQ scene shows beside the diagram: the sender's window over the sequence
/// numbers and the receiver's expectation and buffer.
public struct ARQSnapshot: Sendable, Hashable {
    public var base: Int
    public var next: Int
    public var window: Int
    public var sequenceSpace: Int
    /// Packets acknowledged individually inside the window (Selective Repeat).
    public var ackedInWindow: Set<Int>
    /// The next in-order packet the receiver expects.
    public var expected: Int
    /// Out-of-order packets the receiver holds (Selective Repeat).
    public var buffered: Set<Int>
    public var delivered: Int
    /// How many packets from `expected` on the receiver accepts: Selective Repeat's window,
    /// 1 for stop-and-wait and Go-Back-N (which discard anything out of order).
    public var receiverWindow: Int
    /// How many packets the sender has to send in all (nil: unbounded), so the strip can tell
    /// a finished transfer from a fresh window once the numbers wrap.
    public var total: Int?

    public init(base: Int, next: Int, window: Int, sequenceSpace: Int, ackedInWindow: Set<Int> = [], expected: Int,
                buffered: Set<Int> = [], delivered: Int, receiverWindow: Int = 1, total: Int? = nil) {
        self.base = base; self.next = next; self.window = window; self.sequenceSpace = sequenceSpace
        self.ackedInWindow = ackedInWindow; self.expected = expected; self.buffered = buffered; self.delivered = delivered
        self.receiverWindow = receiverWindow; self.total = total
    }
}

/// TCP flow control in one direction (RFC 9293 §3.8.6): how full the receiver's buffer is,
/// the window it last advertised, and what the sender has in flight and last heard. Bytes.
public struct FlowSnapshot: Sendable, Hashable {
    /// The endpoints (lane names): data goes from `sender` to `receiver`.
    public var sender: String
    public var receiver: String
    /// The receiver's buffer size.
    public var capacity: Int
    /// Bytes in the receiver's buffer its application has not read yet.
    public var unread: Int
    /// The window in the receiver's last segment (nil before it sent one).
    public var advertised: Int?
    /// SND.NXT − SND.UNA, less a SYN or FIN (they take a sequence number, not buffer space).
    public var inFlight: Int
    /// SND.WND: the window the sender last heard (nil before it heard one).
    public var senderWindow: Int?
    /// Bytes the sender's application wrote that are not sent yet.
    public var unsent: Int
    /// The sender's persist timer is running (zero-window probing, RFC 9293 §3.8.6.1).
    public var persistTimer: Bool

    public init(sender: String, receiver: String, capacity: Int, unread: Int, advertised: Int?, inFlight: Int,
                senderWindow: Int?, unsent: Int, persistTimer: Bool) {
        self.sender = sender; self.receiver = receiver; self.capacity = capacity; self.unread = unread
        self.advertised = advertised; self.inFlight = inFlight; self.senderWindow = senderWindow; self.unsent = unsent
        self.persistTimer = persistTimer
    }

    /// The usable window (RFC 9293 §3.8.6.2.1): what the sender may still send.
    public var usable: Int? { senderWindow.map { max(0, $0 - inFlight) } }
}

/// What happened, in time order (DESIGN §5). Protocol-neutral: messages go between lanes
/// (`from`, `to`) with a `label` and a `role`; protocol details ride along in `segment` and
/// `panel` for the rules and exports that know them.
public struct TraceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case send, deliver, drop, state, timerStart = "timer-start", timerFire = "timer-fire", note
    }

    /// Simulated time in milliseconds.
    public var t: Double
    public var kind: Kind
    /// Ordinal of a transmitted message (1-based, both directions), on send/deliver/drop.
    public var n: Int?
    /// Message events: the lanes (endpoints) it goes between.
    public var from: String?
    public var to: String?
    /// Message events: what the diagram writes on the arrow.
    public var label: String?
    /// Message events: what the player colours the arrow by.
    public var role: MessageRole?
    /// Message events: the header fields (see `Segment`).
    public var segment: Segment?
    /// For state events: the endpoint and its new state (RFC spelling). For timers: the endpoint.
    public var endpoint: String?
    public var state: String?
    /// For timer events: which timer ("RTO", "TIME-WAIT", "persist") and its duration in ms.
    public var timer: String?
    public var duration: Double?
    /// When a sent message arrives or is lost (send events), for drawing the arrow.
    public var arrival: Double?
    /// The side panel as of this event, for scenes that have one.
    public var panel: SidePanel?
    /// Send events: this message repeats one sent before (a timer fired), so the diagram marks it.
    public var retransmission = false
    /// What an analysis found at this event, by name (a capture's "fast-retransmission",
    /// "zero-window"); the player jumps between them.
    public var findings: [String] = []
    public var narration: Localized

    /// `label` and `role` default to the segment's own.
    public init(t: Double, kind: Kind, n: Int? = nil, from: String? = nil, to: String? = nil, segment: Segment? = nil,
                label: String? = nil, role: MessageRole? = nil, endpoint: String? = nil, state: String? = nil,
                timer: String? = nil, duration: Double? = nil, arrival: Double? = nil, panel: SidePanel? = nil,
                narration: Localized) {
        self.t = t; self.kind = kind; self.n = n; self.from = from; self.to = to; self.segment = segment
        self.label = label ?? segment?.label; self.role = role ?? segment?.role
        self.endpoint = endpoint; self.state = state; self.timer = timer; self.duration = duration
        self.arrival = arrival; self.panel = panel; self.narration = narration
    }
}

/// A finished simulation: the endpoints (left to right) and the events.
public struct Trace: Sendable, Hashable {
    public var scene: String
    public var endpoints: [String]
    public var events: [TraceEvent]
    /// Shown on screen when time is scaled for viewing (e.g. MSL).
    public var scaleNote: Localized?
    /// The state an endpoint with states is in before its first state event (TCP: CLOSED).
    public var initialState: String?
    /// The side panel before the first event (nothing sent yet), for scenes that have one.
    public var initialPanel: SidePanel?
    /// How a state that is not a protocol's own spelling reads in each language ("{ } keys":
    /// "핸드셰이크 키"); TCP's RFC names have none and show as they are.
    public var stateNames: [String: Localized] = [:]
    /// Times measured, not modelled (a capture): shown to the microsecond, since a handshake on
    /// one machine takes a fraction of a millisecond.
    public var measured = false

    /// A state as the reader's language shows it.
    public func stateName(_ state: String, _ language: Language) -> String {
        stateNames[state].map { language == .ko ? $0.ko : $0.en } ?? state
    }

    public init(scene: String, endpoints: [String], events: [TraceEvent], scaleNote: Localized? = nil, initialState: String? = nil,
                initialPanel: SidePanel? = nil) {
        self.scene = scene; self.endpoints = endpoints; self.events = events; self.scaleNote = scaleNote
        self.initialState = initialState; self.initialPanel = initialPanel
    }
}
