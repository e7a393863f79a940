import TutorCore

extension SceneSpec {
    public static let tcpSingleWrite = SceneSpec(
        id: "tcp-single-write", order: 104,
        title: Localized(ko: "한 번의 write: Nagle과 지연 ACK", en: "One write: Nagle and delayed ACK"),
        summary: Localized(ko: "요청을 한 번에 쓰면 Nagle과 지연 ACK가 모두 켜져 있어도 멈추지 않습니다", en: "A request written at once does not stall, even with Nagle and delayed ACK both on"),
        options: NagleDelayedAck.options, prediction: .messageKind,
        simulate: { try NagleDelayedAck.simulate(.init(singleWrite: true), scene: "tcp-single-write", $0) })
}
