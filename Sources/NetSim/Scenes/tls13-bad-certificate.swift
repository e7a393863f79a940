import TutorCore

extension SceneSpec {
    public static let tls13BadCertificate = SceneSpec(
        id: "tls13-bad-certificate", order: 114,
        title: Localized(ko: "TLS 1.3 인증서 오류", en: "TLS 1.3 bad certificate"),
        summary: Localized(ko: "만료된 인증서에 클라이언트가 경고를 보내고 연결을 끊습니다", en: "An expired certificate: the client sends an alert and closes the connection"),
        options: TLSHandshake.options, prediction: .messageKind,
        simulate: { try TLSHandshake.simulate(.badCertificate, scene: "tls13-bad-certificate", $0) })
}
