import TutorCore

extension SceneSpec {
    public static let tcpNodelay = SceneSpec(
        id: "tcp-nodelay", order: 102,
        title: Localized(ko: "TCP_NODELAY와 지연 ACK", en: "TCP_NODELAY against delayed ACK"),
        summary: Localized(ko: "Nagle을 끄면 두 조각이 바로 나가 지연 ACK가 있어도 1 RTT에 응답이 옵니다", en: "With Nagle off both pieces leave at once: the response comes in one RTT despite the delayed ACK"),
        options: NagleDelayedAck.options, prediction: .messageKind,
        simulate: { try NagleDelayedAck.simulate(.init(nagle: false), scene: "tcp-nodelay", $0) })
}
