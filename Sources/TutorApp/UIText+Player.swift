import TutorCore

/// The scene player, its widgets (ARQ window, TCP state diagram) and `play --plain`, in both
/// languages. A scene's narration is content (NetSim), not here.
extension UIText {
    // MARK: Player screen

    static let beforeStart = Localized(ko: "시작 전", en: "Before the start")
    static func predictScore(_ right: Int, _ total: Int, _ l: Language) -> String {
        l == .ko ? "  예측 \(right)/\(total)" : "  predict \(right)/\(total)"
    }
    static let guessRight = Localized(ko: "정답", en: "Right")
    static let itWas = Localized(ko: "정답은", en: "It was")
    static let playerHint = Localized(ko: "Space로 재생, → 로 한 단계씩 진행합니다. d는 다음에 보낼 메시지를 떨어뜨립니다.",
                                      en: "Space plays, → steps one event. d drops the next message to be sent.")

    // MARK: Widgets

    // ARQWindowStrip: each row names its side; the numbers are sequence numbers, mod the space.
    static let stripSender = Localized(ko: "송신자", en: "sender")
    static let stripReceiverSide = Localized(ko: "수신자", en: "receiver")
    static func stripReceiver(_ expected: Int, _ l: Language) -> String {
        l == .ko ? " 수신자: 다음 기대 \(expected)" : " receiver: expects \(expected)"
    }
    static func stripExpects(_ expected: Int, _ l: Language) -> String { l == .ko ? "다음 기대 \(expected)" : "expects \(expected)" }
    static func stripBuffered(_ held: String, _ l: Language) -> String { l == .ko ? ", 버퍼 {\(held)}" : ", buffered {\(held)}" }
    static func stripDelivered(_ n: Int, _ l: Language) -> String { l == .ko ? ", 전달 \(n)개" : ", delivered \(n)" }
    /// Why 0 follows 7: the numbers are reused.
    static func stripModulo(_ space: Int, _ l: Language) -> String { l == .ko ? "순서 번호 mod \(space)" : "seq numbers mod \(space)" }

    // ReceiveBufferGauge: bytes (B), and which side each reading belongs to.
    static let receiveBuffer = Localized(ko: "수신 버퍼", en: "receive buffer")
    static func gaugeUnread(_ unread: Int, of capacity: Int, _ l: Language) -> String {
        l == .ko ? "읽지 않은 \(unread)/\(capacity) B" : "\(unread)/\(capacity) B unread"
    }
    static func gaugeAdvertised(_ window: Int?, _ l: Language) -> String {
        guard let w = window else { return l == .ko ? "아직 광고한 rwnd 없음" : "no rwnd advertised yet" }
        return l == .ko ? "광고한 rwnd \(w) B" : "advertised rwnd \(w) B"
    }
    static func gaugeInFlight(_ bytes: Int, _ l: Language) -> String { l == .ko ? "전송 중 \(bytes) B" : "\(bytes) B in flight" }
    static func gaugeHeard(_ window: Int?, _ l: Language) -> String {
        guard let w = window else { return l == .ko ? "아직 받은 rwnd 없음" : "no rwnd heard yet" }
        return l == .ko ? "받은 rwnd \(w) B" : "heard rwnd \(w) B"
    }
    /// The usable window, in the narration's words ("bytes of window left").
    static func gaugeUsable(_ bytes: Int, _ l: Language) -> String { l == .ko ? "남은 윈도우 \(bytes) B" : "window left \(bytes) B" }
    /// A zero window heard: what the sender does about it.
    static let gaugeZeroWindow = Localized(ko: "받은 rwnd 0: 대기 중", en: "heard rwnd 0: waits")
    static let gaugePersist = Localized(ko: ", persist 타이머 동작", en: ", persist timer probes")
    static let gaugeNothingToSend = Localized(ko: "받은 rwnd 0 (보낼 데이터 없음)", en: "heard rwnd 0 (nothing left to send)")
    static func stripAllAcked(_ n: Int, _ l: Language) -> String {
        l == .ko ? "보낼 패킷 \(n)개를 모두 보냈고 모두 확인받았습니다" : "all \(n) packets sent and acknowledged"
    }
    static let tcpStatesTitle = Localized(ko: "TCP 상태 (RFC 9293 Figure 5)", en: "TCP states (RFC 9293 Figure 5)")
    // The legend under the figure; state names and RFC event names stay in English in both.
    static let tcpStatesNow = Localized(ko: "현재 상태", en: "Now")
    static let tcpStatesLastStep = Localized(ko: "방금 전이", en: "Last step")
    static let tcpStatesNoStep = Localized(ko: "아직 상태 변화 없음", en: "no change of state yet")
    static let tcpStatesOffFigure = Localized(ko: "Figure 5에 없는 전이", en: "not an edge of Figure 5")

    // MARK: `play --plain` (TraceExport)

    static func deliveredInOrder(_ n: Int, _ l: Language) -> String {
        l == .ko ? "애플리케이션에 순서대로 전달된 패킷: \(n)개" : "Packets delivered in order to the application: \(n)"
    }
    static let finalStates = Localized(ko: "최종 상태: ", en: "Final states: ")
    static let arrives = Localized(ko: "도착", en: "arrives")
    static let lost = Localized(ko: "손실", en: "lost")
    static let timerFires = Localized(ko: "만료", en: "fires")
    static let windowOpen = Localized(ko: "윈도우 [", en: "window [")
    static func receiverExpects(_ expected: Int, _ l: Language) -> String {
        l == .ko ? " | 수신자 기대 \(expected)" : " | receiver expects \(expected)"
    }
    static func holds(_ held: String, _ l: Language) -> String { l == .ko ? ", 버퍼 {\(held)}" : ", holds {\(held)}" }
}
