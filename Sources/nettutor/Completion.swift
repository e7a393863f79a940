import ArgumentParser
import Foundation
import NetSim
import TutorContent
import TutorShell

/// Shell completion of ids (`nettutor --generate-completion-script bash|zsh|fish`): scene ids
/// come from the catalog; lesson ids from the library the typed command would use.
enum Completion {
    static let scenes = CompletionKind.list(SceneCatalog.ids)
    static let lessons = CompletionKind.custom { words, _, prefix in lessonIDs(words: words, prefix: prefix) }

    static func lessonIDs(words: [String], prefix: String) -> [String] {
        let content = words.firstIndex(of: "--content").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        guard let library = try? ContentLibrary.forCommandLine(explicit: content, only: words.contains("--content-only")) else { return [] }
        return library.loadCatalog().0.ids.filter { $0.hasPrefix(prefix) }
    }
}
