import TutorCore

extension SceneSpec {
    public static let corsNoAllowOrigin = SceneSpec(
        id: "cors-no-allow-origin", order: 163,
        title: Localized(ko: "Allow-Origin 없는 응답", en: "A response without Allow-Origin"),
        summary: Localized(ko: "서버는 요청을 처리했지만 Allow-Origin이 없어 브라우저가 응답을 스크립트에 주지 않습니다", en: "The server processed the request, but without Allow-Origin the browser withholds the response from the script"),
        options: CORSFetch.options, prediction: .messageKind,
        simulate: { try CORSFetch.simulate(.noAllowOrigin, scene: "cors-no-allow-origin", $0) })
}
