import TutorCore

/// A captured TCP stream as a `Trace` (DESIGN §2: the player, the ladder and the exports are
/// the same as for a scene). Each segment is a send between the two endpoints' lanes, its
/// narration says what the analysis found and which lesson explains it; the states of both
/// ends follow as state events.
public enum CaptureTrace {
    /// The lesson section that explains each finding: the lesson's id and the heading, as it
    /// reads in each language (a content test checks both lessons have it).
    public struct Section: Sendable, Hashable {
        public var lesson: String
        public var heading: Localized
    }

    public static func section(_ flag: TCPAnalysisFlag) -> Section {
        let realTCP = Section(lesson: "error-control", heading: Localized(ko: "실제 TCP는 어떻게 하는가", en: "How real TCP does it"))
        let reacting = Section(lesson: "congestion-control", heading: Localized(ko: "손실에 대한 반응: 타임아웃 vs 중복 ACK 3개", en: "Reacting to loss: timeout vs 3 duplicate ACKs"))
        let persist = Section(lesson: "flow-control", heading: Localized(ko: "Zero window와 persist 타이머", en: "Zero window and the persist timer"))
        switch flag {
        case .retransmission, .outOfOrder, .lostSegment: return realTCP
        case .fastRetransmission, .dupAck: return reacting
        case .spuriousRetransmission: return Section(lesson: "error-control", heading: Localized(ko: "D-SACK: 두 번 도착한 것 알리기", en: "D-SACK: reporting what arrived twice"))
        case .zeroWindow, .windowProbe, .windowUpdate: return persist
        case .windowFull: return Section(lesson: "flow-control", heading: Localized(ko: "TCP의 수신 윈도우(rwnd)", en: "TCP's receive window (rwnd)"))
        case .keepAlive: return Section(lesson: "tcp-handshake", heading: Localized(ko: "Keepalive: 유휴 연결 확인하기", en: "Keepalive: checking an idle connection"))
        case .rst: return Section(lesson: "tcp-handshake", heading: Localized(ko: "RST: 연결 중단", en: "RST: aborting a connection"))
        }
    }

    /// "error-control § How real TCP does it": where to read about a finding (Enter in the player opens it).
    public static func reference(_ flag: TCPAnalysisFlag, _ language: Language) -> String {
        let s = section(flag)
        return "\(s.lesson) § \(s.heading[language])"
    }

    public static func explanation(_ flag: TCPAnalysisFlag) -> Localized {
        switch flag {
        case .retransmission: Localized(ko: "재전송: 이미 보낸 바이트를 다시 보냈습니다(RTO 만료나 손실 복구, RFC 6298).", en: "Retransmission: bytes already sent are sent again (an RTO expiry or loss recovery, RFC 6298).")
        case .fastRetransmission: Localized(ko: "빠른 재전송: 중복 ACK를 받고 타이머를 기다리지 않고 다시 보냈습니다(RFC 5681 3.2절).", en: "Fast retransmission: resent after duplicate ACKs, without waiting for the timer (RFC 5681 Section 3.2).")
        case .spuriousRetransmission: Localized(ko: "불필요한 재전송: 상대가 이미 확인 응답한 바이트입니다.", en: "Spurious retransmission: the other side had already acknowledged these bytes.")
        case .dupAck: Localized(ko: "중복 ACK: 같은 ACK 번호가 다시 왔습니다. 수신자가 빈틈 뒤의 세그먼트를 받았다는 뜻입니다(RFC 5681 2절).", en: "Duplicate ACK: the same acknowledgment number again; the receiver got a segment beyond a gap (RFC 5681 Section 2).")
        case .outOfOrder: Localized(ko: "순서 바뀜: 더 높은 번호보다 늦게 도착한 세그먼트입니다.", en: "Out of order: this segment arrived after one with a higher sequence number.")
        case .lostSegment: Localized(ko: "앞 세그먼트가 캡처되지 않았습니다: 번호에 빈틈이 있습니다(손실이거나 캡처가 놓침).", en: "Previous segment not captured: there is a gap in the sequence numbers (lost, or missed by the capture).")
        case .zeroWindow: Localized(ko: "윈도우 0: 수신 버퍼가 가득 찼습니다. 송신자는 멈추고 윈도우 프로브를 보냅니다(RFC 9293 3.8.6.1절).", en: "Zero window: the receive buffer is full; the sender stops and probes (RFC 9293 Section 3.8.6.1).")
        case .windowFull: Localized(ko: "윈도우 가득: 이 세그먼트로 상대가 알린 윈도우를 다 썼습니다.", en: "Window full: this segment uses up the window the other side advertised.")
        case .windowProbe: Localized(ko: "윈도우 프로브: 윈도우 0 동안 1바이트로 윈도우가 열렸는지 묻습니다(RFC 9293 3.8.6.1절).", en: "Window probe: one byte sent into a zero window to ask whether it has opened (RFC 9293 Section 3.8.6.1).")
        case .windowUpdate: Localized(ko: "윈도우 갱신: 데이터 없이 새 윈도우만 알립니다.", en: "Window update: no data, only a new window.")
        case .keepAlive: Localized(ko: "킵얼라이브: 이미 확인된 번호로 연결이 살아 있는지 묻습니다(RFC 1122 4.2.3.6절).", en: "Keep-alive: an old sequence number asks whether the connection is still alive (RFC 1122 Section 4.2.3.6).")
        case .rst: Localized(ko: "RST: 연결을 즉시 끊습니다(RFC 9293 3.5.2절).", en: "RST: the connection is aborted at once (RFC 9293 Section 3.5.2).")
        }
    }

    /// `v` with `places` decimals ("0.081"), without Foundation.
    public static func fixed(_ v: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let q = Int((abs(v) * scale).rounded()), whole = q / Int(scale), frac = String(q % Int(scale))
        return (v < 0 && q > 0 ? "-" : "") + "\(whole)" + (places > 0 ? "." + String(repeating: "0", count: places - frac.count) + frac : "")
    }

    /// "SYN seq=0 win=65495", "DATA+ACK seq=1 ack=1 len=78 win=512 GET /".
    public static func label(_ s: AnalyzedSegment) -> String {
        var label = Segment(flags: s.flags.model, seq: s.seq, ack: s.ack, len: s.len, win: s.win).label
        if let app = s.appLabel { label += " " + app }
        return label
    }

    /// The label on the arrow: the segment, then what it shows, as Wireshark's flow graph puts
    /// "[TCP Dup ACK]" on it, so the arrow that is a finding reads as one: "ACK seq=1 ack=68057 [dup-ack]".
    static func arrowLabel(_ s: AnalyzedSegment) -> String {
        s.analysis.isEmpty ? label(s) : label(s) + " [" + s.analysis.map(\.rawValue).joined(separator: ",") + "]"
    }

    /// A live capture before its stream's first segment.
    public static var empty: Trace {
        var trace = Trace(scene: "live", endpoints: [], events: [])
        trace.measured = true
        return trace
    }

    public static func trace(_ stream: TCPStreamAnalysis, name: String) -> Trace {
        let a = stream.a.description, b = stream.b.description
        var events: [TraceEvent] = [], states = ("", "")
        for (i, s) in stream.segments.enumerated() {
            let t = s.t * 1000
            var ko: [String] = [], en: [String] = []
            for f in s.analysis {
                let e = explanation(f)
                ko.append("\(e.ko) → \(reference(f, .ko))"); en.append("\(e.en) → \(reference(f, .en))")
            }
            if let rtt = s.rtt { ko.append("RTT 표본 \(fixed(rtt * 1000, 3)) ms"); en.append("RTT sample \(fixed(rtt * 1000, 3)) ms") }
            if let f = s.inFlight, s.len > 0 { ko.append("전송 중인 바이트 \(f)"); en.append("bytes in flight \(f)") }
            var e = TraceEvent(t: t, kind: .send, n: i + 1, from: s.fromA ? a : b, to: s.fromA ? b : a,
                               segment: Segment(flags: s.flags.model, seq: s.seq, ack: s.ack, len: s.len, win: s.win, label: arrowLabel(s)),
                               arrival: t, narration: Localized(ko: ko.joined(separator: " · "), en: en.joined(separator: " · ")))
            e.retransmission = s.analysis.contains(.retransmission)
            e.findings = s.analysis.map(\.rawValue)
            events.append(e)
            // A state change says what it is, so stepping onto one never shows an empty box.
            func state(_ who: String, _ st: String) -> TraceEvent {
                TraceEvent(t: t, kind: .state, endpoint: who, state: st, narration: Localized(ko: "\(who)의 TCP 상태: \(st) (RFC 9293 3.3.2절)", en: "\(who) is now in \(st) (RFC 9293 Section 3.3.2)"))
            }
            if s.stateA != states.0 { events.append(state(a, s.stateA)) }
            if s.stateB != states.1 { events.append(state(b, s.stateB)) }
            states = (s.stateA, s.stateB)
        }
        var trace = Trace(scene: name, endpoints: [a, b], events: events, initialState: stream.segments.first.map { _ in "CLOSED" })
        trace.measured = true
        return trace
    }
}
