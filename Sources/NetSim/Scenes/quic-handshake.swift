import TutorCore

extension SceneSpec {
    public static let quicHandshake = SceneSpec(
        id: "quic-handshake", order: 120,
        title: Localized(ko: "QUIC 핸드셰이크", en: "QUIC handshake"),
        summary: Localized(ko: "TLS를 품은 QUIC 핸드셰이크: 번호 공간별 ACK, 첫 Initial로부터 1 RTT 만의 요청(TCP + TLS는 2 RTT)",
                           en: "QUIC's handshake with TLS inside: ACKs per number space, the request 1 RTT after the first Initial (TCP + TLS: 2)"),
        options: QUICHandshake.options, prediction: .messageKind,
        simulate: { try QUICHandshake.simulate(.full, scene: "quic-handshake", $0) })
}
