import TutorCore

extension SceneSpec {
    /// For comparison with tls13-handshake: the same connection, one more round trip.
    public static let tls12Handshake = SceneSpec(
        id: "tls12-handshake", order: 115,
        title: Localized(ko: "TLS 1.2 핸드셰이크", en: "TLS 1.2 handshake"),
        summary: Localized(ko: "비교용: 키 합의가 끝나기까지 2 RTT가 걸리는 TLS 1.2", en: "For comparison: TLS 1.2, whose key agreement takes two round trips"),
        options: TLSHandshake.options, prediction: .messageKind,
        simulate: { try TLSHandshake.simulate(.tls12, scene: "tls12-handshake", $0) })
}
