import TutorCore

extension SceneSpec {
    /// The connection set-up (RFC 9293 §3.5): SYN, SYN+ACK, ACK.
    public static let tcp3Way = SceneSpec(
        id: "tcp-3way", order: 10,
        title: Localized(ko: "TCP 3-way 핸드셰이크", en: "TCP 3-way handshake"),
        summary: Localized(ko: "SYN, SYN+ACK, ACK로 양쪽 ISN을 주고받는 과정", en: "SYN, SYN+ACK and ACK exchanging both ISNs"),
        options: TCPScene.options, prediction: .tcpSegment, stateMachine: .tcp,
        simulate: { try TCPScene.run("tcp-3way", $0) })
}
