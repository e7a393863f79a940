import TutorCore

extension SceneSpec {
    public static let realtimeLongPolling = SceneSpec(
        id: "realtime-long-polling", order: 174,
        title: Localized(ko: "long polling의 이벤트 지연", en: "Event delay with long polling"),
        summary: Localized(ko: "붙잡아 둔 요청으로 바로 답하지만 다음 이벤트는 다시 묻기를 기다립니다", en: "The held request answers at once, but the next event waits for the next request"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.longPolling, scene: "realtime-long-polling", $0) })
}
