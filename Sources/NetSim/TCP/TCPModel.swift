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

extension TCPSimulation {
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

    /// What the event queue holds: an application call, a segment arriving, a timer expiring.
    enum QueueItem {
        case app(endpoint: Int, SocketCall)
        case arrival(endpoint: Int, Segment, n: Int)
        case timer(endpoint: Int, TimerKind, generation: Int)
    }

    /// `read` is the application's own clock (flow control), not a TCP timer: it is silent.
    enum TimerKind: String { case retransmit = "RTO", timeWait = "TIME-WAIT", persist = "persist", read = "read" }

    /// One endpoint's transmission control block (RFC 9293 §3.3.1) plus its application.
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

        /// RCV.WND: the buffer still free (RFC 9293 §3.8.6). Out-of-order data held for later
        /// takes room in the buffer too, so a duplicate ACK advertises less, not the full buffer.
        var window: Int { max(0, bufferCapacity - buffered - outOfOrder.values.reduce(0, +)) }
    }
}

/// `x` is in (after, upTo] in sequence space (mod 2^32, RFC 9293 §3.4).
func inWindow(_ x: UInt32, after: UInt32, upTo: UInt32) -> Bool {
    let d = x &- after, span = upTo &- after
    return d > 0 && d <= span
}
