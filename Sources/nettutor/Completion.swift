import ArgumentParser
import NetSim
import TutorShell

/// Shell completion of ids (`nettutor --generate-completion-script bash|zsh|fish`): scene ids
/// come from the catalog; lesson ids from the library the typed command would use.
enum Completion {
    static let scenes = CompletionKind.list(SceneCatalog.ids)
    static let lessons = CompletionKind.custom { words, _, prefix in CommandRequests.lessonIDs(words: words, prefix: prefix) }
}
