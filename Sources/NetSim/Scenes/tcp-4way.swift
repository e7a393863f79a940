import TutorCore

extension SceneSpec {
    /// The close (RFC 9293 §3.6): the client closes at 300 ms, the server 100 ms after it reads
    /// end-of-file; the client then waits 2 x MSL in TIME-WAIT.
    public static let tcp4Way = SceneSpec(
        id: "tcp-4way", order: 20,
        title: Localized(ko: "TCP 4-way 핸드셰이크 (연결 종료)", en: "TCP 4-way handshake (close)"),
        summary: Localized(ko: "FIN과 ACK로 두 방향을 따로 닫고 TIME-WAIT를 거치는 과정", en: "FIN and ACK closing each direction, then TIME-WAIT"),
        options: TCPScene.options, prediction: .tcpSegment, stateMachine: .tcp,
        simulate: { try TCPScene.run("tcp-4way", $0, serverClosesAfterEOF: true) { $0.schedule(.close, on: 0, at: 300) } })
}
