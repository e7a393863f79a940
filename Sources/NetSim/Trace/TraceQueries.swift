/// What the player (and the exports) ask of a trace. A cursor is an event index; -1 is
/// before the first event.
extension Trace {
    /// The endpoint's state after the event at `cursor`; nil for an endpoint that never changes
    /// state (ARQ and UDP lanes), `initialState` before its first change.
    public func state(of endpoint: String, at cursor: Int) -> String? {
        guard events.contains(where: { $0.kind == .state && $0.endpoint == endpoint }) else { return nil }
        return events.prefix(max(0, cursor + 1)).last { $0.kind == .state && $0.endpoint == endpoint }?.state ?? initialState
    }

    /// The indices of the sends that are lost, in one pass (`isLost` for all of them at once:
    /// a capture has thousands of sends).
    public func lostSends() -> Set<Int> {
        var ordinals = Set<Int>(), unnumbered = Set<String>()
        for d in events where d.kind == .drop {
            if let n = d.n { ordinals.insert(n) } else { unnumbered.insert("\(d.from ?? "")\u{0}\(d.label ?? "")") }
        }
        guard !ordinals.isEmpty || !unnumbered.isEmpty else { return [] }
        return Set(events.indices.filter { i in
            let e = events[i]
            guard e.kind == .send else { return false }
            return e.n.map { ordinals.contains($0) } ?? unnumbered.contains("\(e.from ?? "")\u{0}\(e.label ?? "")")
        })
    }

    /// Whether a sent message is lost: matched by ordinal, or (lanes without ordinals) by
    /// sender and label.
    public func isLost(_ send: TraceEvent) -> Bool {
        events.contains { d in
            d.kind == .drop && (send.n != nil ? d.n == send.n : d.n == nil && d.from == send.from && d.label == send.label)
        }
    }

    /// The sends on the wire at time `t`: left at or before `t`, arriving (or lost) after it.
    public func inFlight(at t: Double) -> [TraceEvent] {
        events.filter { $0.kind == .send && $0.t <= t && ($0.arrival ?? $0.t) > t }
    }

    /// The side panel as of the event at `cursor`: the latest event up to it that carries one,
    /// else the initial panel (always before the first event, cursor -1).
    public func panel(at cursor: Int) -> SidePanel? {
        events.prefix(max(0, cursor + 1)).last { $0.panel != nil }?.panel ?? initialPanel
    }

    /// The latest start of `timer` on `endpoint` up to the event at `cursor`.
    public func lastStart(ofTimer timer: String, on endpoint: String, through cursor: Int) -> TraceEvent? {
        events.prefix(max(0, cursor + 1)).last { $0.kind == .timerStart && $0.endpoint == endpoint && $0.timer == timer }
    }
}
