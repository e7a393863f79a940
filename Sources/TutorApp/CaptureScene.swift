import NetSim
import TutorCore

extension SceneSpec {
    /// A capture as a scene for the player: its simulation is the capture itself (no options,
    /// no drops). The player knows it by its measured trace.
    public static func capture(_ trace: Trace, title: Localized) -> SceneSpec {
        SceneSpec(id: "capture", order: 0, title: title, summary: UIText.captureSummary, options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in trace })
    }
}
