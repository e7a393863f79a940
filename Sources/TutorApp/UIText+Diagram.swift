import TutorCore

/// The sequence diagram's words: lane names, timers in the margins, the folded gaps, the two
/// views. State names stay as RFC 9293 spells them (Korean textbooks use them as they are).
extension UIText {
    /// A lane (endpoint) as the reader's language names it; unknown names are shown as they are.
    static func laneName(_ name: String, _ l: Language) -> String {
        guard l == .ko else { return name }
        let words = ["client": "클라이언트", "server": "서버", "sender": "송신자", "receiver": "수신자", "edge": "에지 서버"]
        if let w = words[name] { return w }
        // "TCP client", "UDP server": the protocol stays, the role is translated.
        let parts = name.split(separator: " ").map(String.init)
        if parts.count == 2, let w = words[parts[1]] { return "\(parts[0]) \(w)" }
        return name
    }

    /// A timer's name in the margin: TCP's (RTO, TIME-WAIT, persist) stay as the RFCs name
    /// them; an ARQ packet's timer ("timeout 3") and the application's read timer are translated.
    static func timerName(_ timer: String, _ l: Language) -> String {
        guard l == .ko else { return timer }
        if timer.hasPrefix("timeout ") { return "타이머 " + timer.dropFirst("timeout ".count) }
        if timer == "read" { return "읽기" }
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
        ko: "• 전송 중인 패킷  ✕ 도중에 유실  ↻ 재전송  #n 보낸 순서(양방향). 라벨은 자기 화살표 위에 있습니다.",
        en: "• a packet on its way  ✕ lost on the way  ↻ retransmission  #n order sent (both ways). Each label sits on its own arrow.")
    static let ladderView = Localized(ko: "사다리 보기", en: "ladder view")
    static let slantedView = Localized(ko: "기울기 보기", en: "slanted view")
    static let ladderChosen = Localized(ko: "사다리 보기: 이 폭에서는 기울어진 화살표와 라벨을 함께 그릴 수 없습니다 (v로 전환)",
                                        en: "Ladder view: slanted arrows and their labels do not fit this width (v switches)")

    /// After a wrong guess: which fields were wrong.
    static func wrongFields(_ fields: [String], _ l: Language) -> String {
        guard l == .ko else { return "wrong: " + fields.joined(separator: ", ") }
        let names = ["flags": "플래그", "kind": "종류", "number": "번호"]
        return "틀린 항목: " + fields.map { names[$0] ?? $0 }.joined(separator: ", ")
    }
}
