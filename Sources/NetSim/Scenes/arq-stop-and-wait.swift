import TutorCore

extension SceneSpec {
    /// Stop-and-wait: one packet, then its ACK; a lost packet and a lost ACK by default. (Kurose & Ross §3.4)
    public static let arqStopAndWait = SceneSpec(
        id: "arq-stop-and-wait", order: 70,
        title: Localized(ko: "Stop-and-Wait ARQ", en: "Stop-and-wait ARQ"),
        summary: Localized(ko: "패킷 하나씩 보내고 ACK를 기다리며, 손실은 타임아웃으로 복구합니다", en: "One packet at a time; losses are repaired by timeouts"),
        options: [.drop, .loss, .seed, .rtt, .packets], prediction: .label,
        simulate: { try ARQScene.run("arq-stop-and-wait", .stopAndWait, $0) })
}
