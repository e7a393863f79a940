/// The scenes of DESIGN §5. Content refers to them by raw value; the checker rejects any other id.
/// The simulations behind them arrive with the simulator issue; until then a scene is known
/// (valid to cite) but not playable.
public enum SceneID: String, CaseIterable, Sendable, Hashable {
    case tcp3Way = "tcp-3way"
    case tcp4Way = "tcp-4way"
    case tcpLostFinalAck = "tcp-lost-final-ack"
    case tcpSynRetransmit = "tcp-syn-retransmit"
    case tcpSimultaneousClose = "tcp-simultaneous-close"
    case udpVsTcp = "udp-vs-tcp"
    case arqStopAndWait = "arq-stop-and-wait"
    case arqGoBackN = "arq-go-back-n"
    case arqSelectiveRepeat = "arq-selective-repeat"
    case flowControl = "flow-control"
    case cwndLab = "cwnd-lab"
    case urlJourney = "url-journey"

    /// Whether the simulator can play this scene yet.
    public var isPlayable: Bool {
        switch self {
        case .tcp3Way, .tcp4Way, .tcpLostFinalAck, .tcpSynRetransmit, .tcpSimultaneousClose: true
        default: false
        }
    }
}

/// Options a scene may take (the `play` command's flags).
public struct SceneOptions: Sendable, Hashable {
    /// Extra segments to drop, by transmission ordinal (1-based, both directions).
    public var drops: Set<Int> = []
    public var lossRate: Double = 0
    public var seed: UInt64 = 1
    public var clientISN: UInt32?
    public var serverISN: UInt32?
    /// Round-trip time in ms (one-way delay is half).
    public var rtt: Double?
    public init() {}
}

public enum SceneError: Error, Equatable, CustomStringConvertible {
    case notPlayableYet(String)
    case invalid(String)
    public var description: String {
        switch self {
        case .notPlayableYet(let id): "scene '\(id)' is not playable yet"
        case .invalid(let why): why
        }
    }
}

extension SceneID {
    /// MSL used by the TCP scenes: scaled down so TIME-WAIT fits on screen.
    public static let scaledMSL: Double = 1000

    /// Simulates the scene with the given options.
    public func trace(_ options: SceneOptions = SceneOptions()) throws -> Trace {
        if let rtt = options.rtt, !(1...10_000).contains(rtt) { throw SceneError.invalid("--rtt must be between 1 and 10000 ms") }
        if !(0...1).contains(options.lossRate) { throw SceneError.invalid("--loss must be between 0 and 1") }
        var p = TCPParameters()
        p.msl = Self.scaledMSL
        if let c = options.clientISN { p.clientISN = c }
        if let s = options.serverISN { p.serverISN = s }
        if let rtt = options.rtt { p.oneWayDelay = rtt / 2 }
        let scale = Narration(ko: "MSL을 보기 좋게 1초로 줄였습니다(RFC 9293 기준 2분). RTO는 RFC 6298대로 1초에서 시작합니다.",
                              en: "MSL is scaled to 1 s for viewing (RFC 9293 uses 2 minutes). The RTO starts at 1 s as in RFC 6298.")
        var drops = options.drops
        let sim: TCPSimulation
        switch self {
        case .tcp3Way:
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
        case .tcp4Way, .tcpLostFinalAck:
            if self == .tcpLostFinalAck { drops.insert(7) }  // the client's last ACK
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed),
                                behaviours: (.init(), .init(closeAfterEOF: 100)))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.close, on: 0, at: 300)
        case .tcpSynRetransmit:
            if options.drops.isEmpty { drops = [1, 2] }  // the SYN and its first retransmission
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
        case .tcpSimultaneousClose:
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.close, on: 0, at: 300)
            sim.schedule(.close, on: 1, at: 300)
        default:
            throw SceneError.notPlayableYet(rawValue)
        }
        var trace = sim.run(scene: rawValue)
        trace.scaleNote = scale
        return trace
    }
}
