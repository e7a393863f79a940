import TutorCore

extension SceneSpec {
    public static let corsPreflightDenied = SceneSpec(
        id: "cors-preflight-denied", order: 161,
        title: Localized(ko: "CORS preflight 거부", en: "CORS preflight denied"),
        summary: Localized(ko: "preflight 응답이 헤더를 허락하지 않으면 실제 요청은 아예 보내지 않습니다", en: "When the preflight response does not allow the header, the request itself is never sent"),
        options: CORSFetch.options, prediction: .messageKind,
        simulate: { try CORSFetch.simulate(.preflightDenied, scene: "cors-preflight-denied", $0) })
}
