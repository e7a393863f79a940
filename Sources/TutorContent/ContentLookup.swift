import Foundation
import TutorCore

/// Finding content for the command line: the library, one lesson by id, what to check.
extension ContentLibrary {
    /// Why content could not be found; `isUsage` when the user named something that is not there.
    public enum LookupError: Error, CustomStringConvertible {
        case noContent, noContentFolder(String), noLesson(String, close: [String]), badLesson(String), noPath(String)
        public var description: String {
            switch self {
            case .noContent: "cannot find the lessons: no Content/ and Quizzes/ folders next to the program or above the working directory; pass --content DIR or set NETTUTOR_CONTENT"
            case .noContentFolder(let root): "no Content/ folder in \(root)"
            case .noLesson(let id, let close): "no lesson '\(id)'; \(close.isEmpty ? "run 'nettutor lessons' to list them" : "did you mean: \(close.joined(separator: ", "))?")"
            case .badLesson(let why): why
            case .noPath(let path): "no such file or folder: \(path)"
            }
        }
        public var isUsage: Bool {
            switch self { case .noLesson, .noPath: true; default: false }
        }
    }

    /// The library at `locate(...)`, or an error naming where we looked. `explicit`
    /// (`--content DIR`) adds its lessons to the built-in library; with `only` it replaces it.
    public static func find(explicit: String?, only: Bool = false, environment: [String: String], executable: String, workingDirectory: String,
                            knownScenes: Set<String>, knownGenerators: Set<String>) throws -> ContentLibrary {
        func holdsContent(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("Content").path, isDirectory: &isDir) && isDir.boolValue
        }
        let builtIn = locate(explicit: nil, environment: environment, executable: executable, workingDirectory: workingDirectory)
        if let explicit {
            let added = URL(fileURLWithPath: explicit)
            guard holdsContent(added) else { throw LookupError.noContentFolder(added.path) }
            guard !only, let builtIn, holdsContent(builtIn) else { return ContentLibrary(root: added, knownScenes: knownScenes, knownGenerators: knownGenerators) }
            return ContentLibrary(root: builtIn, knownScenes: knownScenes, knownGenerators: knownGenerators, adding: [added])
        }
        guard let root = builtIn else { throw LookupError.noContent }
        guard holdsContent(root) else { throw LookupError.noContentFolder(root.path) }
        return ContentLibrary(root: root, knownScenes: knownScenes, knownGenerators: knownGenerators)
    }

    /// The lesson in `language`, else in the other language; an unknown id names close
    /// matches. Loads one file, not the catalog, when the id exists.
    public func findLesson(id: String, language: Language) throws -> Lesson {
        // Ids are file names, with at most one namespace folder; anything else (a path, "..") is simply not a lesson.
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        let safe = (1...2).contains(parts.count) && parts.allSatisfy { p in
            !p.isEmpty && p.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
        for l in [language, language.other] where safe && FileManager.default.fileExists(atPath: lessonURL(id: id, language: l).path) {
            switch loadLesson(id: id, language: l) {
            case .success(let lesson): return lesson
            case .failure(let e): throw LookupError.badLesson(e.description)
            }
        }
        throw LookupError.noLesson(id, close: loadCatalog().0.closeMatches(to: id))
    }

    /// `nettutor check PATH`: a folder holding Content/ (or Content/ itself), or one lesson file
    /// in Content/<lang>/.
    public static func check(path: String, knownScenes: Set<String>, knownGenerators: Set<String>, index: IndexLocation? = nil) throws -> [Diagnostic] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw LookupError.noPath(path) }
        let url = URL(fileURLWithPath: path)
        func library(_ root: URL) -> ContentLibrary {
            var l = ContentLibrary(root: root, knownScenes: knownScenes, knownGenerators: knownGenerators); l.index = index; return l
        }
        // A file: the folder above its Content/ (or Quizzes/), through a namespace folder if any.
        guard isDir.boolValue else {
            var root = url.deletingLastPathComponent()
            while !["Content", "Quizzes"].contains(root.lastPathComponent), root.pathComponents.count > 1 { root.deleteLastPathComponent() }
            return library(root.deletingLastPathComponent()).check(file: url)
        }
        return library(FileManager.default.fileExists(atPath: url.appendingPathComponent("Content").path) ? url : url.deletingLastPathComponent()).check()
    }
}
