import TutorCore

extension SceneSpec {
    /// The URL journey: a map of the hops a page load crosses (`URLJourney`, `nettutor journey`).
    public static let urlJourney = SceneSpec(
        id: "url-journey", order: 1000, kind: .map,
        title: Localized(ko: "URL에서 웹 페이지까지", en: "From URL to web page"),
        summary: Localized(ko: "URL 입력부터 화면 표시까지", en: "From typing a URL to a rendered page"),
        elsewhere: "url-journey is a map of hops, not a sequence diagram: see 'nettutor journey'")
}
