import TutorCore

extension SceneSpec {
    public static let tcpNagleDelayedAck = SceneSpec(
        id: "tcp-nagle-delayed-ack", order: 101,
        title: Localized(ko: "Nagle과 지연 ACK", en: "Nagle meets delayed ACK"),
        summary: Localized(ko: "write–write–read: Nagle이 본문을 붙잡고 서버가 ACK를 미뤄 요청이 지연 ACK 시간만큼 멈춥니다", en: "Write–write–read: Nagle holds the body, the server delays its ACK, and the request stalls for the delayed-ACK time"),
        options: NagleDelayedAck.options, prediction: .messageKind,
        simulate: { try NagleDelayedAck.simulate(.init(), scene: "tcp-nagle-delayed-ack", $0) })
}
