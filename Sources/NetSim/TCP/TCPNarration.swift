import TutorCore

/// What the TCP simulation says about each rule it applies, in both languages: the rules in
/// the other TCP files name the sentence, this table holds its words.
typealias Say = TCPNarration

enum TCPNarration {
    // MARK: the link

    static func lost(_ label: String) -> Localized {
        Localized(ko: "\(label) 세그먼트가 링크에서 사라집니다. 받는 쪽은 이 세그먼트가 있었다는 것조차 모릅니다.",
                  en: "\(label) is lost on the link. The receiver never learns it existed.")
    }
    static func receives(_ name: String, _ label: String) -> Localized {
        Localized(ko: "\(koreanLaneName(name))\(josa(label: koreanLaneName(name), "이")) \(label)\(josa(label: label, "을")) 받습니다.", en: "\(name) receives \(label).")
    }

    // MARK: timers

    static func retransmitTimerStarts(_ rto: Double) -> Localized {
        Localized(ko: "재전송 타이머(RTO \(ms(rto)))를 시작합니다. 이 시간 안에 ACK가 없으면 다시 보냅니다(RFC 6298 5.1절).",
                  en: "The retransmission timer starts (RTO \(ms(rto))). Without an ACK in that time, the segment is sent again (RFC 6298 Section 5.1).")
    }
    static let timeWaitExpires = Localized(ko: "2 x MSL이 지나 옛 세그먼트가 모두 사라졌다고 봅니다.", en: "2 x MSL has passed; old duplicates are assumed gone.")
    static let timeWaitOver = Localized(ko: "TIME-WAIT가 끝나 연결 정보를 지웁니다.", en: "TIME-WAIT is over and the connection record is deleted.")
    static let persistExpires = Localized(ko: "persist 타이머가 만료되었습니다.", en: "The persist timer expires.")
    static let zeroWindowProbe = Localized(
        ko: "zero-window probe: 1바이트를 보내 상대가 현재 윈도우를 담은 ACK로 답하게 합니다. 윈도우 갱신 ACK가 손실돼도 교착되지 않습니다.",
        en: "Zero-window probe: one byte that makes the peer answer with an ACK carrying its current window, so a lost window update cannot deadlock the connection.")
    static func probeIntervalDoubles(_ interval: Double) -> Localized {
        Localized(ko: "다음 probe까지의 간격을 두 배(\(ms(interval)))로 늘립니다.", en: "The interval to the next probe doubles (\(ms(interval))).")
    }
    static func rtoExpires(_ label: String) -> Localized {
        Localized(ko: "RTO가 만료되었습니다. \(label)에 대한 ACK가 오지 않았습니다.", en: "The RTO expires: no ACK came for \(label).")
    }
    static func givesUp(_ count: Int) -> Localized {
        Localized(ko: "재전송을 \(count)번 해도 응답이 없어 연결을 포기합니다(RFC 9293 3.8.3절).",
                  en: "No answer after \(count) retransmissions: the connection is given up (RFC 9293 Section 3.8.3).")
    }
    static func retransmits(_ label: String) -> Localized {
        Localized(ko: "가장 오래된 미확인 세그먼트 \(label)\(josa(label: label, "을")) 다시 보냅니다(RFC 6298 5.4절).",
                  en: "Retransmits the earliest unacknowledged segment, \(label) (RFC 6298 Section 5.4).")
    }
    static func rtoDoubles(_ rto: Double) -> Localized {
        Localized(ko: "RTO를 두 배인 \(ms(rto))로 늘려 다시 시작합니다(지수 백오프, RFC 6298 5.5절).",
                  en: "The RTO doubles to \(ms(rto)) and restarts (exponential backoff, RFC 6298 Section 5.5).")
    }

    // MARK: application calls and sending

    static func listens(_ name: String) -> Localized {
        Localized(ko: "\(koreanLaneName(name))\(josa(label: koreanLaneName(name), "이")) passive open(listen())을 하고 어느 상대든 연결 요청을 기다립니다.", en: "\(name) does a passive open (listen()) and waits for a connection request from any peer.")
    }
    static func activeOpen(iss: UInt32) -> Localized {
        Localized(ko: "active open: 자신의 ISN \(iss)\(josa(Int(iss), "을")) 담은 SYN을 보냅니다. SYN은 sequence number 하나를 차지합니다(RFC 9293 3.4절).",
                  en: "Active open: sends a SYN carrying its ISN \(iss). The SYN occupies one sequence number (RFC 9293 Section 3.4).")
    }
    static let synSent = Localized(ko: "연결 요청을 보냈고 상대의 응답을 기다립니다.", en: "Connection request sent; waiting for the peer's answer to it.")
    static func writes(_ name: String, _ bytes: Int) -> Localized {
        Localized(ko: "\(koreanLaneName(name))의 애플리케이션이 \(bytes)바이트를 write()합니다.", en: "\(name)'s application writes \(bytes) bytes.")
    }
    static func closes(_ name: String) -> Localized {
        Localized(ko: "\(koreanLaneName(name))의 애플리케이션이 close()를 호출합니다.", en: "\(name)'s application calls close().")
    }
    static let closedBeforeConnecting = Localized(ko: "연결이 만들어지기 전에 닫혀 바로 CLOSED입니다.", en: "Closed before a connection existed: straight to CLOSED.")
    static func reads(_ name: String, _ bytes: Int, free: Int) -> Localized {
        Localized(ko: "\(koreanLaneName(name))의 애플리케이션이 \(bytes)바이트를 읽어 수신 버퍼에 \(free)바이트 공간이 생깁니다.",
                  en: "\(name)'s application reads \(bytes) bytes; the receive buffer now has \(free) bytes free.")
    }
    static func windowUpdate(_ window: Int) -> Localized {
        Localized(ko: "윈도우가 충분히 열려 window update(ACK win=\(window))를 보냅니다.",
                  en: "The window opened enough, so it sends a window update (ACK win=\(window)).")
    }
    static func sendsData(_ len: Int, windowLeft: Int) -> Localized {
        Localized(ko: "\(len)바이트 데이터를 보냅니다. 상대 윈도우 안에서만 보낼 수 있습니다(남은 윈도우 \(windowLeft)바이트).",
                  en: "Sends \(len) bytes of data. Only data inside the peer's window may be sent (\(windowLeft) bytes of window left).")
    }
    static let persistStarts = Localized(
        ko: "상대 윈도우가 0이라 보낼 수 없습니다. persist 타이머로 나중에 zero-window probe를 보냅니다(RFC 9293 3.8.6.1절).",
        en: "The peer's window is 0, so nothing may be sent. The persist timer will send a zero-window probe later (RFC 9293 Section 3.8.6.1).")
    static func sendsFIN(active: Bool) -> Localized {
        active ? Localized(ko: "보낼 데이터가 끝나 FIN을 보냅니다. 상대의 FIN을 받기 전에 닫으므로 active close입니다(양쪽이 동시에 닫으면 둘 다 active close).",
                           en: "No more data to send, so it sends a FIN before hearing the peer's: an active close (when both close at once, both are active).")
               : Localized(ko: "상대가 이미 닫았고 이쪽 애플리케이션도 close()를 불러 FIN을 보냅니다(passive close).",
                           en: "The peer already closed and this application has called close(), so it sends its FIN (passive close).")
    }
    static let finWait1 = Localized(ko: "FIN을 보냈고 그 ACK를 기다립니다.", en: "FIN sent; waiting for its ACK.")
    static let lastAck = Localized(ko: "자기 FIN에 대한 마지막 ACK만 기다립니다.", en: "Waiting only for the ACK of its own FIN.")

    // MARK: segment arrival (RFC 9293 §3.10.7)

    static let closedAnswersRST = Localized(ko: "이 포트에는 연결이 없습니다(CLOSED). RST로 답합니다(RFC 9293 3.10.7.1절).",
                                            en: "No connection exists here (CLOSED), so it answers with a RST (RFC 9293 Section 3.10.7.1).")
    static let listenRejectsACK = Localized(ko: "LISTEN에서 ACK는 받을 수 없어 RST로 답합니다.", en: "An ACK is not acceptable in LISTEN; it answers with a RST.")
    static func synAck(peerISN: UInt32, ack: UInt32, iss: UInt32) -> Localized {
        Localized(ko: "상대 ISN \(peerISN)\(josa(Int(peerISN), "을")) 기록하고 ack=\(ack)(ISN + 1)로 확인하면서 자신의 ISN \(iss)\(josa(Int(iss), "을")) 담은 SYN+ACK를 보냅니다(RFC 9293 3.10.7.2절).",
                  en: "Records the peer's ISN \(peerISN), acknowledges it with ack=\(ack) (ISN + 1) and sends its own ISN \(iss) in a SYN+ACK (RFC 9293 Section 3.10.7.2).")
    }
    static let synReceived = Localized(ko: "SYN을 받고 SYN+ACK를 보냈습니다. 자기 SYN에 대한 ACK를 기다립니다.", en: "Got a SYN and sent SYN+ACK; waiting for the ACK of its own SYN.")
    static let oldDuplicateACK = Localized(ko: "방금 보내지 않은 SYN에 대한 ACK입니다(옛 중복). RST로 거절합니다.",
                                           en: "This acknowledges a SYN it did not just send (an old duplicate), so it rejects it with a RST.")
    static let refused = Localized(ko: "RST를 받았습니다: 상대 포트에 연결이 없습니다(connection refused).", en: "RST received: nothing listens on the peer's port (connection refused).")
    static func completesHandshake(peerISN: UInt32, ack: UInt32) -> Localized {
        Localized(ko: "SYN+ACK로 자기 SYN이 확인되었습니다. 상대 ISN \(peerISN)에 ack=\(ack)로 답하면 3-way 핸드셰이크가 끝납니다.",
                  en: "The SYN+ACK confirms its SYN. Answering the peer's ISN \(peerISN) with ack=\(ack) completes the 3-way handshake.")
    }
    static let establishedByClient = Localized(ko: "양쪽 ISN을 모두 주고받고 확인했습니다. 데이터를 보낼 수 있습니다.", en: "Both ISNs have been sent and acknowledged; data may flow.")
    static let simultaneousOpen = Localized(ko: "상대도 SYN을 보냈습니다(동시 open). 자기 ISN을 다시 담은 SYN+ACK로 답합니다.",
                                            en: "The peer also sent a SYN (simultaneous open). It answers with a SYN+ACK carrying its ISN again.")
    static let simultaneousOpenWaits = Localized(ko: "동시 open: 자기 SYN의 ACK를 기다립니다.", en: "Simultaneous open: waiting for the ACK of its SYN.")
    static let timeWaitReACK = Localized(ko: "TIME-WAIT에서 재전송된 FIN을 받았습니다. 마지막 ACK가 손실된 것이므로 ACK를 다시 보냅니다.",
                                         en: "A retransmitted FIN arrives in TIME-WAIT: the last ACK was lost, so it sends the ACK again.")
    static let timeWaitRestarts = Localized(ko: "2 x MSL 타이머를 처음부터 다시 시작합니다(RFC 9293 3.10.7.4절).", en: "The 2 x MSL timer restarts from zero (RFC 9293 Section 3.10.7.4).")
    static let reset = Localized(ko: "RST를 받아 연결을 즉시 끊습니다(connection reset).", en: "RST received: the connection is aborted (connection reset).")
    static func outOfOrder(expected: UInt32) -> Localized {
        Localized(ko: "순서가 어긋난 세그먼트입니다. 버퍼에 보관하고 아직 기다리는 번호 ack=\(expected)로 중복 ACK를 보냅니다.",
                  en: "Out of order: it keeps the segment and sends a duplicate ACK for the number it still expects, ack=\(expected).")
    }
    static func trimsOldBytes(_ old: Int, keeping new: Int, from seq: UInt32) -> Localized {
        Localized(ko: "앞의 \(old)바이트는 이미 받은 것이라 잘라 내고, seq=\(seq)부터 새 \(new)바이트만 처리합니다(RFC 9293 3.10.7.4절).",
                  en: "The first \(old) bytes were already received: they are trimmed off and only the \(new) new bytes from seq=\(seq) are processed (RFC 9293 Section 3.10.7.4).")
    }
    static func unexpected(seq: UInt32, expected: UInt32) -> Localized {
        Localized(ko: "기대한 번호가 아닙니다(seq=\(seq), 기대 \(expected)). 버리고 현재 상태를 담은 ACK를 보냅니다.",
                  en: "Not the expected number (seq=\(seq), expected \(expected)): it is dropped and an ACK with the current state is sent.")
    }
    static let zeroWindowRefuses = Localized(ko: "수신 윈도우가 0이라 데이터를 받을 수 없습니다. 현재 윈도우(0)를 담은 ACK로 답합니다.",
                                             en: "The receive window is 0, so the data cannot be accepted; it answers with an ACK carrying the current window (0).")
    static let establishedByServer = Localized(ko: "자기 SYN이 확인되었습니다. 연결이 열렸습니다.", en: "Its SYN is acknowledged; the connection is open.")
    static let unacceptableACK = Localized(ko: "받을 수 없는 ACK라 RST로 답합니다.", en: "Unacceptable ACK: it answers with a RST.")
    static func windowOpens(_ name: String, _ window: Int) -> Localized {
        Localized(ko: "\(koreanLaneName(name)): 상대 윈도우가 \(window)바이트로 열렸습니다. 다시 보낼 수 있습니다.", en: "\(name): the peer's window opened to \(window) bytes; sending can resume.")
    }
    static let finWait2 = Localized(ko: "자기 FIN이 확인되었습니다. 이제 상대의 FIN을 기다립니다(상대는 아직 데이터를 보낼 수 있습니다).",
                                    en: "Its FIN is acknowledged. Now it waits for the peer's FIN (the peer may still send data).")
    static let closedByLastACK = Localized(ko: "마지막 ACK를 받았습니다. 연결이 완전히 닫혔습니다.", en: "The last ACK arrived; the connection is fully closed.")
    static func acknowledgesFIN(_ ack: UInt32) -> Localized {
        Localized(ko: "상대의 FIN을 ack=\(ack)로 확인합니다. FIN도 sequence number 하나를 차지합니다.",
                  en: "Acknowledges the peer's FIN with ack=\(ack); a FIN also occupies one sequence number.")
    }
    static let closeWait = Localized(ko: "상대가 더 보낼 것이 없다고 알렸습니다. 애플리케이션이 close()를 부를 때까지 기다립니다(read()는 0을 반환).",
                                     en: "The peer has no more data. It waits for its application to call close() (read() returns 0).")
    static let closing = Localized(ko: "동시 종료: 자기 FIN의 ACK를 아직 못 받은 채 상대 FIN을 받았습니다.", en: "Simultaneous close: the peer's FIN arrived before the ACK of its own FIN.")
    static func acknowledgesData(ack: UInt32, window: Int) -> Localized {
        Localized(ko: "데이터를 받아 ack=\(ack), 남은 버퍼 win=\(window)\(josa(label: "\(window)", "으로")) 확인합니다.",
                  en: "Data received: acknowledges with ack=\(ack) and the free buffer, win=\(window).")
    }
    static let timeWait = Localized(ko: "active close를 한 쪽이 TIME-WAIT에 들어갑니다. 마지막 ACK가 손실되면 다시 보내고, 옛 세그먼트가 사라지기를 기다립니다(RFC 9293 3.6절).",
                                    en: "An end that did an active close enters TIME-WAIT: it can re-send a lost final ACK, and old duplicates die out (RFC 9293 Section 3.6).")
    static func timeWaitTimer(_ duration: Double) -> Localized {
        Localized(ko: "2 x MSL(\(ms(duration))) 타이머를 시작합니다(RFC 9293 3.6.1절).", en: "Starts the 2 x MSL timer (\(ms(duration))) (RFC 9293 Section 3.6.1).")
    }
}

/// The particle after a label: by its final digit, or by its final letter read in English
/// ("client" ends in 트: no final consonant; "server" in 버; "TCP server" likewise).
func josa(label raw: String, _ withFinal: String) -> String {
    // A DNS name's root dot is not read ("example.com." is read "example.com").
    let label = raw.hasSuffix(".") && raw.count > 1 ? String(raw.dropLast()) : raw
    if let last = label.last, let d = last.wholeNumberValue { return josa(d, withFinal) }
    // A Hangul syllable: its final consonant (jongseong) decides; ㄹ takes 로, not 으로.
    if let v = label.unicodeScalars.last?.value, (0xAC00...0xD7A3).contains(v) {
        let final = (v - 0xAC00) % 28
        if withFinal == "으로" { return final != 0 && final != 8 ? "으로" : "로" }
        return final != 0 ? withFinal : (["을": "를", "이": "가", "은": "는"][withFinal] ?? withFinal)
    }
    let consonantEndings: Set<Character> = ["n", "m", "l", "N", "M", "L"]
    if let last = label.last, consonantEndings.contains(last) { return withFinal }
    // Words read with a final consonant although they end in another letter: ACK (액), .net (넷).
    if label.hasSuffix("ACK") || label.lowercased().hasSuffix(".net") || label.lowercased() == "net" { return withFinal == "으로" ? "으로" : withFinal }
    return ["을": "를", "이": "가", "은": "는"][withFinal] ?? withFinal
}

/// "1 s", "250 ms".
func ms(_ v: Double) -> String {
    if v >= 1000 && v.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(v / 1000)) s" }
    if v >= 1000 { return "\(Double(Int(v / 100)) / 10) s" }
    return "\(Int(v)) ms"
}
