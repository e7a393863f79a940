import TutorCore

extension SceneSpec {
    public static let tls13Resumption0rtt = SceneSpec(
        id: "tls13-resumption-0rtt", order: 113,
        title: Localized(ko: "TLS 1.3 재개와 0-RTT", en: "TLS 1.3 resumption and 0-RTT"),
        summary: Localized(ko: "PSK로 재개하며 첫 요청을 0-RTT로 보냅니다(그리고 왜 replay될 수 있는지)", en: "Resuming with a PSK, the request sent as 0-RTT data (and why it can be replayed)"),
        options: TLSHandshake.options, prediction: .messageKind,
        simulate: { try TLSHandshake.simulate(.resumption, scene: "tls13-resumption-0rtt", $0) })
}
