import TutorCore

/// What the TCP scenes share: option checks, parameters, and the note on scaled time.
public enum TCPScene {
    /// MSL used by the TCP scenes: scaled down so TIME-WAIT fits on screen.
    public static let scaledMSL: Double = 1000

    /// The options every TCP scene takes.
    static let options: [SceneOption] = [.drop, .loss, .seed, .isnClient, .isnServer, .rtt]

    static let scaleNote = Localized(ko: "MSL을 보기 좋게 1초로 줄였습니다(RFC 9293 기준 2분). RTO는 RFC 6298대로 1초에서 시작합니다.",
                                     en: "MSL is scaled to 1 s for viewing (RFC 9293 uses 2 minutes). The RTO starts at 1 s as in RFC 6298.")

    /// The parameters the options set, after the checks every sequence scene shares.
    static func parameters(_ options: SceneOptions) throws -> TCPParameters {
        try checkShared(options)
        var p = TCPParameters()
        p.msl = scaledMSL
        if let c = options.clientISN { p.clientISN = c }
        if let s = options.serverISN { p.serverISN = s }
        if let rtt = options.rtt { p.oneWayDelay = rtt / 2 }
        return p
    }

    /// The range checks of the options every sequence scene shares.
    static func checkShared(_ options: SceneOptions) throws {
        if let rtt = options.rtt, !(1...10_000).contains(rtt) { throw SceneError.invalid("--rtt must be between 1 and 10000 ms") }
        if !(0...1).contains(options.lossRate) { throw SceneError.invalid("--loss must be between 0 and 1") }
    }

    static func faults(_ options: SceneOptions, drops: Set<Int>) -> Faults {
        Faults(drops: drops, lossRate: options.lossRate, seed: options.seed)
    }

    /// A client and a server (listening from the start) with the scene's calls scheduled by
    /// `calls`, run to the end, with the note on scaled time.
    static func run(_ scene: String, _ options: SceneOptions, extraDrops: Set<Int> = [], defaultDrops: Set<Int>? = nil,
                    serverClosesAfterEOF: Bool = false, calls: (TCPSimulation) -> Void = { _ in }) throws -> Trace {
        let p = try parameters(options)
        var drops = options.drops.isEmpty ? (defaultDrops ?? []) : options.drops
        drops.formUnion(extraDrops)
        let sim = TCPSimulation(parameters: p, faults: faults(options, drops: drops),
                                behaviours: (.init(), .init(closeAfterEOF: serverClosesAfterEOF ? 100 : nil)))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        calls(sim)
        var trace = sim.run(scene: scene)
        trace.scaleNote = scaleNote
        return trace
    }
}

/// What the ARQ scenes share: parameters from the options, the default losses.
enum ARQScene {
    static func run(_ scene: String, _ proto: ARQProtocol, _ options: SceneOptions) throws -> Trace {
        try TCPScene.checkShared(options)
        var a = ARQParameters()
        if let rtt = options.rtt { a.oneWayDelay = rtt / 2; a.timeout = max(a.timeout, rtt * 2.5) }
        if let w = options.window { a.window = w }
        if let n = options.packets { a.packets = n }
        if proto == .stopAndWait { a.packets = options.packets ?? 4 }
        // By default a lost packet (and for stop-and-wait a lost ACK too).
        let drops = options.drops.isEmpty ? (proto == .stopAndWait ? [3, 7] : [3]) : options.drops
        do {
            return try ARQSimulation(proto, parameters: a, faults: TCPScene.faults(options, drops: drops)).run(scene: scene)
        } catch let e as ARQError {
            throw SceneError.invalid(e.description)
        }
    }
}
