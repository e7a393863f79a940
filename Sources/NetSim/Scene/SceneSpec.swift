import TutorCore

/// How a scene is shown: a sequence diagram in the player, a chart (the congestion-window
/// lab) or a map (the URL journey).
public enum SceneKind: String, Sendable, Hashable { case sequence, chart, map }

/// The state machine a scene's endpoints follow, when the player can draw one (`s`).
public enum StateMachine: String, Sendable, Hashable { case tcp }

/// An option a scene may take. The `play` command has one flag per case, rejects a flag the
/// scene does not take, and builds its `--help` from `help` and the scenes that take it.
public enum SceneOption: String, CaseIterable, Sendable, Hashable {
    case drop, loss, seed, isnClient = "isn-client", isnServer = "isn-server", rtt, window, packets

    public var flag: String { "--" + rawValue }

    public var help: String {
        switch self {
        case .drop: "Drop the N-th transmitted segment (1-based, both directions); a comma list."
        case .loss: "Random loss probability 0..1 (with --seed)."
        case .seed: "Seed for random loss."
        case .isnClient: "Client initial sequence number."
        case .isnServer: "Server initial sequence number."
        case .rtt: "Round-trip time in ms."
        case .window: "ARQ: sender window in packets; flow-control: receive buffer in bytes."
        case .packets: "ARQ: number of packets; flow-control: kilobytes to send."
        }
    }

    /// Whether `options` sets this option to something other than its default.
    public func isSet(in options: SceneOptions) -> Bool {
        let d = SceneOptions()
        switch self {
        case .drop: return options.drops != d.drops
        case .loss: return options.lossRate != d.lossRate
        case .seed: return options.seed != d.seed
        case .isnClient: return options.clientISN != nil
        case .isnServer: return options.serverISN != nil
        case .rtt: return options.rtt != nil
        case .window: return options.window != nil
        case .packets: return options.packets != nil
        }
    }
}

/// The values of the options (the `play` command's flags; the player's injected drops).
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
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let why): why
        }
    }
}

/// A scene as a value (DESIGN §2): everything the CLI, the help, the TUI and the tests need
/// to know about it. Each lives in `Scenes/<id>.swift`; `SceneCatalog` lists them.
public struct SceneSpec: Sendable, Identifiable, Hashable {
    public let id: String
    /// Position in lists (the home screen's Labs, `play --help`).
    public let order: Int
    public let kind: SceneKind
    public let title: Localized
    /// One sentence on what the scene shows.
    public let summary: Localized
    /// The options it takes, in the order `--help` lists them.
    public let options: [SceneOption]
    /// Sequence scenes: what predict mode asks for at each send.
    public let prediction: PredictionRule?
    /// Sequence scenes whose endpoints follow a state machine the player can draw.
    public let stateMachine: StateMachine?
    private let run: @Sendable (SceneOptions) throws -> Trace

    /// A sequence-diagram scene.
    public init(id: String, order: Int, title: Localized, summary: Localized, options: [SceneOption],
                prediction: PredictionRule, stateMachine: StateMachine? = nil,
                simulate: @escaping @Sendable (SceneOptions) throws -> Trace) {
        self.id = id; self.order = order; kind = .sequence; self.title = title; self.summary = summary
        self.options = options; self.prediction = prediction; self.stateMachine = stateMachine; run = simulate
    }

    /// A chart or map scene: it has its own screen and command (`elsewhere` says which), so
    /// it does not simulate into a sequence trace.
    public init(id: String, order: Int, kind: SceneKind, title: Localized, summary: Localized, elsewhere: String) {
        precondition(kind != .sequence, "a sequence scene needs a simulation")
        self.id = id; self.order = order; self.kind = kind; self.title = title; self.summary = summary
        options = []; prediction = nil; stateMachine = nil
        run = { _ in throw SceneError.invalid(elsewhere) }
    }

    /// Simulates the scene (sequence scenes; the others throw, naming their command).
    public func simulate(_ options: SceneOptions = SceneOptions()) throws -> Trace { try run(options) }

    /// The options set in `options` that this scene does not take.
    public func unsupported(in options: SceneOptions) -> [SceneOption] {
        SceneOption.allCases.filter { !self.options.contains($0) && $0.isSet(in: options) }
    }

    public static func == (a: SceneSpec, b: SceneSpec) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

extension SceneSpec: CustomStringConvertible {
    /// Its id (how tests and messages name it).
    public var description: String { id }
}
