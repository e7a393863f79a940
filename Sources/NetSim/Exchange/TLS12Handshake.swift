import TutorCore

/// TLS 1.2's full handshake with an ECDHE key exchange (RFC 5246 §7.3, RFC 8422), for
/// comparison: the keys are agreed only in the client's second flight, so the first request
/// leaves two round trips after the ClientHello, one more than TLS 1.3.
enum TLS12 {
    static let client = TLSHandshake.client, server = TLSHandshake.server

    static func serverFlight(_ ex: Exchange, _ tcp: TCPLeg) {
        let flight = [
            ExchangeMessage("ServerHello", detail: "cipher_suite", role: .open, narration: Localized(
                ko: "서버가 암호 스위트를 고릅니다. TLS 1.2의 ServerHello에는 아직 키 교환 값이 없습니다.",
                en: "The server picks a cipher suite. TLS 1.2's ServerHello carries no key exchange yet.")),
            ExchangeMessage("Certificate", narration: Localized(
                ko: "인증서 체인을 보냅니다. TLS 1.2에서는 암호화되지 않아 지켜보는 누구나 읽을 수 있습니다.",
                en: "The certificate chain, unencrypted in TLS 1.2: anyone watching can read it.")),
            ExchangeMessage("ServerKeyExchange", detail: "ECDHE", narration: Localized(
                ko: "서버의 ECDHE 공개 값과 그 서명입니다(RFC 8422 5.4절).",
                en: "The server's ECDHE public value and its signature (RFC 8422 Section 5.4).")),
            ExchangeMessage("ServerHelloDone", role: .ack, narration: Localized(
                ko: "서버의 첫 묶음이 끝났다는 표시입니다. 이제 클라이언트 차례입니다.",
                en: "Marks the end of the server's first flight: the client's turn.")),
        ]
        for (i, m) in flight.enumerated() { ex.send(m, from: server, to: client, after: Double(i), recovery: tcp.recovery) }
    }

    static func clientFlight(_ ex: Exchange, _ tcp: TCPLeg) {
        let flight = [
            ExchangeMessage("ClientKeyExchange", detail: "ECDHE", narration: Localized(
                ko: "클라이언트의 ECDHE 공개 값입니다. 이것으로 양쪽이 같은 비밀을 계산하지만, 벌써 1 RTT가 지났습니다.",
                en: "The client's ECDHE public value: now both sides can compute the shared secret, a full RTT in.")),
            ExchangeMessage("ChangeCipherSpec", role: .ack, narration: Localized(
                ko: "이제부터 합의한 키로 암호화한다는 신호입니다.", en: "Signals that what follows is encrypted with the agreed keys.")),
            ExchangeMessage("Finished", role: .ack, narration: Localized(
                ko: "지금까지의 핸드셰이크 전체에 대한 MAC입니다. 클라이언트는 서버의 Finished를 받아야 요청을 보낼 수 있습니다.",
                en: "A MAC over the whole handshake so far. The client must see the server's Finished before it sends its request.")),
        ]
        for (i, m) in flight.enumerated() { ex.send(m, from: client, to: server, after: Double(i), recovery: tcp.recovery) }
    }

    static func serverFinish(_ ex: Exchange, _ tcp: TCPLeg) {
        ex.state(server, "application-keys", TLSHandshake.Words.applicationKeys(server))
        ex.send(ExchangeMessage("ChangeCipherSpec", role: .ack, narration: Localized(
            ko: "서버도 암호화로 전환합니다.", en: "The server switches to encryption too.")), from: server, to: client, recovery: tcp.recovery)
        ex.send(ExchangeMessage("Finished", role: .ack, narration: Localized(
            ko: "서버의 Finished입니다. 이것이 도착한 뒤에야, ClientHello로부터 2 RTT 만에 클라이언트가 요청을 보냅니다.",
            en: "The server's Finished. Only once it arrives, two RTTs after the ClientHello, does the client send its request.")),
                from: server, to: client, after: 1, recovery: tcp.recovery)
    }
}
