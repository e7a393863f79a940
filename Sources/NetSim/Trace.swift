/// A sentence in both languages. NetSim is stdlib-only, so it has its own small pair type.
public struct Narration: Sendable, Hashable {
    public var ko: String
    public var en: String
    public init(ko: String, en: String) { self.ko = ko; self.en = en }
}

/// TCP control bits used by the simulator.
public struct TCPFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let syn = TCPFlags(rawValue: 1)
    public static let ack = TCPFlags(rawValue: 2)
    public static let fin = TCPFlags(rawValue: 4)
    public static let rst = TCPFlags(rawValue: 8)

    /// "SYN+ACK", "FIN+ACK", "ACK", "RST".
    public var name: String {
        var parts: [String] = []
        if contains(.syn) { parts.append("SYN") }
        if contains(.fin) { parts.append("FIN") }
        if contains(.rst) { parts.append("RST") }
        if contains(.ack) { parts.append("ACK") }
        return parts.isEmpty ? "DATA" : parts.joined(separator: "+")
    }
}

/// One segment (or, in ARQ scenes, one packet or ACK) on the wire.
public struct Segment: Sendable, Hashable {
    public var flags: TCPFlags
    public var seq: UInt32
    public var ack: UInt32
    public var len: Int
    public var win: Int
    /// ARQ scenes set their own label ("pkt 2", "ACK 2"); TCP labels are built from the fields.
    public var customLabel: String?

    public init(flags: TCPFlags, seq: UInt32, ack: UInt32 = 0, len: Int = 0, win: Int = 0, label: String? = nil) {
        self.flags = flags; self.seq = seq; self.ack = ack; self.len = len; self.win = win; self.customLabel = label
    }

    /// Sequence space the segment occupies: data plus one for SYN and one for FIN (RFC 9293 §3.4).
    public var seqLength: UInt32 { UInt32(len) + (flags.contains(.syn) ? 1 : 0) + (flags.contains(.fin) ? 1 : 0) }

    /// "SYN seq=1000", "ACK seq=1001 ack=5001 win=4096", "DATA seq=1001 len=1000".
    public var label: String {
        if let customLabel { return customLabel }
        var s = flags.name
        if len > 0 && !flags.contains(.syn) && !flags.contains(.fin) { s = flags.contains(.ack) ? "DATA+ACK" : "DATA" }
        s += " seq=\(seq)"
        if flags.contains(.ack) { s += " ack=\(ack)" }
        if len > 0 { s += " len=\(len)" }
        if flags.contains(.ack) && !flags.contains(.rst) { s += " win=\(win)" }
        return s
    }
}

/// What happened, in time order (DESIGN §5).
public struct TraceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case send, deliver, drop, state, timerStart = "timer-start", timerFire = "timer-fire", note
    }

    /// Simulated time in milliseconds.
    public var t: Double
    public var kind: Kind
    /// Ordinal of a transmitted segment (1-based, both directions), on send/deliver/drop.
    public var n: Int?
    public var from: String?
    public var to: String?
    public var segment: Segment?
    /// For state events: the endpoint and its new state (RFC spelling). For timers: the endpoint.
    public var endpoint: String?
    public var state: String?
    /// For timer events: which timer ("RTO", "TIME-WAIT", "persist") and its duration in ms.
    public var timer: String?
    public var duration: Double?
    /// When a sent segment arrives or is lost (send events), for drawing the arrow.
    public var arrival: Double?
    /// ARQ scenes: the sender window and receiver buffer after this event.
    public var arq: ARQSnapshot?
    public var narration: Narration

    public init(t: Double, kind: Kind, n: Int? = nil, from: String? = nil, to: String? = nil, segment: Segment? = nil,
                endpoint: String? = nil, state: String? = nil, timer: String? = nil, duration: Double? = nil,
                arrival: Double? = nil, narration: Narration) {
        self.t = t; self.kind = kind; self.n = n; self.from = from; self.to = to; self.segment = segment
        self.endpoint = endpoint; self.state = state; self.timer = timer; self.duration = duration
        self.arrival = arrival; self.narration = narration
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
}

/// A finished simulation: the endpoints (left to right) and the events.
public struct Trace: Sendable, Hashable {
    public var scene: String
    public var endpoints: [String]
    public var events: [TraceEvent]
    /// Shown on screen when time is scaled for viewing (e.g. MSL).
    public var scaleNote: Narration?

    public init(scene: String, endpoints: [String], events: [TraceEvent], scaleNote: Narration? = nil) {
        self.scene = scene; self.endpoints = endpoints; self.events = events; self.scaleNote = scaleNote
    }
}
