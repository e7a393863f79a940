import TutorCore

extension SceneSpec {
    /// The close of tcp-4way with the client's last ACK (transmission 7) lost: the server
    /// retransmits its FIN and TIME-WAIT answers it again (RFC 9293 §3.10.7.4).
    public static let tcpLostFinalAck = SceneSpec(
        id: "tcp-lost-final-ack", order: 30,
        title: Localized(ko: "마지막 ACK 손실과 TIME-WAIT", en: "Lost final ACK and TIME-WAIT"),
        summary: Localized(ko: "마지막 ACK가 손실되면 FIN이 재전송되고 TIME-WAIT가 다시 ACK합니다", en: "A lost final ACK: the FIN is retransmitted and TIME-WAIT re-ACKs it"),
        options: TCPScene.options, prediction: .tcpSegment, stateMachine: .tcp,
        simulate: {
            try TCPScene.run("tcp-lost-final-ack", $0, extraDrops: [7], serverClosesAfterEOF: true) { $0.schedule(.close, on: 0, at: 300) }
        })
}
