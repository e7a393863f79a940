import TutorRender

/// Runs the I/O an `Effect` orders and answers with the actions that report what happened
/// (`.loadLesson` → `.lessonLoaded`). The shell's runner uses the content library and the
/// progress store; `AppHarness` has a fake one. The loop itself handles `.quit` and `.suspend`.
public protocol EffectRunner {
    /// `state` is the state after the reduce that ordered `effect`.
    mutating func run(_ effect: Effect, state: AppState) -> [AppAction]
}

/// How a dispatch ended.
public enum DispatchOutcome: Sendable, Equatable { case running, quit }

extension AppState {
    /// Reduces `action`, runs every effect it orders with `runner` and reduces their answers in
    /// turn, until nothing is left or `.quit` is ordered. `.suspend` goes to `suspend`, whose
    /// answer (the terminal's size after resuming) is reduced next. `observe` sees every effect.
    public mutating func dispatch<R: EffectRunner>(_ action: AppAction, runner: inout R, suspend: () -> Size? = { nil },
                                                  observe: (Effect) -> Void = { _ in }) -> DispatchOutcome {
        var queue = [action]
        while !queue.isEmpty {
            for effect in reduce(&self, queue.removeFirst()) {
                observe(effect)
                switch effect {
                case .quit: return .quit
                case .suspend: if let size = suspend() { queue.append(.resized(size)) }
                default: queue += runner.run(effect, state: self)
                }
            }
        }
        return .running
    }
}
