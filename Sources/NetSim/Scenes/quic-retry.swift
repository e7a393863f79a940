import TutorCore

extension SceneSpec {
    public static let quicRetry = SceneSpec(
        id: "quic-retry", order: 122,
        title: Localized(ko: "QUIC Retry(주소 검증)", en: "QUIC Retry (address validation)"),
        summary: Localized(ko: "서버가 Retry로 토큰을 주고, 토큰을 담은 두 번째 Initial까지 1 RTT가 늘어납니다",
                           en: "The server answers with a token in a Retry; the second Initial carries it, one RTT later"),
        options: QUICHandshake.options, prediction: .messageKind,
        simulate: { try QUICHandshake.simulate(.retry, scene: "quic-retry", $0) })
}
