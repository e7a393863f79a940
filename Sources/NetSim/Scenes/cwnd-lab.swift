import TutorCore

extension SceneSpec {
    /// The congestion-window lab: a chart of `CongestionLab` rounds (`nettutor cwnd`).
    public static let cwndLab = SceneSpec(
        id: "cwnd-lab", order: 110, kind: .chart,
        title: Localized(ko: "혼잡 윈도우 실험실", en: "Congestion window lab"),
        summary: Localized(ko: "혼잡 윈도우의 변화를 그래프로", en: "The congestion window as a graph"),
        elsewhere: "cwnd-lab is a chart, not a sequence diagram: see 'nettutor cwnd'")
}
