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
    public var isPlayable: Bool { true }

    /// Sequence-diagram scenes play in the scene player; `cwnd-lab` is a chart (CongestionLab)
    /// and `url-journey` a map (URLJourney).
    public var isSequenceScene: Bool { self != .cwndLab && self != .urlJourney }
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
    /// Two lanes, the same losses: TCP (handshake, then four 1000-byte segments) recovers the
    /// lost segment and delivers in order; UDP sends four datagrams, and the one lost at the same
    /// position simply never arrives. `--drop` numbers refer to the TCP lane.
    func udpVersusTCP(_ base: TCPParameters, options: SceneOptions) throws -> Trace {
        var p = base
        p.receiveBuffer = 8000  // room for everything: this scene is about loss, not flow control
        let segments = options.packets ?? 4
        guard (1...8).contains(segments) else { throw SceneError.invalid("--packets must be between 1 and 8") }
        let drops = options.drops.isEmpty ? Set([5]) : options.drops  // the second data segment
        let sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed),
                                names: ("TCP client", "TCP server"))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        sim.schedule(.send(bytes: segments * 1000), on: 0, at: 150)
        var trace = sim.run(limit: 20_000, scene: rawValue)
        // Which data segments (by position in the first transmission) did the TCP lane lose?
        let firstCopies = trace.events.filter { $0.kind == .send && $0.from == "TCP client" && ($0.segment?.len ?? 0) > 0 }
        var seen = Set<UInt32>(), lostPositions = Set<Int>(), position = 0
        for e in firstCopies where seen.insert(e.segment!.seq).inserted {
            position += 1
            if trace.events.contains(where: { $0.kind == .drop && $0.n == e.n }) { lostPositions.insert(position) }
        }
        // The UDP lane: the same datagrams at the same moments, no handshake, no recovery.
        var udp: [TraceEvent] = []
        var arrived: [Int] = []
        let start = firstCopies.first?.t ?? 150
        for i in 1...segments {
            let t = start + Double(i - 1) * p.serialization
            let seg = Segment(flags: [], seq: UInt32(i), len: 1000, label: "datagram \(i)")
            let lost = lostPositions.contains(i)
            udp.append(TraceEvent(t: t, kind: .send, from: "UDP client", to: "UDP server", segment: seg,
                                  arrival: t + (lost ? p.oneWayDelay / 2 : p.oneWayDelay), narration: Narration(
                                    ko: "UDP는 연결 설정 없이 곧바로 데이터그램 \(i)\(josa(i, "을")) 보냅니다. 번호는 애플리케이션이 붙인 것입니다.",
                                    en: "UDP sends datagram \(i) at once, with no connection set-up. The number is the application's own.")))
            if lost {
                udp.append(TraceEvent(t: t + p.oneWayDelay / 2, kind: .drop, from: "UDP client", to: "UDP server", segment: seg, narration: Narration(
                    ko: "TCP와 같은 위치에서 데이터그램 \(i)\(josa(i, "이")) 사라집니다. UDP에는 ACK도 재전송도 없어 아무도 알아채지 못합니다.",
                    en: "Datagram \(i) is lost at the same position as in TCP. UDP has no ACK and no retransmission, so nobody notices.")))
            } else {
                arrived.append(i)
                udp.append(TraceEvent(t: t + p.oneWayDelay, kind: .deliver, from: "UDP client", to: "UDP server", segment: seg, narration: Narration(
                    ko: "데이터그램 \(i)\(josa(i, "이")) 도착해 바로 애플리케이션에 전달됩니다(받은 것: \(arrived.map(String.init).joined(separator: ", "))).",
                    en: "Datagram \(i) arrives and goes straight to the application (received so far: \(arrived.map(String.init).joined(separator: ", "))).")))
            }
        }
        if let last = udp.last {
            udp.append(TraceEvent(t: last.t, kind: .note, endpoint: "UDP server", narration: Narration(
                ko: "UDP 수신 측은 \(segments)개 중 \(arrived.count)개를 받았습니다. 빠진 데이터그램을 복구할지는 애플리케이션이 정합니다. TCP는 재전송 후 모든 바이트를 순서대로 넘깁니다.",
                en: "The UDP receiver got \(arrived.count) of \(segments) datagrams. Whether to recover the missing one is up to the application; TCP retransmits and hands over every byte in order.")))
        }
        trace.events = (trace.events + udp).enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        trace.endpoints = ["TCP client", "TCP server", "UDP client", "UDP server"]
        trace.scaleNote = Narration(ko: "왼쪽 두 줄은 TCP, 오른쪽 두 줄은 UDP입니다. 같은 위치의 데이터가 사라집니다(--drop은 TCP 쪽 번호).",
                                    en: "Left pair: TCP, right pair: UDP. The same piece of data is lost in both (--drop numbers the TCP lane).")
        return trace
    }

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
        case .udpVsTcp:
            return try udpVersusTCP(p, options: options)
        case .tcpSimultaneousClose:
            sim = TCPSimulation(parameters: p, faults: Faults(drops: drops, lossRate: options.lossRate, seed: options.seed))
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.close, on: 0, at: 300)
            sim.schedule(.close, on: 1, at: 300)
        case .cwndLab:
            throw SceneError.invalid("cwnd-lab is a chart, not a sequence diagram: see 'nettutor cwnd'")
        case .urlJourney:
            throw SceneError.invalid("url-journey is a map of hops, not a sequence diagram: see 'nettutor journey'")
        default:
            throw SceneError.notPlayableYet(rawValue)
        }
        var trace = sim.run(scene: rawValue)
        trace.scaleNote = scale
        return trace
    }
}
