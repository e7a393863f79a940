import TutorCore

/// Whether answers reach the disk, as the shell last reported it: the quiz footer says which,
/// so "saved" is never shown for an answer that is not.
public enum SaveState: Sendable, Equatable {
    /// Written to the database.
    case saved
    /// The database is busy or failing: kept in the journal next to it, written when it can be.
    case savingLater
    /// Not even the journal can be written: answers live in memory until the program ends.
    case notSaved

    /// The quiz's stop key, saying where the answers are (labels live with the keymap).
    var stopLabel: Localized { KeyBindings.stopLabel(self) }
}

extension KeyBindings {
    /// The quiz keymap with the stop key's label telling the truth about saving.
    static func saving(_ bindings: [KeyBinding], _ state: SaveState) -> [KeyBinding] {
        bindings.map { b in
            guard b.command == .back, b.label == SaveState.saved.stopLabel else { return b }
            var b = b; b.label = state.stopLabel
            if state != .saved { b.barLabel = state.stopLabel }  // the short "stop" would hide it
            return b
        }
    }
}

extension AppState {
    /// Every quiz on the stack shows the context's save state.
    mutating func updateQuizSaving() {
        for i in stack.indices { if case .quiz(var q) = stack[i] { q.saving = context.saving; stack[i] = .quiz(q) } }
    }
}
