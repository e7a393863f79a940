import NetSim
import TutorCore
import TutorRender

/// `nettutor trace` (CaptureText, the player's title), in both languages. What each finding
/// means is content (NetSim's CaptureTrace), not here.
extension UIText {
    static func captureSummary(_ file: String, packets: Int, link: String, _ l: Language) -> String {
        l == .ko ? "\(file): 패킷 \(packets)개, \(link)" : "\(file): \(packets) packets, \(link)"
    }
    static func conversations(_ proto: String, _ n: Int, _ l: Language) -> String {
        l == .ko ? "\(proto) 대화 \(n)개" : "\(proto) conversations (\(n))"
    }
    static let conversationHeader = Localized(ko: "번호|A|B|A→B 패킷|바이트|B→A 패킷|바이트|패킷|바이트|시작(s)|길이(s)",
                                              en: "stream|A|B|A→B frames|bytes|B→A frames|bytes|frames|bytes|start (s)|duration (s)")
    static func skippedPackets(_ n: Int, _ l: Language) -> String {
        l == .ko ? "IP가 아니거나 너무 짧게 잘린 패킷 \(n)개는 건너뛰었습니다" : "\(n) packets were not IP or were cut too short, and were skipped"
    }
    static func streamHeader(_ file: String, index: Int, a: String, b: String, segments: Int, _ l: Language) -> String {
        l == .ko ? "\(file): TCP 스트림 \(index), A = \(a), B = \(b), 세그먼트 \(segments)개"
                 : "\(file): TCP stream \(index), A = \(a), B = \(b), \(segments) segments"
    }
    static func handshakeRTT(_ ms: String, _ l: Language) -> String { l == .ko ? "핸드셰이크 RTT \(ms) ms" : "handshake RTT \(ms) ms" }
    static func recognised(_ n: Int, _ l: Language) -> String {
        l == .ko ? "알아본 UDP 메시지 \(n)개(처음 20개까지):" : "UDP messages recognised: \(n) (the first 20):"
    }
    static let relativeNumbers = Localized(ko: "번호는 각 방향의 첫 번호에 상대적입니다(ISN = 0).",
                                           en: "Sequence and ACK numbers are relative to each side's first one (ISN = 0).")
    static let findings = Localized(ko: "분석 표시", en: "Findings")
    static let noFindings = Localized(ko: "없음", en: "none")
    /// The player's title for a capture.
    public static func captureTitle(_ file: String, stream: Int) -> Localized {
        Localized(ko: "캡처 \(file), 스트림 \(stream)", en: "Capture \(file), stream \(stream)")
    }
    static func liveTitle(_ source: String) -> Localized {
        Localized(ko: "실시간 캡처 \(source)", en: "Live capture \(source)")
    }
    public static func liveWaiting(_ source: String, _ l: Language) -> String {
        l == .ko ? "\(source)에서 TCP 세그먼트를 기다리는 중입니다. 트래픽을 만들어 보세요(예: curl). 도착하는 대로 여기에 그려집니다."
                 : "Waiting for TCP segments on \(source): make some traffic (curl, a browser); they are drawn here as they arrive."
    }
    static func liveStatus(_ packets: Int, streams: Int, _ l: Language) -> String {
        let many = streams > 1 ? (l == .ko ? ", TCP 대화 \(streams)개" : ", \(streams) TCP streams") : ""
        return (l == .ko ? "실시간 \(packets)패킷" : "live \(packets) pkts") + many
    }
    static func liveNewStream(_ streams: Int, followed: Int, _ l: Language) -> String {
        l == .ko ? "새 TCP 대화가 시작됐습니다(모두 \(streams)개). 이 플레이어는 스트림 \(followed)을 따라갑니다. 다른 대화는 --stream N으로 보세요."
                 : "A new TCP conversation began (\(streams) so far); this player follows stream \(followed). --stream N follows another."
    }
    static let captureNoDrops = Localized(ko: "캡처는 이미 일어난 일이라 다시 떨어뜨릴 수 없습니다. 손실은 n으로 찾아가 보세요.",
                                          en: "A capture is what already happened: nothing can be dropped again. n finds its real losses.")
    static let captureNoPredict = Localized(ko: "예측 모드는 모델이 다음에 보낼 것을 맞히는 것입니다. 캡처는 이미 보낸 것이니 →로 한 단계씩 보세요.",
                                            en: "Predict mode guesses what a model sends next; a capture is what was sent: step it with →.")
    static let captureHint = Localized(ko: "→는 세그먼트 하나씩, n은 다음 분석 표시(Enter: 그것을 설명하는 수업 절), t는 시간-순서 번호 그래프, s는 상태 다이어그램입니다.",
                                       en: "→ steps one segment; n jumps to the next finding (Enter: the lesson section on it); t the time-sequence graph; s the state diagram.")
    public static let captureSummary = Localized(ko: "실제 패킷", en: "Real packets")

    // MARK: The time-sequence graph (`t` in the player)

    static func timeSequenceTitle(_ direction: String?, _ l: Language) -> String {
        (l == .ko ? "시간-순서 번호 그래프" : "Time-sequence graph") + (direction.map { " " + $0 } ?? "")
    }
    static let noDataSegments = Localized(ko: "데이터를 실은 세그먼트가 없습니다.", en: "No segment carries data.")
    static func timeSequenceLegend(_ g: Glyphs, _ l: Language) -> String {
        l == .ko ? "\(g.vertical) 세그먼트  \(g.retransmit) 재전송  \(g.horizontal) ACK  \(g.dash) ACK+윈도우(수신 윈도우의 끝)  t 닫기"
                 : "\(g.vertical) segment  \(g.retransmit) resent  \(g.horizontal) ACK  \(g.dash) ACK+window (receive window's edge)  t close"
    }

    // MARK: `cwnd --real` (RealLabText)

    static func realLabHeader(_ settings: String, seconds: String, _ l: Language) -> String {
        l == .ko ? "cwnd --real: \(settings), \(seconds)초 동안 전송" : "cwnd --real: \(settings), transfer took \(seconds) s"
    }
    static func realLabRTT(_ base: String, _ max: String, _ l: Language) -> String {
        l == .ko ? "RTT: 큐가 비었을 때 \(base) ms, 큐가 차면 최대 \(max) ms (큐잉 지연, 버퍼블로트)"
                 : "RTT: \(base) ms with the queue empty, up to \(max) ms as it fills (queueing delay, bufferbloat)"
    }
    static func realLabCwnd(_ maxCwnd: Int, _ responses: Int, _ retrans: Int, _ l: Language) -> String {
        l == .ko ? "커널의 혼잡 윈도우: 최대 \(maxCwnd) 세그먼트, 손실에 대응해 줄인 횟수 \(responses), 재전송 \(retrans)"
                 : "kernel cwnd: at most \(maxCwnd) segments; \(responses) loss responses (cwnd fell); \(retrans) retransmissions"
    }
    static func realLabResponse(_ t: String, _ from: Int, _ to: Int, timeout: Bool, _ l: Language) -> String {
        l == .ko ? "\(t)초: cwnd \(from) → \(to)\(timeout ? " (타임아웃, Loss 상태)" : " (빠른 복구)")"
                 : "at \(t) s: cwnd \(from) → \(to)\(timeout ? " (timeout, Loss state)" : " (fast recovery)")"
    }
    static func realLabColumns(_ algorithm: String, _ l: Language) -> String {
        l == .ko ? " 라운드    커널 cwnd    모델(\(algorithm))   (라운드 = 평균 RTT 하나, 같은 손실을 넣은 교과서 모델)"
                 : " round   kernel cwnd  model (\(algorithm))   (a round is one mean RTT; the textbook model with the same losses)"
    }
}
