import TutorCore

extension SceneSpec {
    public static let corsSimple = SceneSpec(
        id: "cors-simple", order: 162,
        title: Localized(ko: "CORS simple request", en: "CORS simple request"),
        summary: Localized(ko: "safelisted 메서드와 헤더만 쓴 요청은 preflight 없이 바로 가고, 응답의 Allow-Origin만 검사합니다", en: "A request with only safelisted methods and headers goes at once; only the response's Allow-Origin is checked"),
        options: CORSFetch.options, prediction: .messageKind,
        simulate: { try CORSFetch.simulate(.simple, scene: "cors-simple", $0) })
}
