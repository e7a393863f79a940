import TutorShell
import ArgumentParser
import Foundation
import NetSim
import TutorCore
import TutorRender
import TutorTerminal

/// `--trace`: the machine-readable event list.
enum TraceFormat: String, ExpressibleByArgument, CaseIterable { case json }
/// `--export`: a diagram for other tools.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case mermaid }
/// Enum options match in any case (`--algo Reno`), and `--help` lists their values.
protocol CaseInsensitiveArgument: ExpressibleByArgument, RawRepresentable<String>, CaseIterable {}
extension CaseInsensitiveArgument { public init?(argument: String) { self.init(rawValue: argument.lowercased()) } }
extension BrailleCanvas.Mode: ExpressibleByArgument, CaseInsensitiveArgument {}
extension Language: ExpressibleByArgument {}
extension CongestionAlgorithm: ExpressibleByArgument, CaseInsensitiveArgument {}
extension CwndModel: ExpressibleByArgument, CaseInsensitiveArgument {}
extension JourneyVariant: ExpressibleByArgument, CaseInsensitiveArgument {}

/// Where a command that has both shows its result: the TUI on a terminal, else text.
enum Output: Equatable {
    case tui, plain, json, mermaid

    /// A format asked for wins; then `--plain`; the TUI only when stdin and stdout are a terminal.
    init(plain: Bool, trace: TraceFormat? = nil, export: ExportFormat? = nil) throws {
        if trace != nil && export != nil { throw CLIError("--trace and --export are two different outputs; pick one", code: ExitStatus.usage) }
        if trace == .json { self = .json } else if export == .mermaid { self = .mermaid }
        else { self = plain || !TerminalInfo.isInteractive ? .plain : .tui }
    }

    static func write(_ text: String, styled: Bool = false) { Console.out(text, styled: styled) }
}
