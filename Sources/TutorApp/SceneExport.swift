import NetSim
import TutorCore

/// Any scene as text without a terminal (DESIGN §5), whatever its kind: `nettutor play SCENE
/// --plain | --trace json | --export mermaid`, and the catalog test.
public enum SceneExport {
    public enum Format: String, Sendable, CaseIterable {
        case plain, json, mermaid
    }

    /// A sequence scene is simulated with `options`; the chart and the map use their defaults
    /// (their own commands, `cwnd` and `journey`, take their parameters).
    public static func text(_ scene: SceneSpec, options: SceneOptions = SceneOptions(), format: Format,
                            language: Language, width: Int = 80) throws -> String {
        switch scene.kind {
        case .sequence:
            let trace = try scene.simulate(options)
            switch format {
            case .plain: return TraceExport.plain(trace, language: language, width: width)
            case .json: return TraceExport.jsonLines(trace)
            case .mermaid: return TraceExport.mermaid(trace)
            }
        case .chart:
            let traces = [try CongestionLab.run(CwndParameters())]
            switch format {
            case .plain: return TraceExport.cwndPlain(traces, language: language)
            case .json: return TraceExport.cwndJSONLines(traces)
            case .mermaid: return TraceExport.cwndMermaid(traces)
            }
        case .map:
            let journey = try URLJourney.build(JourneyParameters())
            switch format {
            case .plain: return TraceExport.journeyPlain(journey, language: language, width: width)
            case .json: return TraceExport.journeyJSONLines(journey)
            case .mermaid: return TraceExport.journeyMermaid(journey, language: language)
            }
        }
    }
}
