import TutorRender

/// The clock the run loop reads; TutorApp has none of its own (the shell's uses `Date` and
/// `ContinuousClock`, tests a fake one they move by hand).
public protocol LoopClock {
    /// Seconds since the epoch: what `.clockAdvanced` tells the app (answers, due dates).
    func wallTime() -> Double
    /// Monotonic seconds: what ticks are measured with.
    func monotonic() -> Double
}

/// The run loop: event → action → reduce → effects (their answers come back as actions) →
/// present(render). It ticks only while something animates, and the tick clock restarts
/// whenever `state.animationGeneration` changes, so a pause is never counted as time played.
public struct AppLoop<Backend: TerminalBackend, Runner: EffectRunner, Clock: LoopClock> {
    public var state: AppState
    public var runner: Runner
    public let backend: Backend
    public let clock: Clock
    /// Where answers are now (the shell's store). Asked at least once a second while the app
    /// shows "saving later", so the quiz footer turns to "saved" when a background retry
    /// writes them; never asked otherwise, so idle stays idle.
    public var currentSaving: (() -> SaveState)?

    public init(state: AppState, backend: Backend, runner: Runner, clock: Clock) {
        self.state = state; self.backend = backend; self.runner = runner; self.clock = clock
    }

    static var savingPoll: Int { 1000 }

    /// Runs until the app orders `.quit`.
    public mutating func run() {
        let backend = backend
        backend.present(render(state))
        if state.dispatch(.started, runner: &runner) == .quit { return }
        var lastTick = clock.monotonic(), tickGeneration = state.animationGeneration
        while true {
            if state.animationGeneration != tickGeneration { lastTick = clock.monotonic(); tickGeneration = state.animationGeneration }
            let polling = state.saving == .savingLater && currentSaving != nil
            let event = backend.nextEvent(timeout: polling ? min(state.tickInterval ?? Self.savingPoll, Self.savingPoll) : state.tickInterval)
            var actions: [AppAction] = [.clockAdvanced(to: clock.wallTime())]
            if polling, let now = currentSaving?(), now != state.saving { actions.append(.saveStateChanged(now)) }
            switch event {
            case .key(let key): actions.append(.keyPressed(key))
            case .resize(let size): actions.append(.resized(size))
            case .timeout:
                let now = clock.monotonic()
                actions.append(.tick(elapsed: now - lastTick, generation: tickGeneration))
                lastTick = now
            }
            for action in actions {
                let outcome = state.dispatch(action, runner: &runner, suspend: { backend.suspend(); return backend.size })
                if outcome == .quit { return }
            }
            backend.present(render(state))
        }
    }
}
