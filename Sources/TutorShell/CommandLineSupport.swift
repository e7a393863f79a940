import Foundation
import NetSim
import TutorApp
import TutorCapture
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz
import TutorTerminal

/// The process's environment, read once: Foundation builds a new dictionary on every ask.
public enum ShellEnvironment {
    public static let variables = ProcessInfo.processInfo.environment
}

/// What every command shares beyond its arguments: the content library the command line
/// finds, and how an error for the user becomes an exit status (DESIGN §6).
extension ContentLibrary {
    /// The library for `--content DIR` (`only`: without the built-in lessons), else the usual
    /// places, checked against the scenes and generators this build has.
    public static func forCommandLine(explicit: String?, only: Bool) throws -> ContentLibrary {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var library = try find(explicit: explicit, only: only, environment: ShellEnvironment.variables, executable: exe,
                               workingDirectory: FileManager.default.currentDirectoryPath,
                               knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
        library.index = commandLineIndex(executable: exe)
        return library
    }

    /// The content index of this user and this build (`IndexLocation.standard`).
    public static func commandLineIndex(executable: String? = nil) -> IndexLocation? {
        let exe = executable ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        return IndexLocation.standard(environment: ShellEnvironment.variables, executable: exe)
    }
}

/// An error for the user: one line on stderr and an exit code.
public struct CLIError: Error, CustomStringConvertible {
    public var message: String
    public var code: Int32
    public init(_ message: String, code: Int32) { self.message = message; self.code = code }
    public var description: String { message }
}

/// Exit statuses, one code per kind of outcome (listed in `--help` and the man page).
/// Usage errors use 64 (EX_USAGE, sysexits.h) because ArgumentParser already exits with it
/// for its own parse errors: ours join it, so a script tests one number.
public enum ExitStatus {
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
    public static let help = """
        Exit status: 0 done; 1 could not be done (a failed live fetch, content with errors, an \
        unwritable file); 64 usage error (an unknown option, id or value); 128+N ended by signal N.
        """

    /// The status of an error for the user: usage for what was asked wrongly (bad options,
    /// unknown ids), failure for what could not be done; nil for an error that is not the user's.
    public static func of(_ error: Error) -> Int32? {
        switch error {
        case let e as CLIError: e.code
        case is SceneError, is SessionPlanner.PlanError: usage
        case let e as ContentLibrary.LookupError: e.isUsage ? usage : failure
        case let e as ProgressFiles.FileError: if case .cannotWrite = e { failure } else { usage }
        case is ProgressError, is Terminal.InitError, is CaptureError: failure
        default: nil
        }
    }
}

extension ExitStatus {
    /// The sentence the user sees for an error: ours as they are; a library's (Foundation's
    /// "NSCocoaErrorDomain error 512") as "cannot use PATH: REASON" from its file and errno.
    public static func message(for error: Error) -> String {
        if of(error) != nil { return "\(error)" }
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? Int32(ns.code) : nil)
        let reason = posix.map(Console.reason) ?? "the operation failed"
        return path.map { "cannot use \($0): \(reason)" } ?? reason
    }
}

extension GlossaryText {
    /// `glossary --json`: the entries as a pretty-printed array, keys sorted, a final newline.
    public static func jsonText(_ entries: [GlossaryEntry]) throws -> String { try Output.jsonText(json(entries)) }
}
