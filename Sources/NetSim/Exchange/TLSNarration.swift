import TutorCore

extension TLSHandshake {
    /// What the TLS scenes say, with the RFC 8446 section each sentence rests on.
    enum Words {
        static let legend = Localized(
            ko: "표기는 RFC 8446 그림을 따릅니다: { }는 핸드셰이크 키, [ ]는 애플리케이션 키, ( )는 0-RTT(조기 데이터) 키로 암호화, 괄호가 없으면 평문.",
            en: "Notation of RFC 8446's figures: { } handshake keys, [ ] application keys, ( ) 0-RTT early keys; no brackets: in the clear.")

        /// The margin notes of the key changes: which keys protect what an endpoint sends next.
        static let keyStates = [
            "handshake-keys": Localized(ko: "핸드셰이크 키", en: "handshake keys"),
            "application-keys": Localized(ko: "애플리케이션 키", en: "application keys"),
        ]

        static let clientHello = Localized(
            ko: "ClientHello: supported_versions로 TLS 1.3을, key_share에 키 교환 공개 값을 미리 담고, SNI로 접속할 호스트를, ALPN으로 원하는 HTTP 버전을 알립니다(RFC 8446 4.1.2절). 평문입니다.",
            en: "ClientHello: supported_versions asks for TLS 1.3, key_share already carries a key-exchange public value, SNI names the host and ALPN the HTTP versions it speaks (RFC 8446 Section 4.1.2). Sent in the clear.")
        static let clientHello12 = Localized(
            ko: "TLS 1.2의 ClientHello: 쓸 수 있는 암호 스위트를 나열할 뿐 키 교환 값은 담지 않습니다. 키는 다음 왕복에서야 합의됩니다(RFC 5246 7.3절).",
            en: "TLS 1.2's ClientHello lists the cipher suites it accepts but carries no key exchange: the keys are agreed only in the next round trip (RFC 5246 Section 7.3).")
        static let clientHelloWrongGroup = Localized(
            ko: "이번 ClientHello는 secp256r1 키 공유만 담았습니다. supported_groups에는 x25519도 있지만 그 공개 값은 보내지 않았습니다.",
            en: "This ClientHello carries a key share for secp256r1 only; supported_groups also lists x25519, but sends no public value for it.")
        static let helloRetry = Localized(
            ko: "서버는 x25519를 원하는데 그 키 공유가 없습니다. HelloRetryRequest로 그룹을 지정해 다시 요청합니다(RFC 8446 4.1.4절). 왕복이 하나 늘어납니다.",
            en: "The server wants x25519, for which the client sent no share. A HelloRetryRequest names the group and asks again (RFC 8446 Section 4.1.4): one more round trip.")
        static let secondClientHello = Localized(
            ko: "두 번째 ClientHello는 서버가 고른 x25519의 키 공유를 담습니다. 나머지는 첫 번째와 같아야 합니다(RFC 8446 4.1.2절).",
            en: "The second ClientHello carries a key share for the x25519 the server chose; the rest must match the first (RFC 8446 Section 4.1.2).")
        static let resumptionHello = Localized(
            ko: "지난 연결에서 받은 티켓으로 세션을 재개합니다: pre_shared_key에 PSK를, early_data로 조기 데이터(0-RTT)를 보내겠다고 알립니다(RFC 8446 2.3절).",
            en: "Resumes with the ticket of an earlier connection: pre_shared_key offers the PSK, early_data announces 0-RTT data (RFC 8446 Section 2.3).")
        static let earlyData = Localized(
            ko: "0-RTT: 서버의 답을 기다리지 않고 PSK에서 유도한 조기 데이터 키로 요청을 바로 보냅니다. 조기 데이터는 전방 비밀성이 없고, 공격자가 캡처해 다른 연결에서 다시 보내는 재생(replay)을 TLS가 막지 못합니다(RFC 8446 8절). 그래서 GET처럼 여러 번 처리돼도 안전한(멱등한) 요청에만 씁니다.",
            en: "0-RTT: the request goes at once, under the early keys derived from the PSK, without waiting for the server. This data has no forward secrecy and can be replayed by an attacker who recorded it (RFC 8446 Section 8), so it is only for requests safe to repeat, like this GET.")
        static let serverHello = Localized(
            ko: "ServerHello: 서버의 key_share로 양쪽이 같은 비밀을 계산합니다. 여기서부터 모든 핸드셰이크 메시지는 암호화됩니다(RFC 8446 7.1절).",
            en: "ServerHello: with the server's key_share both sides compute the same secret. Every handshake message after this one is encrypted (RFC 8446 Section 7.1).")
        static let serverHelloPSK = Localized(
            ko: "서버가 PSK를 받아들이고, 새 key_share로 이후 트래픽의 전방 비밀성도 얻습니다(psk_dhe_ke, RFC 8446 4.2.9절).",
            en: "The server accepts the PSK, and a fresh key_share still gives the rest of the traffic forward secrecy (psk_dhe_ke, RFC 8446 Section 4.2.9).")
        static let serverHandshakeKeys = Localized(
            ko: "서버가 핸드셰이크 트래픽 키를 계산했습니다. ServerHello 다음 메시지부터 이 키로 암호화합니다.",
            en: "The server has derived the handshake traffic keys; everything after the ServerHello is encrypted with them.")
        static let handshakeKeys = Localized(
            ko: "클라이언트도 핸드셰이크 트래픽 키를 얻었습니다. 이어지는 { } 메시지를 풀 수 있습니다.",
            en: "The client has the handshake traffic keys too, so it can decrypt the { } messages that follow.")
        static func encryptedExtensions(_ v: Variant) -> Localized {
            v == .resumption
                ? Localized(ko: "EncryptedExtensions의 early_data로 서버가 조기 데이터를 받아들였음을 알립니다(RFC 8446 4.2.10절).",
                            en: "early_data in EncryptedExtensions says the server accepted the 0-RTT data (RFC 8446 Section 4.2.10).")
                : Localized(ko: "키 교환과 상관없는 확장(고른 ALPN 등)은 이제 암호화되어 갑니다(RFC 8446 4.3.1절).",
                            en: "Extensions not needed for the key exchange, such as the chosen ALPN, now travel encrypted (RFC 8446 Section 4.3.1).")
        }
        static let certificate = Localized(
            ko: "서버 인증서 체인입니다. TLS 1.2와 달리 암호화되어 지켜보는 사람은 어떤 인증서인지 볼 수 없습니다(RFC 8446 4.4.2절).",
            en: "The server's certificate chain, encrypted, unlike TLS 1.2: an observer cannot see which certificate it is (RFC 8446 Section 4.4.2).")
        static let expiredCertificate = Localized(
            ko: "서버 인증서 체인입니다. 그런데 이 인증서는 유효 기간이 지났습니다.",
            en: "The server's certificate chain. This certificate, though, has expired.")
        static let certificateVerify = Localized(
            ko: "지금까지의 핸드셰이크 전체에 인증서의 개인 키로 서명합니다. 인증서의 주인임을 증명합니다(RFC 8446 4.4.3절).",
            en: "A signature over the whole handshake so far with the certificate's private key: proof that the server owns the certificate (RFC 8446 Section 4.4.3).")
        static let serverFinished = Localized(
            ko: "핸드셰이크 전체에 대한 MAC입니다. 중간에 누가 메시지를 바꿨다면 여기서 드러납니다(RFC 8446 4.4.4절).",
            en: "A MAC over the whole handshake: had anyone changed a message on the way, it shows here (RFC 8446 Section 4.4.4).")
        static func applicationKeys(_ lane: String) -> Localized {
            Localized(ko: "\(koreanLaneName(lane))\(josa(label: koreanLaneName(lane), "이")) 애플리케이션 트래픽 키를 계산했습니다. 이제 [ ] 데이터를 주고받습니다(RFC 8446 7.1절).",
                      en: "The \(lane) has derived the application traffic keys: [ ] data can flow (RFC 8446 Section 7.1).")
        }
        static let serverApplicationKeys = Localized(
            ko: "자기 Finished를 보낸 서버는 애플리케이션 트래픽 키를 계산해, 클라이언트의 Finished를 기다리지 않고도 응답을 보낼 수 있습니다(0.5-RTT 데이터, RFC 8446 2절).",
            en: "Having sent its Finished, the server derives the application traffic keys and may send data before the client's Finished arrives (0.5-RTT data, RFC 8446 Section 2).")
        static let clientFinishedChecked = Localized(
            ko: "서버가 클라이언트의 Finished를 확인했습니다. 핸드셰이크가 양쪽에서 끝났습니다.",
            en: "The server has checked the client's Finished: the handshake is complete on both sides.")
        static let endOfEarlyData = Localized(
            ko: "조기 데이터가 여기서 끝난다는 표시로, 조기 데이터 키로 보내는 마지막 메시지입니다(RFC 8446 4.5절).",
            en: "Marks the end of the 0-RTT data, the last message under the early keys (RFC 8446 Section 4.5).")
        static let clientFinished = Localized(
            ko: "서버의 Finished를 확인한 클라이언트가 자기 Finished를 보냅니다. 핸드셰이크는 여기서 끝납니다.",
            en: "Having checked the server's Finished, the client sends its own: the handshake is complete.")
        static let request = Localized(
            ko: "곧바로 첫 요청을 보냅니다. Finished와 같은 묶음으로 가므로 TLS 1.3은 ClientHello부터 1 RTT 만에 요청을 보냅니다.",
            en: "The first request goes right away, in the same flight as the Finished: TLS 1.3 sends it one RTT after the ClientHello.")
        static let request12 = Localized(
            ko: "서버의 Finished를 받은 클라이언트가 이제야 첫 요청을 보냅니다. TLS 1.2는 ClientHello부터 2 RTT가 걸립니다(TLS 1.3은 1 RTT).",
            en: "With the server's Finished in, the client at last sends its first request: TLS 1.2 takes two RTTs from the ClientHello (TLS 1.3 takes one).")
        static let response = Localized(
            ko: "서버가 애플리케이션 키로 응답합니다.", en: "The server answers under the application keys.")
        static let alert = Localized(
            ko: "인증서 검증이 실패했습니다(유효 기간 만료). 클라이언트가 certificate_expired 경고를 보내고 연결을 끊습니다(RFC 8446 6.2절). 요청은 한 바이트도 나가지 않습니다.",
            en: "Certificate validation fails (expired). The client sends a certificate_expired alert and closes the connection (RFC 8446 Section 6.2); not one byte of the request is sent.")
        static let clientGivesUp = Localized(
            ko: "치명적 경고 뒤에는 연결을 닫습니다. 브라우저라면 경고 화면을 보여 줍니다.",
            en: "After a fatal alert the connection is closed; a browser shows its warning page.")
        static let alertReceived = Localized(
            ko: "서버가 경고를 받습니다. 이 연결로는 더 이상 아무것도 오가지 않습니다.",
            en: "The server receives the alert: nothing more goes over this connection.")

        /// The closing note: when the first request left, counted in round trips.
        static func summary(_ v: Variant, rtt: Double, events: [TraceEvent]) -> Localized {
            func firstSend(_ prefix: String) -> Double? {
                events.first { $0.kind == .send && $0.from == TLSHandshake.client && ($0.label ?? "").hasPrefix(prefix) }?.t
            }
            guard let hello = firstSend("ClientHello"), let request = events.first(where: {
                $0.kind == .send && $0.from == TLSHandshake.client && ($0.label ?? "").contains("GET")
            })?.t else { return Localized(ko: "응답이 도착했습니다.", en: "The response has arrived.") }
            let rounds = Int(((request - hello) / rtt).rounded())
            let ko = "첫 요청은 ClientHello를 보내고 \(rounds) RTT 뒤(\(Int(request)) ms)에 나갔습니다. TCP 연결까지 치면 SYN부터 \(rounds + 1) RTT입니다."
            let en = "The first request left \(rounds) RTT after the ClientHello (at \(Int(request)) ms), \(rounds + 1) RTT after the SYN counting the TCP handshake."
            let tail: Localized = switch v {
            case .full, .badCertificate: Localized(ko: " TLS 1.2였다면 ClientHello부터 2 RTT, SYN부터 3 RTT가 걸립니다.", en: " TLS 1.2 would take 2 RTT from the ClientHello, 3 from the SYN.")
            case .helloRetry: Localized(ko: " HelloRetryRequest가 1 RTT를 더했습니다.", en: " The HelloRetryRequest added one RTT.")
            case .resumption: Localized(ko: " 조기 데이터(0-RTT)라 서버의 답을 전혀 기다리지 않았습니다.", en: " As 0-RTT data it did not wait for the server at all.")
            case .tls12: Localized(ko: " TLS 1.3이라면 ClientHello부터 1 RTT, SYN부터 2 RTT입니다.", en: " TLS 1.3 needs 1 RTT from the ClientHello, 2 from the SYN.")
            }
            return Localized(ko: ko + tail.ko, en: en + tail.en)
        }
    }
}
