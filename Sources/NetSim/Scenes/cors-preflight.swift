import TutorCore

extension SceneSpec {
    public static let corsPreflight = SceneSpec(
        id: "cors-preflight", order: 160,
        title: Localized(ko: "CORS preflight", en: "CORS preflight"),
        summary: Localized(ko: "사용자 정의 헤더가 붙은 교차 출처 fetch: OPTIONS preflight로 허락을 받은 뒤에야 실제 요청이 갑니다", en: "A cross-origin fetch with a custom header: the request goes only after an OPTIONS preflight allows it"),
        options: CORSFetch.options, prediction: .messageKind,
        simulate: { try CORSFetch.simulate(.preflight, scene: "cors-preflight", $0) })
}
