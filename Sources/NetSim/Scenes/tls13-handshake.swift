import TutorCore

extension SceneSpec {
    public static let tls13Handshake = SceneSpec(
        id: "tls13-handshake", order: 111,
        title: Localized(ko: "TLS 1.3 핸드셰이크", en: "TLS 1.3 handshake"),
        summary: Localized(ko: "ClientHello부터 1 RTT 만에 요청을 보내는 TLS 1.3 핸드셰이크와 각 메시지의 키", en: "The TLS 1.3 handshake, its keys per message, and the request one RTT after the ClientHello"),
        options: TLSHandshake.options, prediction: .messageKind,
        simulate: { try TLSHandshake.simulate(.full, scene: "tls13-handshake", $0) })
}
