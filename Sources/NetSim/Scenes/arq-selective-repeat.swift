import TutorCore

extension SceneSpec {
    /// Selective Repeat: per-packet ACKs and timers, one lost packet by default. (Kurose & Ross §3.4)
    public static let arqSelectiveRepeat = SceneSpec(
        id: "arq-selective-repeat", order: 90,
        title: Localized(ko: "Selective Repeat ARQ", en: "Selective Repeat ARQ"),
        summary: Localized(ko: "패킷마다 ACK와 타이머, 수신자 버퍼로 손실된 것만 다시 보냅니다", en: "Per-packet ACKs and timers and a receiver buffer: only losses are resent"),
        options: [.drop, .loss, .seed, .rtt, .window, .packets], prediction: .label,
        simulate: { try ARQScene.run("arq-selective-repeat", .selectiveRepeat, $0) })
}
