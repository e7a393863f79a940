import TutorCore

extension SceneSpec {
    public static let quic0rtt = SceneSpec(
        id: "quic-0rtt", order: 123,
        title: Localized(ko: "QUIC 재개와 0-RTT", en: "QUIC resumption and 0-RTT"),
        summary: Localized(ko: "재개한 연결에서 요청이 첫 Initial과 함께 0-RTT 패킷으로 나갑니다",
                           en: "On a resumed connection the request leaves in a 0-RTT packet with the first Initial"),
        options: QUICHandshake.options, prediction: .messageKind,
        simulate: { try QUICHandshake.simulate(.zeroRTT, scene: "quic-0rtt", $0) })
}
