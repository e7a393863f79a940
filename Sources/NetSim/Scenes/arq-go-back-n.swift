import TutorCore

extension SceneSpec {
    /// Go-Back-N: a window of packets, cumulative ACKs, one lost packet by default. (Kurose & Ross §3.4)
    public static let arqGoBackN = SceneSpec(
        id: "arq-go-back-n", order: 80,
        title: Localized(ko: "Go-Back-N ARQ", en: "Go-Back-N ARQ"),
        summary: Localized(ko: "누적 ACK와 타이머 하나, 손실 시 창 전체를 다시 보냅니다", en: "Cumulative ACKs, one timer, and the whole window resent on a loss"),
        options: [.drop, .loss, .seed, .rtt, .window, .packets], prediction: .label,
        simulate: { try ARQScene.run("arq-go-back-n", .goBackN, $0) })
}
