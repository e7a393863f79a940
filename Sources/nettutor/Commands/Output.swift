import TutorShell
import ArgumentParser
import NetSim
import TutorCore
import TutorRender

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

extension Output {
    init(plain: Bool, trace: TraceFormat? = nil, export: ExportFormat? = nil) throws { try self.init(plain: plain, json: trace == .json, mermaid: export == .mermaid) }
}
