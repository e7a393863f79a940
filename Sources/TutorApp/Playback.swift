import NetSim

/// Playback pacing: simulated time mapped to screen time so the eye can follow. A typical
/// crossing (the trace's median one-way delay) takes `secondsPerCrossing` at 1x; an event
/// stays the newest for at least `dwell` before the next one shows (the clock waits at the
/// next event's instant meanwhile); a silent stretch (nothing on the wire, a timer running)
/// plays in `gapSeconds` however long it is, counting down on screen.
enum Playback {
    static let secondsPerCrossing = 1.0
    static let dwell = 0.4
    static let gapSeconds = 1.5

    /// Simulated milliseconds per screen second at 1x, from `time` on.
    static func rate(_ trace: Trace, time: Double, cursor: Int) -> Double {
        let crossing = DiagramAxis.crossing(trace)
        let normal = crossing / secondsPerCrossing
        guard trace.inFlight(at: time).isEmpty, let next = trace.events.first(where: { $0.t > time }) else { return normal }
        let from = trace.events.indices.contains(cursor) ? trace.events[cursor].t : 0
        let length = next.t - from
        return length > DiagramAxis.silentCrossings * crossing ? max(normal, length / gapSeconds) : normal
    }

    /// Plays `seconds` of screen time (already scaled by the speed). Stops at the end, and in
    /// predict mode at each send, which then waits for a guess.
    static func advance(_ s: inout PlayerScreen.State, seconds: Double) {
        var budget = seconds
        let events = s.trace.events
        while budget > 1e-9 {
            let next = s.cursor + 1
            guard next < events.count else { s.playing = false; return }
            let t = events[next].t
            if s.time < t {
                let rate = rate(s.trace, time: s.time, cursor: s.cursor)
                let need = (t - s.time) / rate
                let dt = min(budget, need)
                s.time = dt >= need ? t : s.time + dt * rate
                s.dwell = max(0, s.dwell - dt)
                budget -= dt
                continue
            }
            if s.dwell > 0 {
                let d = min(budget, s.dwell)
                s.dwell -= d; budget -= d
                continue
            }
            s.cursor = next
            s.dwell = dwell
            if s.predictMode && events[next].kind == .send {
                s.askGuess()
                s.resumeAfterGuess = true
                return
            }
        }
        if s.cursor >= events.count - 1 { s.playing = false }
    }
}
