import NetSim
import TutorCore
import TutorRender

/// The words of `cwnd --real` on a terminal (RealLabScreen).
extension UIText {
    static let realLabSection = Localized(ko: "커널 TCP 실험", en: "Kernel TCP lab")
    static let realLabNote = Localized(
        ko: "cwnd와 ssthresh는 세그먼트 단위, RTT는 커널이 다듬은 값(srtt)입니다. 모델은 같은 손실을 같은 라운드에 넣은 교과서 규칙이고, 라운드 하나는 평균 RTT 하나입니다.",
        en: "cwnd and ssthresh count segments; RTT is the kernel's smoothed RTT (srtt). The model is the textbook rules with the kernel's losses put in the same rounds; one round is one mean RTT.")
    static let noMoreLossResponses = Localized(ko: "그쪽에는 손실 대응이 더 없습니다.", en: "No more loss responses that way.")
    static let noCapture = Localized(ko: "이 실행에서는 패킷을 캡처하지 못했습니다.", en: "No packets were captured in this run.")
    static let noSamples = Localized(ko: "TCP_INFO 표본이 없습니다.", en: "No TCP_INFO samples.")
    static let lastLossResponse = Localized(ko: "마지막 손실 대응: ", en: "Last loss response: ")
    static let segmentsUnit = Localized(ko: "세그먼트", en: "seg")

    public static func realLabRunning(_ seconds: Double, _ l: Language) -> String {
        let s = CaptureTrace.fixed(seconds, 0)
        return l == .ko ? "cwnd --real: 사설 네트워크 네임스페이스에서 실제로 전송하는 중입니다(최대 \(s)초)…" : "cwnd --real: running the transfer in a private network namespace (up to \(s) s)…"
    }
    public static func realLabSettings(rate: String, queue: String, loss: String?, _ l: Language) -> String {
        l == .ko ? "\(rate), 큐 \(queue)" + (loss.map { ", 손실 \($0)" } ?? "") : "\(rate), queue \(queue)" + (loss.map { ", loss \($0)" } ?? "")
    }
    public static func liveStreamHeader(_ stream: Int, a: String, b: String, _ l: Language) -> String {
        l == .ko ? "TCP 스트림 \(stream): A = \(a), B = \(b)" : "TCP stream \(stream): A = \(a), B = \(b)"
    }
    static func realLabTitle(_ algorithm: String, _ settings: String, _ l: Language) -> String {
        l == .ko ? "커널 TCP(\(algorithm)): \(settings)" : "Kernel TCP (\(algorithm)): \(settings)"
    }
    static func realLabCwndTitle(_ l: Language) -> String {
        l == .ko ? "혼잡 윈도우(세그먼트): 커널 vs 모델" : "Congestion window (segments): kernel vs model"
    }
    static func realLabCwndLegend(_ g: Glyphs, _ algorithm: String, _ l: Language) -> String {
        l == .ko ? "\(g.heavyHorizontal) 커널 cwnd  \(g.bullet) 모델(\(algorithm), 같은 손실)  \(g.dash) ssthresh  \(g.loss) 손실 대응"
                 : "\(g.heavyHorizontal) kernel cwnd  \(g.bullet) model (\(algorithm), same losses)  \(g.dash) ssthresh  \(g.loss) loss response"
    }
    static func realLabRTTTitle(_ l: Language) -> String {
        l == .ko ? "RTT(ms): 큐가 차면 늘어납니다" : "RTT (ms): it grows as the queue fills"
    }
    static func realLabRTTLegend(_ g: Glyphs, _ base: String, _ l: Language) -> String {
        l == .ko ? "\(g.heavyHorizontal) 커널의 srtt  \(g.dash) 빈 큐 \(base) ms: 그 위는 큐잉 지연"
                 : "\(g.heavyHorizontal) the kernel's srtt  \(g.dash) empty queue \(base) ms: above it is queueing delay"
    }
    static func realLabReading(t: String, cwnd: Int, model: String?, ssthresh: Int?, rtt: String, base: String, retrans: Int, state: String, _ l: Language) -> String {
        let m = model.map { l == .ko ? "(모델 \($0))" : " (model \($0))" } ?? ""
        let th = ssthresh.map(String.init) ?? (l == .ko ? "아직 없음" : "not set yet")
        return l == .ko ? "\(t)초: 커널 cwnd \(cwnd)\(m), ssthresh \(th), RTT \(rtt) ms(비었을 때 \(base)), 지금까지 재전송 \(retrans), 상태 \(state)"
                        : "At \(t) s: kernel cwnd \(cwnd)\(m), ssthresh \(th), RTT \(rtt) ms (empty queue \(base)), \(retrans) retransmitted so far, state \(state)"
    }

    // MARK: the capture chooser (CaptureChooserScreen)

    static let chooserSection = Localized(ko: "캡처의 대화 고르기", en: "Choosing a conversation")
    static func chooserTitle(_ name: String, _ n: Int, _ l: Language) -> String {
        l == .ko ? "캡처 \(name): TCP 대화 \(n)개" : "Capture \(name): \(n) TCP conversations"
    }
    static let chooserHint = Localized(ko: "재생할 TCP 대화를 고르세요(Enter). --stream N으로 바로 열 수도 있습니다.",
                                       en: "Pick the TCP conversation to play (Enter); --stream N opens one directly.")
    static let chooserHeader = Localized(ko: "번호|A|B|패킷|바이트|시작|길이", en: "#|A|B|Packets|Bytes|Start|Duration")
}
