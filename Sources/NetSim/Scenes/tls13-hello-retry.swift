import TutorCore

extension SceneSpec {
    public static let tls13HelloRetry = SceneSpec(
        id: "tls13-hello-retry", order: 112,
        title: Localized(ko: "TLS 1.3 HelloRetryRequest", en: "TLS 1.3 HelloRetryRequest"),
        summary: Localized(ko: "키 공유가 맞지 않으면 서버가 다시 요청해 1 RTT가 늘어납니다", en: "A key share the server cannot use costs a HelloRetryRequest and one more RTT"),
        options: TLSHandshake.options, prediction: .messageKind,
        simulate: { try TLSHandshake.simulate(.helloRetry, scene: "tls13-hello-retry", $0) })
}
