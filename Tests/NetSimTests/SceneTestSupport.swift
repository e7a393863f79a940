import TutorCore
@testable import NetSim

/// What the scene rule tests share: a catalog scene's trace with its options set, and the
/// messages a trace sends.

/// The trace of catalog scene `id`, with `configure` setting its options (drops, RTT…).
func trace(_ id: String, _ configure: (inout SceneOptions) -> Void = { _ in }) throws -> Trace {
    var o = SceneOptions()
    configure(&o)
    return try SceneCatalog.lookup(id).simulate(o)
}

/// The sends of `t`, from and to the lanes given, whose label starts with `prefix`.
func sends(_ t: Trace, from: String? = nil, to: String? = nil, _ prefix: String = "") -> [TraceEvent] {
    t.events.filter { $0.kind == .send && (from == nil || $0.from == from) && (to == nil || $0.to == to) && ($0.label ?? "").hasPrefix(prefix) }
}
