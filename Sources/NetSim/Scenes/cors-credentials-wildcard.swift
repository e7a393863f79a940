import TutorCore

extension SceneSpec {
    public static let corsCredentialsWildcard = SceneSpec(
        id: "cors-credentials-wildcard", order: 164,
        title: Localized(ko: "쿠키와 Allow-Origin: *", en: "Credentials with Allow-Origin: *"),
        summary: Localized(ko: "쿠키를 보낸 요청에 Access-Control-Allow-Origin: *로 답하면 브라우저가 CORS 검사에서 거부합니다", en: "A response with Access-Control-Allow-Origin: * to a request with cookies fails the browser's CORS check"),
        options: CORSFetch.options, prediction: .messageKind,
        simulate: { try CORSFetch.simulate(.credentialsWildcard, scene: "cors-credentials-wildcard", $0) })
}
