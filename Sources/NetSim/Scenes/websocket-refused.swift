import TutorCore

extension SceneSpec {
    public static let websocketRefused = SceneSpec(
        id: "websocket-refused", order: 171,
        title: Localized(ko: "WebSocket 업그레이드 거부", en: "WebSocket upgrade refused"),
        summary: Localized(ko: "서버가 Upgrade를 무시하고 200으로 답하면 연결은 평범한 HTTP로 남습니다", en: "A server that ignores the Upgrade and answers 200 leaves plain HTTP"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.refused, scene: "websocket-refused", $0) })
}
