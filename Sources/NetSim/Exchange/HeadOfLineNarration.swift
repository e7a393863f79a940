import TutorCore

/// What the head-of-line scenes say. Streams are named in words ("stream 3"), never as the
/// labels that predict mode asks for.
enum HOLWords {
    static func name(_ v: HeadOfLine.Version) -> String {
        switch v {
        case .h2: "HTTP/2"
        case .h3: "HTTP/3"
        case .h1: "HTTP/1.1"
        }
    }

    /// Where a response travels: its stream or its connection.
    static func carrier(_ v: HeadOfLine.Version, _ r: Int) -> Localized {
        switch v {
        case .h2: Localized(ko: "스트림 \(2 * r + 1)", en: "stream \(2 * r + 1)")
        case .h3: Localized(ko: "스트림 \(4 * r)", en: "stream \(4 * r)")
        case .h1: Localized(ko: "연결 \(r + 1)", en: "connection \(r + 1)")
        }
    }

    static func legend(_ versions: [HeadOfLine.Version]) -> Localized {
        let pairs = versions.map(name).joined(separator: " | ")
        return Localized(
            ko: "두 줄씩 \(pairs). 응답 /a, /b, /c를 두 조각씩 번갈아 보냅니다(이름은 응답 글자와 조각 번호). 기본으로 /b의 첫 조각이 모든 쪽에서 사라집니다. ACK는 그리지 않았습니다.",
            en: "Lane pairs: \(pairs). Responses /a, /b, /c go in two pieces each, interleaved, named by letter and piece; by default the first piece of /b is lost in every pair. ACKs are not drawn.")
    }

    static func opening(_ versions: [HeadOfLine.Version]) -> Localized {
        var ko = "요청 세 개(/a, /b, /c)는 이미 보냈고 응답이 나가기 시작합니다. HTTP/2는 TCP 연결 하나에 스트림 1, 3, 5를 섞어 보냅니다(RFC 9113 5절). HTTP/3는 QUIC 스트림 0, 4, 8에 나누어 보냅니다(RFC 9114 4.1절)."
        var en = "The three requests (/a, /b, /c) have been sent; the responses start. HTTP/2 interleaves streams 1, 3 and 5 on one TCP connection (RFC 9113 Section 5); HTTP/3 sends them on QUIC streams 0, 4 and 8 (RFC 9114 Section 4.1)."
        if versions.contains(.h1) {
            ko += " HTTP/1.1은 연결 하나에 요청 하나씩이라 브라우저가 호스트당 연결을 여러 개(보통 6개까지) 엽니다. 여기서는 세 개를 씁니다."
            en += " HTTP/1.1 carries one request at a time per connection, so browsers open several per host (usually up to six); three are used here."
        }
        return Localized(ko: ko, en: en)
    }

    static func send(_ v: HeadOfLine.Version, _ k: Int) -> Localized {
        let (r, part) = HeadOfLine.content(k)
        let c = carrier(v, r), path = HeadOfLine.responses[r]
        let lead = Localized(ko: "\(name(v)): \(path) 응답의 \(part)번째 조각(\(c.ko)).", en: "\(name(v)): piece \(part) of the \(path) response (\(c.en)).")
        guard k == 1 else { return lead }
        let why: Localized = switch v {
        case .h2: Localized(ko: " DATA 프레임이 TCP 세그먼트에 실립니다. TCP에게는 스트림 구분 없는 바이트 흐름 하나일 뿐입니다.",
                            en: " A DATA frame in a TCP segment: to TCP all streams are one byte stream.")
        case .h3: Localized(ko: " STREAM 프레임이 QUIC 패킷에 실립니다. QUIC은 스트림마다 따로 순서를 맞춥니다(RFC 9000 2.2절).",
                            en: " A STREAM frame in a QUIC packet: QUIC orders each stream's bytes on their own (RFC 9000 Section 2.2).")
        case .h1: Localized(ko: " 응답마다 자기 TCP 연결로 갑니다.", en: " Each response has its own TCP connection.")
        }
        return Localized(ko: lead.ko + why.ko, en: lead.en + why.en)
    }

    static func held(_ v: HeadOfLine.Version, _ k: Int, missing: Int) -> Localized {
        let (r, _) = HeadOfLine.content(k), (mr, mp) = HeadOfLine.content(missing)
        let m = HeadOfLine.responses[mr]
        switch v {
        case .h2 where r == mr:
            // The lost piece's own stream: it would wait under any transport.
            return Localized(
                ko: "도착했지만 TCP가 쥐고 있습니다. 같은 스트림(\(carrier(v, r).ko))의 앞 조각(\(m)의 \(mp)번째)이 빠져 있으니, 이 조각은 어느 전송 계층에서든 기다려야 합니다.",
                en: "Arrived, but TCP holds it: the earlier piece of its own stream (\(carrier(v, r).en)), piece \(mp) of \(m), is missing, so this piece would wait over any transport.")
        case .h2:
            return Localized(
                ko: "도착했지만 TCP가 쥐고 있습니다. 앞선 바이트(\(m)의 \(mp)번째 조각)가 빠져 있어 순서대로만 넘기는 TCP는 HTTP/2에 아무것도 주지 못합니다. 다른 스트림(\(carrier(v, r).ko))의 데이터인데도 기다립니다: 전송 계층 HOL 블로킹입니다.",
                en: "Arrived, but TCP holds it: earlier bytes (piece \(mp) of \(m)) are missing, and TCP delivers only in order, so HTTP/2 gets nothing, though this is another stream's data (\(carrier(v, r).en)). Transport head-of-line blocking.")
        case .h3, .h1:
            return Localized(
                ko: "이 조각은 같은 \(v == .h3 ? "스트림" : "연결")의 앞 조각(\(m)의 \(mp)번째)을 기다립니다. 다른 \(v == .h3 ? "스트림" : "연결")은 영향을 받지 않습니다.",
                en: "This piece waits for the earlier piece of its own \(v == .h3 ? "stream" : "connection") (piece \(mp) of \(m)); the other \(v == .h3 ? "streams" : "connections") are not affected.")
        }
    }

    static func released(_ v: HeadOfLine.Version, _ delivered: [Int]) -> Localized {
        let n = delivered.count
        return Localized(
            ko: "빠졌던 조각이 도착해 기다리던 것까지 \(n)개 조각이 한꺼번에 \(name(v))에 넘어갑니다.",
            en: "The missing piece is here: \(n) pieces, the ones that waited included, go up to \(name(v)) at once.")
    }

    static func complete(_ v: HeadOfLine.Version, _ r: Int, at t: Double) -> Localized {
        Localized(ko: "\(name(v)): \(HeadOfLine.responses[r]) 응답 완료(\(Int(t)) ms).",
                  en: "\(name(v)): the \(HeadOfLine.responses[r]) response is complete (\(Int(t)) ms).")
    }

    static func fastRetransmit(_ v: HeadOfLine.Version) -> Localized {
        v == .h3
            ? Localized(ko: "뒤의 패킷 세 개가 ACK되자 QUIC이 이 패킷을 잃었다고 판단합니다(packet threshold 3, RFC 9002 6.1.1절). 같은 STREAM 프레임을 새 번호의 패킷에 담아 다시 보냅니다(RFC 9000 13.3절).",
                        en: "Three later packets are acknowledged, so QUIC declares this one lost (packet threshold 3, RFC 9002 Section 6.1.1) and sends the same STREAM frame in a new packet with a new number (RFC 9000 Section 13.3).")
            : Localized(ko: "중복 ACK 세 개를 받은 TCP가 RTO를 기다리지 않고 이 세그먼트를 다시 보냅니다(fast retransmit, RFC 5681 3.2절).",
                        en: "Three duplicate ACKs: TCP resends this segment without waiting for the RTO (fast retransmit, RFC 5681 Section 3.2).")
    }

    static func timerRetransmit(_ v: HeadOfLine.Version, ms: Double) -> Localized {
        v == .h3
            ? Localized(ko: "뒤따른 패킷이 적어 ACK로는 손실을 알 수 없습니다. \(Int(ms)) ms 뒤 PTO가 만료되어 다시 보냅니다(RFC 9002 6.2절).",
                        en: "Too few packets followed for the ACKs to reveal the loss: the PTO expires after \(Int(ms)) ms and the data goes again (RFC 9002 Section 6.2).")
            : Localized(ko: "뒤따른 세그먼트가 적어 중복 ACK가 세 개 모이지 않습니다. \(Int(ms)) ms 뒤 RTO가 만료되어 다시 보냅니다(RFC 6298 5.4절, 최소 1초 2.4절). 요즘 TCP는 RACK-TLP로 더 일찍 확인하기도 합니다(RFC 8985).",
                        en: "Too few segments followed for three duplicate ACKs: the RTO expires after \(Int(ms)) ms and TCP resends (RFC 6298 Section 5.4; at least 1 s, Section 2.4). Stacks with RACK-TLP probe sooner (RFC 8985).")
    }

    /// One closing line per response: when it completed under each version.
    static func summary(_ r: Int, _ times: [(HeadOfLine.Version, Double)]) -> Localized {
        let path = HeadOfLine.responses[r]
        let list = times.map { "\(name($0.0)) \(Int($0.1)) ms" }.joined(separator: ", ")
        return Localized(ko: "\(path) 완료: \(list)", en: "\(path) completed: \(list)")
    }
}
