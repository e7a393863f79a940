import Foundation
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

    /// The man page's date, e.g. "December 7, 2026" (UTC).
    static func today() -> String {
        var t = time(nil), parts = tm()
        gmtime_r(&t, &parts)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(months[Int(parts.tm_mon)]) \(parts.tm_mday), \(1900 + parts.tm_year)"
    }
}
