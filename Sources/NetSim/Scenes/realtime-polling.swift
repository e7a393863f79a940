import TutorCore

extension SceneSpec {
    public static let realtimePolling = SceneSpec(
        id: "realtime-polling", order: 173,
        title: Localized(ko: "polling의 이벤트 지연", en: "Event delay with polling"),
        summary: Localized(ko: "2초마다 묻는 polling에서 서버 이벤트가 클라이언트에 닿기까지의 지연", en: "How late a server event reaches a client that polls every 2 s"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.polling, scene: "realtime-polling", $0) })
}
