import NetSim
import TutorCLI
import TutorShell

/// Shell completion of ids: scene ids come from the catalog; lesson ids from the library the
/// typed command would use (`nettutor --complete lessons -- WORDS…`, asked by the scripts).
enum Completion {
    static let scenes = CompletionKind.list(SceneCatalog.ids)
    static let lessons = CompletionKind.dynamic("lessons")

    static func candidates(_ kind: String, words: [String]) -> [String] {
        kind == "lessons" ? CommandRequests.lessonIDs(words: words, prefix: words.last ?? "") : []
    }
}
