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
        case .tcp3Way, .tcp4Way, .tcpLostFinalAck, .tcpSynRetransmit, .tcpSimultaneousClose,
             .arqStopAndWait, .arqGoBackN, .arqSelectiveRepeat, .flowControl: true
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
    /// ARQ: sender window in packets; flow control: the receive buffer in bytes.
    public var window: Int?
    /// ARQ: how many packets to send.
    public var packets: Int?
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
        if let proto = arqProtocol {
            var a = ARQParameters()
            if let rtt = options.rtt { a.oneWayDelay = rtt / 2; a.timeout = max(a.timeout, rtt * 2.5) }
            if let w = options.window { a.window = w }
            if let n = options.packets { a.packets = n }
            if proto == .stopAndWait { a.packets = options.packets ?? 4 }
            if options.drops.isEmpty { drops = proto == .stopAndWait ? [3, 7] : [3] }  // a lost packet (and for stop-and-wait a lost ACK)
            do {
                return try ARQSimulation(proto, parameters: a, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed)).run(scene: rawValue)
            } catch let e as ARQError {
                throw SceneError.invalid(e.description)
            }
        }
        let sim: TCPSimulation
        switch self {
        case .flowControl:
            // A fast sender and a receiver whose application reads slowly (RFC 9293 §3.8.6).
            p.receiveBuffer = options.window ?? 3000
            guard (1000...65535).contains(p.receiveBuffer) else { throw SceneError.invalid("--window (receive buffer) must be between 1000 and 65535 bytes") }
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed),
                                behaviours: (.init(), .init(readEvery: (interval: 1500, bytes: 1000))))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.send(bytes: (options.packets ?? 6) * 1000), on: 0, at: 200)
            var trace = sim.run(limit: 20_000, scene: rawValue)
            trace.scaleNote = Narration(ko: "수신 애플리케이션은 1.5초마다 1000바이트만 읽습니다. 수신 버퍼는 \(p.receiveBuffer)바이트입니다.",
                                        en: "The receiving application reads only 1000 bytes every 1.5 s; the receive buffer holds \(p.receiveBuffer) bytes.")
            return trace
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
