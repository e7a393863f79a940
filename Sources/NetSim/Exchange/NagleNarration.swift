import TutorCore

/// What the Nagle / delayed-ACK scenes say, each rule with the RFC section it rests on.
enum NagleWords {
    typealias Setup = NagleDelayedAck.Setup

    static let states = [
        "reading": Localized(ko: "read() 대기", en: "in read()"),
        "ack-pending": Localized(ko: "ACK 보류", en: "ACK pending"),
    ]

    static func join(_ a: Localized, _ b: Localized) -> Localized { Localized(ko: a.ko + b.ko, en: a.en + b.en) }

    static func ms(_ v: Double) -> String { "\(Int(v.rounded()))" }

    /// The one-line legend: who runs what, and the delayed-ACK value this scene uses.
    static func legend(_ s: Setup, rtt: Double) -> Localized {
        let nagleKo = s.nagle ? "Nagle 켬" : "TCP_NODELAY", nagleEn = s.nagle ? "Nagle on" : "TCP_NODELAY"
        let ackKo = s.delayedAck ? "지연 ACK \(ms(s.delayedAckTime)) ms(Linux는 최소 40 ms)" : "즉시 ACK"
        let ackEn = s.delayedAck ? "delayed ACK \(ms(s.delayedAckTime)) ms (Linux: 40 ms min)" : "immediate ACK"
        return Localized(ko: "RTT \(ms(rtt)) ms. 클라이언트 \(nagleKo), 서버 \(ackKo).",
                         en: "RTT \(ms(rtt)) ms. Client \(nagleEn), server \(ackEn).")
    }

    static func opening(_ s: Setup, rtt: Double) -> Localized {
        let calls = s.singleWrite ? "write(150 B), read()" : "write(100 B), write(50 B), read()"
        let ko = "연결은 이미 열려 있습니다. 클라이언트 애플리케이션은 요청을 \(s.singleWrite ? "한 번에 써서" : "헤더와 본문으로 나눠 쓰고") 응답을 읽습니다: \(calls). 서버 애플리케이션은 요청 150 B를 모두 받아야 답할 수 있습니다. 바이트 번호는 양쪽 모두 1부터 셉니다."
        let en = "The connection is already open. The client application \(s.singleWrite ? "writes its request at once" : "writes its request as a header and a body") and reads the response: \(calls). The server application can answer only once it has all 150 B of the request. Byte numbers count from 1 on each side."
        return Localized(ko: ko, en: en)
    }

    static func write(_ len: Int, _ name: String) -> Localized {
        Localized(ko: "애플리케이션이 write()로 \(koName(name)) \(len) B를 소켓에 넘깁니다.",
                  en: "The application hands \(len) B (the \(name)) to the socket with write().")
    }

    static let reading = Localized(
        ko: "클라이언트가 read()를 부르고 응답을 기다립니다. 애플리케이션은 여기서 멈춰 있습니다.",
        en: "The client calls read() and waits for the response: the application is blocked here.")

    static func held(_ len: Int, outstanding: Int) -> Localized {
        Localized(ko: "Nagle이 \(len) B를 붙잡습니다: 앞서 보낸 \(outstanding) B가 아직 ACK되지 않았고, MSS(1460 B)를 채우지도 못한 작은 조각이기 때문입니다(RFC 1122 4.2.3.4절, RFC 9293 3.7.4절).",
                  en: "Nagle holds \(len) B: \(outstanding) B are still unacknowledged, and this is a small piece, far from a full MSS of 1460 B (RFC 1122 Section 4.2.3.4, RFC 9293 Section 3.7.4).")
    }

    static func send(_ len: Int, _ name: String, outstanding: Int, released: Bool) -> Localized {
        if released {
            return Localized(ko: "보낸 데이터가 모두 ACK되었으니 Nagle이 붙잡아 둔 \(len) B를 이제 내보냅니다(RFC 1122 4.2.3.4절).",
                             en: "Everything sent is acknowledged, so Nagle lets the \(len) B it held go now (RFC 1122 Section 4.2.3.4).")
        }
        if outstanding > 0 {
            return Localized(ko: "TCP_NODELAY라 Nagle이 꺼져 있습니다. \(outstanding) B가 아직 ACK되지 않았어도 \(len) B를 곧바로 보냅니다. RFC 9293 3.7.4절은 애플리케이션이 연결마다 Nagle을 끌 수 있어야 한다고(MUST) 정합니다.",
                             en: "TCP_NODELAY: Nagle is off, so the \(len) B go at once though \(outstanding) B are unacknowledged. RFC 9293 Section 3.7.4 requires (MUST) a way for an application to turn Nagle off per connection.")
        }
        return Localized(ko: "ACK를 기다리는 데이터가 없으므로 작은 세그먼트라도 바로 나갑니다. Nagle은 보낸 데이터가 모두 ACK된 동안에는 아무것도 붙잡지 않습니다(RFC 1122 4.2.3.4절).",
                         en: "Nothing is waiting for an ACK, so even a small segment goes at once: Nagle holds nothing while all sent data is acknowledged (RFC 1122 Section 4.2.3.4).")
    }

    static func dataArrives(_ len: Int, _ name: String) -> Localized {
        Localized(ko: "서버가 \(koName(name)) \(len) B를 받습니다.", en: "The server receives the \(len) B \(name).")
    }

    static func incomplete(have: Int, of request: Int) -> Localized {
        Localized(ko: "서버 애플리케이션은 요청 \(request) B 가운데 \(have) B만 받았으니 아직 답할 수 없습니다. ACK에 실어 보낼 응답 데이터가 없습니다.",
                  en: "The server application has \(have) of the request's \(request) B, so it cannot answer yet: there is no response data to carry an ACK.")
    }

    static func delayedTimer(_ d: Double) -> Localized {
        Localized(ko: "서버는 ACK를 바로 보내지 않고 지연 ACK 타이머(\(ms(d)) ms, 전통적인 BSD 값)를 켭니다. 그 사이 응답이 생기면 ACK를 실어 보낼 수 있습니다. 지연은 0.5초보다 짧아야 합니다(MUST, RFC 1122 4.2.3.2절, RFC 9293 3.8.6.3절).",
                  en: "The server does not ACK at once: it starts the delayed-ACK timer (\(ms(d)) ms, the classic BSD value), hoping a response will carry the ACK. The delay MUST be under 0.5 s (RFC 1122 Section 4.2.3.2, RFC 9293 Section 3.8.6.3).")
    }

    static func delayedFires(_ d: Double) -> Localized {
        Localized(ko: "\(ms(d)) ms 동안 응답이 생기지 않았습니다. 응답은 본문을 기다리고, 본문은 Nagle 때문에 이 ACK를 기다립니다. 서로 기다리던 것을 타이머가 풉니다.",
                  en: "No response in \(ms(d)) ms: the response waits for the body, and Nagle makes the body wait for this ACK. The timer breaks the wait.")
    }

    static let timerAck = Localized(
        ko: "타이머가 끝나 서버가 데이터 없는 ACK를 보냅니다.",
        en: "The timer has expired: the server sends an ACK with no data.")
    static let immediateAck = Localized(
        ko: " 지연 ACK가 꺼져 있어 서버는 기다리지 않고 데이터 없는 ACK를 곧바로 보냅니다.",
        en: " Delayed ACK is off, so the server does not wait: it sends an ACK with no data at once.")
    static let secondFullSegment = Localized(
        ko: "꽉 찬 세그먼트가 두 개째라 타이머를 기다리지 않고 ACK합니다(RFC 1122 4.2.3.2절).",
        en: "A second full-sized segment: the server ACKs without waiting for the timer (RFC 1122 Section 4.2.3.2).")
    static let duplicateData = Localized(
        ko: "이미 받은 바이트가 다시 왔습니다. 받을 수 없는 세그먼트에는 곧바로 ACK로 답합니다(RFC 9293 3.10.7.4절). 앞선 ACK가 사라졌을 수 있기 때문입니다.",
        en: "Bytes it already has came again. A segment it cannot accept is answered with an ACK at once (RFC 9293 Section 3.10.7.4): the earlier ACK may have been lost.")
    static let outOfOrder = Localized(
        ko: "앞 바이트가 빠진 채 뒤 세그먼트가 왔습니다. 순서가 어긋난 세그먼트에는 바로 중복 ACK를 보냅니다(RFC 5681 4.2절).",
        en: "A later segment came with a gap before it: an out-of-order segment gets an immediate duplicate ACK (RFC 5681 Section 4.2).")
    static let nothingPending = Localized(
        ko: "서버 쪽에 ACK를 기다리는 데이터가 더는 없습니다.",
        en: "Nothing on the server is waiting to be acknowledged any more.")
    static let timerStopped = Localized(
        ko: "지연 ACK 타이머를 멈춥니다. 응답이 ACK를 함께 싣고 갑니다.",
        en: "The delayed-ACK timer stops: the response carries the ACK.")
    static func ackArrives(_ ack: Int) -> Localized {
        Localized(ko: "클라이언트가 ACK를 받습니다. ack=\(ack)은 서버가 다음에 기다리는 바이트 번호입니다.",
                  en: "The client receives the ACK: ack=\(ack) is the next byte the server expects.")
    }
    static let duplicateAck = Localized(
        ko: "새 데이터를 확인하지 않는 중복 ACK입니다. 하나뿐이라 빠른 재전송(중복 ACK 3개, RFC 5681 3.2절)은 일어나지 않고, 재전송 타이머를 기다립니다.",
        en: "A duplicate ACK, acknowledging nothing new. One is not enough for fast retransmit (three, RFC 5681 Section 3.2): the retransmission timer will have to do.")

    static func retransmit(_ lane: String, rto: Double) -> Localized {
        Localized(ko: "\(koreanLaneName(lane))의 재전송 타이머(RTO \(ms(rto)) ms)가 끝났습니다. 가장 앞의 확인 안 된 세그먼트를 다시 보내고 RTO를 두 배로 늘립니다(RFC 6298 5.4절, 5.5절).",
                  en: "The \(lane)'s retransmission timer (RTO \(ms(rto)) ms) expired: the earliest unacknowledged segment goes again, and the RTO doubles (RFC 6298 Sections 5.4, 5.5).")
    }

    static func response(_ s: Setup) -> Localized {
        Localized(ko: "요청 150 B가 모두 모였습니다. 서버 애플리케이션이 응답 200 B를 쓰고, 그 세그먼트가 요청 전체의 ACK를 함께 싣습니다(피기백). 지연 ACK가 노리는 경우입니다(RFC 1122 4.2.3.2절).",
                  en: "All 150 B of the request are in. The server application writes its 200 B response, and that segment carries the ACK of the whole request (piggybacked): the case delayed ACK hopes for (RFC 1122 Section 4.2.3.2).")
    }

    static let responseArrives = Localized(
        ko: "클라이언트가 응답을 받습니다.", en: "The client receives the response.")
    static let readReturns = Localized(
        ko: "read()가 응답 200 B를 돌려줍니다. 애플리케이션이 기다린 시간은 여기서 끝납니다.",
        en: "read() returns the 200 B response: the application's wait ends here.")
    static func clientDelayedTimer(_ d: Double) -> Localized {
        Localized(ko: "클라이언트도 지연 ACK를 씁니다. 다음 요청이 있으면 거기에 ACK를 실을 수 있으니 \(ms(d)) ms 타이머를 켭니다(RFC 1122 4.2.3.2절).",
                  en: "The client delays its ACKs too: a next request could carry this one, so it starts a \(ms(d)) ms timer (RFC 1122 Section 4.2.3.2).")
    }
    static let clientDelayedFires = Localized(
        ko: "다음 요청이 없어 클라이언트의 지연 ACK 타이머가 끝납니다.",
        en: "No next request: the client's delayed-ACK timer expires.")
    static let clientTimerAck = Localized(
        ko: "클라이언트가 응답에 대한 데이터 없는 ACK를 보냅니다. 응답을 이미 읽었으므로 이 ACK는 걸린 시간에 보태지 않습니다.",
        en: "The client sends a bare ACK for the response. The response was already read, so this ACK adds nothing to the wait.")
    static let clientAcksAtOnce = Localized(
        ko: "지연 ACK를 쓰지 않으므로 클라이언트가 응답을 곧바로 ACK합니다.",
        en: "With no delayed ACK, the client acknowledges the response at once.")
    static let duplicateResponse = Localized(
        ko: "이미 읽은 응답이 다시 왔습니다. 앞선 ACK가 사라졌던 것이니 곧바로 다시 ACK합니다(RFC 9293 3.10.7.4절).",
        en: "The response came again: the earlier ACK was lost, so the client acknowledges at once (RFC 9293 Section 3.10.7.4).")
    static let finalAckArrives = Localized(
        ko: "서버가 응답의 ACK를 받아 재전송 타이머를 멈춥니다. 교환이 끝났습니다.",
        en: "The server receives the ACK of its response and stops its retransmission timer: the exchange is over.")

    /// The closing note: when the response arrived, and why then.
    static func summary(_ s: Setup, rtt: Double, at t: Double, retransmitted: Bool) -> Localized {
        let head = Localized(ko: "응답 도착: \(ms(t)) ms.", en: "Response arrived at \(ms(t)) ms.")
        let why: Localized
        if retransmitted {
            why = Localized(ko: " 잃어버린 세그먼트의 재전송 타이머가 대부분을 차지합니다.", en: " Most of it is the retransmission timer of the lost segment.")
        } else if s.singleWrite {
            why = Localized(ko: " 1 RTT입니다. 한 번에 쓴 요청은 한 세그먼트로 바로 나가고 응답이 ACK를 실어 오므로, Nagle도 지연 ACK도 기다리게 할 것이 없습니다.",
                            en: " One RTT: a request written at once leaves as one segment and the response carries the ACK, so neither Nagle nor delayed ACK has anything to wait for.")
        } else if !s.nagle {
            why = Localized(ko: " 1 RTT입니다. TCP_NODELAY라 두 조각이 바로 이어서 나갔고, 지연 ACK는 응답에 실려 갔습니다.",
                            en: " One RTT: with TCP_NODELAY both pieces left back to back, and the delayed ACK rode on the response.")
        } else if !s.delayedAck {
            why = Localized(ko: " 2 RTT입니다. 본문은 ACK를 기다렸지만 ACK가 바로 와서 한 왕복만 더 들었습니다.",
                            en: " Two RTT: the body waited for the ACK, but it came at once, so it cost one round trip more.")
        } else {
            why = Localized(ko: " 2 RTT에 지연 ACK \(ms(s.delayedAckTime)) ms를 더한 값입니다. 즉시 ACK였다면 \(ms(2 * rtt)) ms, TCP_NODELAY나 한 번의 write였다면 약 \(ms(rtt)) ms입니다.",
                            en: " Two RTT plus the \(ms(s.delayedAckTime)) ms delayed ACK. With an immediate ACK: \(ms(2 * rtt)) ms; with TCP_NODELAY or one write: about \(ms(rtt)) ms.")
        }
        return join(head, why)
    }

    static func koName(_ name: String) -> String {
        ["header": "헤더", "body": "본문", "request": "요청", "header+body": "헤더와 본문"][name] ?? name
    }
}
