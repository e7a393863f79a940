import TutorCore

extension SceneSpec {
    public static let h2VsH3HOL = SceneSpec(
        id: "h2-vs-h3-hol", order: 125,
        title: Localized(ko: "HTTP/2와 HTTP/3의 HOL 블로킹", en: "Head-of-line blocking: HTTP/2 and HTTP/3"),
        summary: Localized(ko: "패킷 하나를 잃으면 HTTP/2(TCP)는 모든 스트림이, HTTP/3(QUIC)는 그 스트림만 기다립니다",
                           en: "One lost packet: under HTTP/2 (TCP) every stream waits, under HTTP/3 (QUIC) only the stream that lost data"),
        options: HeadOfLine.options, prediction: .messageKind,
        simulate: { try HeadOfLine.simulate([.h2, .h3], scene: "h2-vs-h3-hol", $0) })
}
