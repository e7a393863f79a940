import TutorCore

extension SceneSpec {
    public static let websocketUpgrade = SceneSpec(
        id: "websocket-upgrade", order: 170,
        title: Localized(ko: "WebSocket 업그레이드", en: "WebSocket upgrade"),
        summary: Localized(ko: "Upgrade 요청과 101, Sec-WebSocket-Accept 계산, 마스킹된 프레임, Ping/Pong, 종료 핸드셰이크", en: "The Upgrade request and 101, the Sec-WebSocket-Accept, masked frames, Ping/Pong and the closing handshake"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.websocket, scene: "websocket-upgrade", $0) })
}
