import TutorCore

/// The congestion-window lab and the URL journey (screens, widgets, `--plain` exports), in both
/// languages. Round and stage narration is content (NetSim), not here.
extension UIText {
    // MARK: Congestion window: screen, chart, round strip

    static func renoHalves(_ window: String, _ l: Language) -> String {
        l == .ko ? "Reno는 반으로 줄여 \(window)+3" : "Reno halves to \(window)+3"
    }
    static func cubicCuts(_ window: String, _ l: Language) -> String { l == .ko ? "CUBIC은 ×0.7 = \(window)" : "CUBIC ×0.7 = \(window)" }
    static func restartsAtOne(_ algorithm: String, _ l: Language) -> String {
        l == .ko ? "\(algorithm)는 1에서 다시" : "\(algorithm) restarts at 1"
    }
    static let timeout = Localized(ko: "타임아웃", en: "timeout")
    static let tripleDupAcks = Localized(ko: "중복 ACK 3개", en: "3 dup ACKs")
    /// The chart's x axis and the export's first column.
    static let roundColumn = Localized(ko: "라운드", en: "round")
    static func roundAxisRTT(_ rtt: Int, _ l: Language) -> String { l == .ko ? "라운드(RTT \(rtt)ms)" : "round (RTT \(rtt) ms)" }
    static func segmentsSent(_ n: Int, _ l: Language) -> String { l == .ko ? "세그먼트 \(n)개 " : "\(n) segment\(n == 1 ? "" : "s") " }
    static let rtoExpires = Localized(ko: "RTO 만료", en: "RTO expires")
    static func dupAcks(_ n: Int, _ l: Language) -> String { l == .ko ? "중복 ACK \(n)개" : "dup ACKs \(n)" }

    // MARK: `cwnd --plain` (CwndExport)

    static func cwndSettings(ssthresh: String, window: String, rtt: Int, events: String?, _ l: Language) -> String {
        l == .ko ? "초기 ssthresh \(ssthresh), 초기 윈도우 \(window), RTT \(rtt)ms, 이벤트 \(events ?? "없음")"
                 : "initial ssthresh \(ssthresh), initial window \(window), RTT \(rtt) ms, events \(events ?? "none")"
    }
    static func smssUnit(_ smss: Int, _ l: Language) -> String {
        l == .ko ? " (윈도우 단위: SMSS = \(smss)바이트)" : " (windows in SMSS = \(smss) bytes)"
    }
    static let phaseColumn = Localized(ko: "단계", en: "phase")
    static let eventColumn = Localized(ko: "이벤트", en: "event")
    static let phaseKey = Localized(ko: "SS = slow start, CA = 혼잡 회피, FR = fast recovery", en: "SS = slow start, CA = congestion avoidance, FR = fast recovery")
    static let roundByRound = Localized(ko: "라운드별 설명", en: "Round by round")

    // MARK: URL journey: screen, widgets, `journey --plain`

    static let live = Localized(ko: "실측", en: "live")
    static let noAddress = Localized(ko: "(없음)", en: "(none)")
    static let address = Localized(ko: "주소", en: "address")
    static let cumulative = Localized(ko: "누적", en: "total")
    static func failed(_ stage: String, _ l: Language) -> String { l == .ko ? "실패(\(stage)): " : "failed (\(stage)): " }
    // Short hop names, when a hop's title is too wide.
    static let hopBrowser = Localized(ko: "브라우저", en: "Browser")
    static let hopSwitch = Localized(ko: "스위치", en: "Switch")
    static let hopCore = Localized(ko: "코어", en: "Core")
    static let hopServer = Localized(ko: "서버", en: "Server")
    static let hopResolver = Localized(ko: "리졸버", en: "Resolver")
    static let hopRoot = Localized(ko: "루트", en: "Root")
    static let hopAuthoritative = Localized(ko: "권한", en: "Auth")
    // The wire panel and the phase ruler.
    static let tlsInside = Localized(ko: "내용", en: "inside")
    static let socket = Localized(ko: "소켓", en: "socket")
    static let layer = Localized(ko: "계층", en: "layer")
    static let phaseServer = Localized(ko: "서버", en: "server")
    static let phaseTransfer = Localized(ko: "전송", en: "transfer")
}
