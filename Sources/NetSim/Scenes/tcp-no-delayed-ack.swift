import TutorCore

extension SceneSpec {
    public static let tcpNoDelayedAck = SceneSpec(
        id: "tcp-no-delayed-ack", order: 103,
        title: Localized(ko: "Nagle과 즉시 ACK", en: "Nagle with an immediate ACK"),
        summary: Localized(ko: "서버가 바로 ACK하면 Nagle의 대기는 1 RTT뿐입니다", en: "When the server ACKs at once, Nagle's wait costs only one RTT"),
        options: NagleDelayedAck.options, prediction: .messageKind,
        simulate: { try NagleDelayedAck.simulate(.init(delayedAck: false), scene: "tcp-no-delayed-ack", $0) })
}
