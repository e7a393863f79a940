import TutorCore

/// What the QUIC scenes say, with the RFC section each sentence rests on. Nothing here names
/// a packet type before the first packet of that type is on the wire (predict mode asks for it).
enum QUICWords {
    static let legend = Localized(
        ko: "표기: 패킷 종류[패킷 번호] 프레임(RFC 9000 그림 5). CH/SH는 ClientHello/ServerHello, EE·CERT·CV·FIN은 TLS 1.3 메시지입니다.",
        en: "Labels: packet type[packet number] frames (RFC 9000 Figure 5). CH/SH: ClientHello/ServerHello; EE, CERT, CV, FIN: the TLS 1.3 messages.")

    static let keyStates = [
        "handshake keys": Localized(ko: "핸드셰이크 키", en: "handshake keys"),
        "application-keys": Localized(ko: "애플리케이션 키", en: "application keys"),
        "confirmed": Localized(ko: "핸드셰이크 확정", en: "confirmed"),
    ]

    static let clientHello = Localized(
        ko: "QUIC에는 TCP 같은 별도 연결 수립 단계가 없습니다. 첫 패킷이 곧 TLS의 ClientHello를 CRYPTO 프레임에 담은 Initial 패킷이고, 1200바이트 이상으로 채워 보냅니다(RFC 9000 7절, 14.1절). Initial 키는 연결 ID에서 나오므로 누구나 풀 수 있습니다(RFC 9001 5.2절).",
        en: "QUIC has no separate connection set-up like TCP's. The first packet is an Initial carrying TLS's ClientHello in a CRYPTO frame, padded to at least 1200 bytes (RFC 9000 Sections 7 and 14.1). Initial keys come from the connection ID, so anyone can remove them (RFC 9001 Section 5.2).")
    static let resumingHello = Localized(
        ko: "지난 연결의 티켓으로 재개합니다. ClientHello에 PSK와 early_data를 담아, 서버의 답을 기다리지 않고 데이터를 보낼 수 있게 됩니다(RFC 9001 4.6절).",
        en: "Resuming with an earlier connection's ticket: the ClientHello offers the PSK and early_data, so data can go before the server answers (RFC 9001 Section 4.6).")
    static let earlyData = Localized(
        ko: "0-RTT 패킷: 요청(GET /)이 첫 묶음과 함께 곧바로 나갑니다(RFC 9001 4.6절). 0-RTT 패킷은 이미 애플리케이션 데이터 번호 공간에 속하고, 핸드셰이크 뒤의 데이터 패킷도 이 번호를 이어 씁니다(RFC 9000 12.3절). replay될 수 있으니 반복해도 안전한 요청만 보냅니다(RFC 9001 9.2절).",
        en: "A 0-RTT packet: the request (GET /) leaves with the first flight (RFC 9001 Section 4.6). 0-RTT packets already belong to the application data number space, which the data packets after the handshake continue (RFC 9000 Section 12.3). It can be replayed, so only requests safe to repeat go this way (RFC 9001 Section 9.2).")
    static let retry = Localized(
        ko: "서버가 주소를 먼저 확인하려 합니다. 상태를 만들지 않고 토큰을 담은 Retry만 보냅니다(RFC 9000 8.1.2절). Retry에는 패킷 번호가 없어 ACK되지 않습니다(17.2.5절). 위조된 출발지 주소로는 이 토큰을 받을 수 없습니다.",
        en: "The server wants to validate the address first: it keeps no state and sends only a Retry carrying a token (RFC 9000 Section 8.1.2). A Retry has no packet number and is never acknowledged (Section 17.2.5). A spoofed source address never sees the token.")
    static let helloWithToken = Localized(
        ko: "같은 ClientHello를 다시 보내되, 헤더의 Token 필드에 받은 토큰을 넣습니다(RFC 9000 17.2.5.3절). 패킷 번호는 0으로 돌아가지 않고 이어집니다. Retry 때문에 1 RTT가 늘었습니다.",
        en: "The same ClientHello again, now with the token in the header's Token field (RFC 9000 Section 17.2.5.3). The packet number goes on; it is never reset. The Retry has cost one RTT.")
    static func unreadable(_ type: String) -> Localized {
        Localized(ko: "\(type) 패킷을 풀 키가 (아직 또는 더는) 없어 버립니다(RFC 9001 4.9절, 5.7절).",
                  en: "No keys for this \(type) packet (not yet, or not any more): it is discarded (RFC 9001 Sections 4.9 and 5.7).")
    }
    static func serverHello(validated: Bool) -> Localized {
        let why = validated
            ? Localized(ko: " 토큰으로 주소가 확인됐으니 보낼 양에 제한이 없습니다.", en: " The token has validated the address, so there is no limit on what it sends.")
            : Localized(ko: " 주소를 확인하기 전이라 받은 양의 3배까지만 보낼 수 있습니다(RFC 9000 8.1절).", en: " Before the address is validated it may send at most three times what it received (RFC 9000 Section 8.1).")
        return Localized(
            ko: "서버의 Initial 패킷: ACK 프레임이 받은 클라이언트 Initial의 번호(괄호 안)를 확인하고, CRYPTO 프레임에 ServerHello가 들어 있습니다." + why.ko,
            en: "The server's Initial packet: its ACK frame acknowledges the client's Initial it received (the number in brackets), and a CRYPTO frame carries the ServerHello." + why.en)
    }
    static let serverFlight = Localized(
        ko: "나머지 TLS 메시지(EncryptedExtensions, Certificate, CertificateVerify, Finished)는 핸드셰이크 키로 보호된 다른 종류의 패킷에 담깁니다. 새 번호 공간이라 번호가 다시 0부터 시작합니다(RFC 9000 12.3절). 실제로는 두 패킷이 한 UDP 데이터그램에 함께 실립니다(12.2절).",
        en: "The rest of TLS's flight (EncryptedExtensions, Certificate, CertificateVerify, Finished) goes in another packet type, protected by the handshake keys. A new number space, so numbering starts again at 0 (RFC 9000 Section 12.3). On the wire both packets share one UDP datagram (Section 12.2).")
    static let serverFlightPSK = Localized(
        ko: "PSK로 재개하므로 인증서 없이 EncryptedExtensions와 Finished만 보냅니다. EncryptedExtensions의 early_data로 0-RTT를 받아들였다고 알립니다(RFC 9001 4.6.1절).",
        en: "Resuming with a PSK, no certificate: just EncryptedExtensions and Finished, whose early_data says the 0-RTT data is accepted (RFC 9001 Section 4.6.1).")
    static let serverOneRTTKeys = Localized(
        ko: "Finished를 보낸 서버는 애플리케이션 키를 가져, 클라이언트의 Finished 전에도 데이터를 보낼 수 있습니다(0.5-RTT, RFC 9001 4.1.1절).",
        en: "Having sent its Finished, the server has the application keys and may send data before the client's Finished (0.5-RTT data, RFC 9001 Section 4.1.1).")
    static let halfRTTResponse = Localized(
        ko: "0-RTT 요청에 대한 응답을 1-RTT 키로 곧바로 보냅니다. ACK(0)은 클라이언트의 0-RTT 패킷을 확인합니다. 0-RTT의 ACK는 1-RTT 패킷에 실립니다(RFC 9000 17.2.3절).",
        en: "The response to the 0-RTT request goes at once under the 1-RTT keys. ACK(0) acknowledges the client's 0-RTT packet: 0-RTT is acknowledged in 1-RTT packets (RFC 9000 Section 17.2.3).")
    static let clientHandshakeKeys = Localized(
        ko: "ServerHello로 클라이언트도 핸드셰이크 키를 얻었습니다. 자기 Initial이 ACK되어 첫 RTT 표본(여기서는 RTT 그대로)도 생겼습니다(RFC 9002 5.1절).",
        en: "With the ServerHello the client has the handshake keys too. Its Initial was acknowledged, which gives the first RTT sample (RFC 9002 Section 5.1).")
    static let clientOneRTTKeys = Localized(
        ko: "서버의 Finished를 확인했습니다. 클라이언트의 핸드셰이크가 끝나 애플리케이션 키를 얻었습니다(RFC 9001 4.1.1절).",
        en: "The server's Finished checks out: the client's handshake is complete and it has the application keys (RFC 9001 Section 4.1.1).")
    static let clientFinished = Localized(
        ko: "클라이언트의 Finished입니다. ACK(0)은 서버의 핸드셰이크 0번 패킷을 같은 공간 안에서 확인합니다. 각 번호 공간은 자기 공간의 패킷으로만 ACK됩니다(RFC 9000 12.3절).",
        en: "The client's Finished. ACK(0) acknowledges the server's packet 0 of this same space: each number space is acknowledged only by packets of its own space (RFC 9000 Section 12.3).")
    static let clientDropsInitial = Localized(
        ko: "핸드셰이크 패킷을 처음 보낸 클라이언트는 Initial 키를 버립니다(RFC 9001 4.9.1절). 그 공간의 패킷은 더 보내지도 ACK하지도 않습니다.",
        en: "Having sent its first handshake-level packet, the client discards the Initial keys (RFC 9001 Section 4.9.1): that space sends and acknowledges nothing more.")
    /// `elapsed`: ms since the first Initial; more than one RTT when a lost Initial waited for the PTO.
    static func request(rtt: Double, retry: Bool, elapsed: Double) -> Localized {
        if !retry && elapsed > rtt * 1.5 {
            return Localized(ko: "첫 요청(GET /)이 Finished와 함께 1-RTT 패킷으로 나갑니다. 첫 Initial로부터 \(Int(elapsed)) ms: 손실된 Initial이 PTO를 기다린 시간에 핸드셰이크 1 RTT가 더해졌습니다.",
                             en: "The first request (GET /) goes in a 1-RTT packet with the Finished, \(Int(elapsed)) ms after the first Initial: the wait for the PTO after the lost Initial, plus the handshake's one RTT.")
        }
        return retry
            ? Localized(ko: "첫 요청(GET /)이 1-RTT 패킷으로 나갑니다. Retry가 있어 첫 Initial로부터 2 RTT가 걸렸습니다.",
                        en: "The first request (GET /) goes in a 1-RTT packet: two RTTs after the first Initial, because of the Retry.")
            : Localized(ko: "첫 요청(GET /)이 Finished와 함께 1-RTT 패킷으로 나갑니다. 첫 Initial로부터 1 RTT(\(Int(rtt)) ms)입니다. TCP + TLS 1.3이라면 TCP 핸드셰이크 1 RTT가 더 듭니다.",
                        en: "The first request (GET /) goes in a 1-RTT packet with the Finished: one RTT (\(Int(rtt)) ms) after the first Initial. TCP + TLS 1.3 spends one more RTT on TCP's handshake.")
    }
    static let serverConfirmed = Localized(
        ko: "클라이언트의 Finished로 서버의 핸드셰이크가 끝나고 확정됩니다(RFC 9001 4.1.2절). 서버는 Initial 키도 버렸습니다(4.9.1절).",
        en: "The client's Finished completes and confirms the server's handshake (RFC 9001 Section 4.1.2); the server has discarded its Initial keys too (Section 4.9.1).")
    static let handshakeDone = Localized(
        ko: "HANDSHAKE_DONE 프레임으로 클라이언트에게 핸드셰이크 확정을 알립니다(RFC 9000 19.20절). 이제 서버는 핸드셰이크 키를 버립니다(RFC 9001 4.9.2절).",
        en: "A HANDSHAKE_DONE frame tells the client the handshake is confirmed (RFC 9000 Section 19.20); the server now discards its handshake keys (RFC 9001 Section 4.9.2).")
    static let response = Localized(
        ko: "서버가 같은 스트림 0으로 응답합니다. ACK는 클라이언트의 1-RTT 패킷을 애플리케이션 공간에서 확인합니다.",
        en: "The server answers on the same stream 0; its ACK covers the client's 1-RTT packet in the application data space.")
    static let clientConfirmed = Localized(
        ko: "HANDSHAKE_DONE을 받은 클라이언트도 핸드셰이크를 확정하고 핸드셰이크 키를 버립니다(RFC 9001 4.1.2절, 4.9.2절).",
        en: "On HANDSHAKE_DONE the client confirms the handshake too and discards its handshake keys (RFC 9001 Sections 4.1.2 and 4.9.2).")

    static func ackOnly(_ space: PacketSpace) -> Localized {
        switch space {
        case .application:
            Localized(ko: "ACK 유발 패킷 두 개를 받았으니 곧바로 ACK만 담아 보냅니다(RFC 9000 13.2.2절). 이 패킷 자체는 ACK를 요구하지 않습니다.",
                      en: "Two ack-eliciting packets received: an ACK-only packet goes at once (RFC 9000 Section 13.2.2). It elicits no ACK itself.")
        default:
            Localized(ko: "이 공간(\(space.rawValue))의 ACK 유발 패킷은 곧바로 ACK합니다(RFC 9000 13.2.1절). 같은 공간의 패킷에 ACK 프레임만 담았습니다.",
                      en: "Ack-eliciting packets of this space (\(space.rawValue)) are acknowledged at once (RFC 9000 Section 13.2.1): an ACK frame alone, in a packet of the same space.")
        }
    }
    static let delayedAck = Localized(
        ko: "애플리케이션 데이터의 ACK는 max_ack_delay(기본 25 ms)까지 미룰 수 있습니다. 그 시간이 지나 ACK만 보냅니다(RFC 9000 13.2.1절, 18.2절).",
        en: "An ACK of application data may wait up to max_ack_delay (25 ms by default); that time is up, so an ACK-only packet goes (RFC 9000 Sections 13.2.1 and 18.2).")
    static func ptoArmed(_ ms: Double, space: PacketSpace, sampled: Bool, backoff: Int) -> Localized {
        let ack = space == .application ? " + max_ack_delay 25" : ""
        if backoff > 0 {
            return Localized(ko: "PTO를 다시 겁니다. 만료될 때마다 두 배가 되어 이번엔 \(Int(ms)) ms입니다(RFC 9002 6.2.1절).",
                             en: "The PTO is armed again, doubled for each expiry: \(Int(ms)) ms this time (RFC 9002 Section 6.2.1).")
        }
        if !sampled {
            return Localized(ko: "PTO(probe timeout) 타이머를 겁니다. 아직 RTT 표본이 없어 초기 RTT 333 ms를 씁니다: 333 + 4 × 166.5 = \(Int(ms)) ms, 약 1초입니다(RFC 9002 6.2.1절, 6.2.2절).",
                             en: "The PTO (probe timeout) starts. With no RTT sample yet it uses the initial RTT of 333 ms: 333 + 4 × 166.5 = \(Int(ms)) ms, about 1 s (RFC 9002 Sections 6.2.1 and 6.2.2).")
        }
        return Localized(ko: "PTO = smoothed_rtt + 4·rttvar\(ack) = \(Int(ms)) ms. ACK 유발 패킷을 보내거나 ACK를 받을 때마다 다시 겁니다(RFC 9002 6.2.1절).",
                         en: "PTO = smoothed_rtt + 4·rttvar\(ack) = \(Int(ms)) ms, restarted whenever an ack-eliciting packet is sent or acknowledged (RFC 9002 Section 6.2.1).")
    }
    static let ptoFired = Localized(
        ko: "PTO 안에 ACK가 오지 않았습니다. 손실로 단정하지 않고 probe를 보냅니다(RFC 9002 6.2.4절).",
        en: "No ACK within the PTO. Without declaring anything lost, the sender sends a probe (RFC 9002 Section 6.2.4).")
    static func probe(_ type: String, _ frames: [String]) -> Localized {
        let what = frames.joined(separator: ",")
        return Localized(
            ko: "ACK되지 않은 \(what)\(josa(label: what, "을")) 새 \(type) 패킷에 다시 담습니다. QUIC은 패킷이 아니라 프레임을 다시 보내며, 같은 번호는 다시 쓰지 않습니다(RFC 9000 13.3절, 12.3절).",
            en: "The unacknowledged \(what) goes again in a new \(type) packet: QUIC resends frames, not packets, and never reuses a packet number (RFC 9000 Sections 13.3 and 12.3).")
    }

    static func summary(_ v: QUICHandshake.Variant, request: Double, rounds: Int, tcpTLSRounds: Int?) -> Localized {
        let tls = tcpTLSRounds.map { Localized(ko: " 같은 RTT에서 TCP + TLS 1.3(tls13-handshake)은 SYN부터 \($0) RTT 뒤에 요청을 보냅니다.",
                                               en: " At the same RTT, TCP + TLS 1.3 (tls13-handshake) sends its request \($0) RTT after the SYN.") }
            ?? Localized(ko: "", en: "")
        let lead: Localized = switch v {
        case .zeroRTT: Localized(ko: "응답이 도착했습니다. 요청은 0-RTT로 첫 Initial과 함께(\(Int(request)) ms) 나갔습니다.",
                                 en: "The response has arrived. The request left as 0-RTT data with the first Initial (at \(Int(request)) ms).")
        // A lost Initial (the variant, or --drop) waited for the PTO: RTTs would mislead.
        case _ where v != .retry && rounds > 1: Localized(ko: "응답이 도착했습니다. 요청은 첫 Initial로부터 \(Int(request)) ms 뒤에 나갔습니다. 대부분 PTO를 기다린 시간입니다.",
                                     en: "The response has arrived. The request left \(Int(request)) ms after the first Initial, most of it the wait for the PTO.")
        default: Localized(ko: "응답이 도착했습니다. 요청은 첫 Initial로부터 \(rounds) RTT 뒤(\(Int(request)) ms)에 나갔습니다.",
                           en: "The response has arrived. The request left \(rounds) RTT after the first Initial (at \(Int(request)) ms).")
        }
        return Localized(ko: lead.ko + tls.ko, en: lead.en + tls.en)
    }
}
