import TutorCore

extension SceneSpec {
    public static let websocketProxyIdle = SceneSpec(
        id: "websocket-proxy-idle", order: 172,
        title: Localized(ko: "프록시 유휴 타임아웃", en: "Proxy idle timeout"),
        summary: Localized(ko: "조용한 WebSocket을 프록시가 60초 뒤에 끊어 onclose 1006이 됩니다", en: "A quiet WebSocket cut by a proxy after 60 s: onclose 1006"),
        options: WebSocketSession.options, prediction: .messageKind,
        simulate: { try WebSocketSession.simulate(.proxyIdle, scene: "websocket-proxy-idle", $0) })
}
