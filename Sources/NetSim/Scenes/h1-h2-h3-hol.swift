import TutorCore

extension SceneSpec {
    public static let h1H2H3HOL = SceneSpec(
        id: "h1-h2-h3-hol", order: 126,
        title: Localized(ko: "HTTP/1.1, HTTP/2, HTTP/3의 손실 대처", en: "One loss under HTTP/1.1, HTTP/2 and HTTP/3"),
        summary: Localized(ko: "같은 손실을 연결 여러 개의 HTTP/1.1, 연결 하나의 HTTP/2, QUIC의 HTTP/3가 어떻게 겪는지",
                           en: "The same loss under HTTP/1.1's parallel connections, HTTP/2's one connection and HTTP/3 over QUIC"),
        options: HeadOfLine.options, prediction: .messageKind,
        simulate: { try HeadOfLine.simulate([.h2, .h3, .h1], scene: "h1-h2-h3-hol", $0) })
}
