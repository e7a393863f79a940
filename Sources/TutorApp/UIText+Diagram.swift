import NetSim
import TutorCore

/// The sequence diagram's words: lane names, timers in the margins, the folded gaps, the two
/// views. State names stay as RFC 9293 spells them (Korean textbooks use them as they are).
extension UIText {
    /// A lane (endpoint) as the reader's language names it; unknown names are shown as they are.
    static func laneName(_ name: String, _ l: Language) -> String { l == .ko ? koreanLaneName(name) : name }

    /// A timer's name in the margin: TCP's (RTO, TIME-WAIT, persist) stay as the RFCs name
    /// them; an ARQ packet's timer ("timeout 3") and the application's read timer are translated.
    static func timerName(_ timer: String, _ l: Language) -> String {
        guard l == .ko else { return timer }
        if timer.hasPrefix("timeout ") { return "타이머 " + timer.dropFirst("timeout ".count) }
        if timer == "read" { return "읽기" }
        if timer == "delayed-ACK" { return "지연 ACK" }
        if timer == "retransmit" { return "재전송" }  // DHCP's client timers
        if timer == "restart" { return "재시작" }
        return timer
    }

    static func timerFires(_ name: String, _ l: Language) -> String { l == .ko ? "\(name) 만료" : "\(name) fires" }

    /// The marker of a folded silent stretch; while it plays, what ends it and how soon.
    static func gapMarker(_ ms: Double, _ l: Language) -> String { l == .ko ? "+\(Int(ms))ms 동안 조용함" : "+\(Int(ms))ms quiet" }
    static func gapCountdown(_ timer: String?, _ ms: Double, _ l: Language) -> String {
        switch (timer, l) {
        case (let t?, .ko): "\(t) 만료까지 \(Int(ms))ms"
        case (let t?, _): "\(t) fires in \(Int(ms))ms"
        case (nil, .ko): "다음 이벤트까지 \(Int(ms))ms"
        case (nil, _): "next event in \(Int(ms))ms"
        }
    }

    /// The help overlay's note: what the diagram's marks mean.
    static let diagramMarks = Localized(
        ko: "• 전송 중인 패킷  ✕ 도중에 손실  ↻ 재전송  #n 보낸 순서(양방향). 라벨은 자기 화살표 위에 있습니다.",
        en: "• a packet on its way  ✕ lost on the way  ↻ retransmission  #n order sent (both ways). Each label sits on its own arrow.")
    static func restartedWithDrops(_ drops: [Int], _ l: Language) -> String {
        let list = drops.map { "#\($0)" }.joined(separator: ", ")
        return l == .ko ? "처음부터 다시: 떨어뜨린 세그먼트(\(list))는 그대로입니다 (u로 취소)" : "Restarted with \(list) still dropped (u undoes)"
    }
    static let panelHidden = Localized(ko: "윈도우 상태는 예측을 마치면 다시 보입니다", en: "The window is hidden until you have made your guess")
    static let ladderView = Localized(ko: "사다리", en: "ladder")
    static let slantedViewOn = Localized(ko: "기울기 보기: 화살표가 보낸 때에서 도착한 때로 기울어집니다 (v: 사다리)",
                                         en: "Slanted view: each arrow falls from its send to its arrival (v: ladder)")
    static let ladderViewOn = Localized(ko: "사다리 보기: 메시지마다 한 줄 (v: 기울기)", en: "Ladder view: one row per message (v: slanted)")

    /// After a wrong guess: which fields were wrong.
    static func wrongFields(_ fields: [String], _ l: Language) -> String {
        guard l == .ko else { return "wrong: " + fields.joined(separator: ", ") }
        let names = ["flags": "플래그", "kind": "종류", "number": "번호"]
        return "틀린 항목: " + fields.map { names[$0] ?? $0 }.joined(separator: ", ")
    }
}
