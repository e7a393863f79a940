import TutorCore

extension SceneSpec {
    public static let realtimeSSE = SceneSpec(
        id: "realtime-sse", order: 175,
        title: Localized(ko: "SSE의 이벤트 지연", en: "Event delay with SSE"),
        summary: Localized(ko: "열어 둔 text/event-stream 응답 하나로 서버가 이벤트를 바로 밀어 넣습니다", en: "One open text/event-stream response: the server pushes each event at once"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.sse, scene: "realtime-sse", $0) })
}
