import TutorCore

extension SceneSpec {
    /// The SYN and its first retransmission lost (unless --drop says otherwise): the RTO
    /// doubles each time (RFC 6298 §5.5).
    public static let tcpSynRetransmit = SceneSpec(
        id: "tcp-syn-retransmit", order: 40,
        title: Localized(ko: "SYN 재전송", en: "SYN retransmission"),
        summary: Localized(ko: "SYN이 손실되면 RTO가 두 배씩 늘며 재전송됩니다", en: "A lost SYN is retransmitted with the RTO doubling each time"),
        options: TCPScene.options, prediction: .tcpSegment, stateMachine: .tcp,
        simulate: { try TCPScene.run("tcp-syn-retransmit", $0, defaultDrops: [1, 2]) })
}
