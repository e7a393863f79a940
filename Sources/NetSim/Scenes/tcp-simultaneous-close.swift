import TutorCore

extension SceneSpec {
    /// Both ends close at the same moment: FIN-WAIT-1, CLOSING, then TIME-WAIT on both sides
    /// (RFC 9293 §3.6, Figure 13).
    public static let tcpSimultaneousClose = SceneSpec(
        id: "tcp-simultaneous-close", order: 50,
        title: Localized(ko: "동시 종료", en: "Simultaneous close"),
        summary: Localized(ko: "양쪽이 동시에 FIN을 보내 CLOSING을 거쳐 둘 다 TIME-WAIT로 갑니다", en: "Both send FIN at once, pass CLOSING and both enter TIME-WAIT"),
        options: TCPScene.options, prediction: .tcpSegment, stateMachine: .tcp,
        simulate: {
            try TCPScene.run("tcp-simultaneous-close", $0) { sim in
                sim.schedule(.close, on: 0, at: 300)
                sim.schedule(.close, on: 1, at: 300)
            }
        })
}
