import TutorCore

/// TLS 1.3 over its TCP connection (RFC 8446 §2): the full handshake and its variants, and
/// TLS 1.2's for comparison. Labels follow RFC 8446's figures: `{…}` is protected with the
/// handshake traffic keys, `[…]` with the application traffic keys, `(…)` with the early
/// (0-RTT) keys; a plain name is sent in the clear.
public enum TLSHandshake {
    public enum Variant: Sendable { case full, helloRetry, resumption, badCertificate, tls12 }

    static let client = "client", server = "server"

    /// The options the TLS scenes take.
    static let options: [SceneOption] = [.drop, .rtt]

    static func simulate(_ variant: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        try TCPScene.checkShared(options)
        let rtt = options.rtt ?? 100
        let ex = Exchange(scene: scene, lanes: [client, server], drops: options.drops) { _, _ in rtt / 2 }
        let tcp = TCPLeg(ex: ex, rtt: rtt)
        tcp.connect {
            ex.send(clientHello(variant, retry: false), from: client, to: server, recovery: tcp.recovery)
            if variant == .resumption {
                ex.send(msg("(ApplicationData)", detail: "GET /", narration: Words.earlyData), from: client, to: server, after: 1, recovery: tcp.recovery)
            }
        }
        ex.onArrival = { a, ex in
            if tcp.handle(a) { return }
            switch (a.to, a.message.kind) {
            case (server, "ClientHello"):
                if variant == .helloRetry && a.message.info["retry"] == nil {
                    ex.send(msg("HelloRetryRequest", detail: "key_share=x25519", role: .reset, narration: Words.helloRetry), from: server, to: client, recovery: tcp.recovery)
                    return
                }
                if variant == .tls12 { TLS12.serverFlight(ex, tcp) } else { serverFlight(variant, ex, tcp) }
            case (client, "HelloRetryRequest"):
                ex.send(clientHello(variant, retry: true), from: client, to: server, recovery: tcp.recovery)
            case (client, "ServerHello") where variant != .tls12:
                ex.state(client, "handshake-keys", Words.handshakeKeys)
            case (client, "{Certificate}") where variant == .badCertificate:
                ex.send(msg("{Alert}", detail: "certificate_expired", role: .reset, narration: Words.alert), from: client, to: server, after: 1, recovery: tcp.recovery)
                ex.state(client, "CLOSED", Words.clientGivesUp, after: 1)
            case (client, "{Finished}") where variant != .badCertificate:
                ex.state(client, "application-keys", Words.applicationKeys(client))
                var delay = 0.0
                if variant == .resumption {
                    ex.send(msg("(EndOfEarlyData)", narration: Words.endOfEarlyData), from: client, to: server, recovery: tcp.recovery)
                    delay = 1
                }
                ex.send(msg("{Finished}", role: .ack, narration: Words.clientFinished), from: client, to: server, after: delay, recovery: tcp.recovery)
                if variant != .resumption {
                    ex.send(msg("[ApplicationData]", detail: "GET /", narration: Words.request), from: client, to: server, after: delay + 1, recovery: tcp.recovery)
                }
            case (client, "ServerHelloDone"):
                TLS12.clientFlight(ex, tcp)
            case (client, "Finished"):
                ex.state(client, "application-keys", Words.applicationKeys(client))
                ex.send(msg("[ApplicationData]", detail: "GET /", narration: Words.request12), from: client, to: server, recovery: tcp.recovery)
            case (server, "Finished"):
                TLS12.serverFinish(ex, tcp)
            case (server, "{Finished}"):
                ex.note(server, Words.clientFinishedChecked)
            case (server, "[ApplicationData]"), (server, "(ApplicationData)"):
                ex.send(msg("[ApplicationData]", detail: "200 OK", narration: Words.response), from: server, to: client, after: 1, recovery: tcp.recovery)
            case (server, "{Alert}"):
                // A fatal alert closes the connection on both sides (RFC 8446 §6.2).
                ex.state(server, "CLOSED", Words.alertReceived)
            case (client, "[ApplicationData]"):
                ex.note(client, Words.summary(variant, rtt: rtt, events: ex.events))
            default: break
            }
        }
        var trace = ex.run()
        trace.scaleNote = Words.legend
        trace.stateNames = Words.keyStates
        return trace
    }

    static func msg(_ kind: String, detail: String? = nil, role: MessageRole = .data, narration: Localized) -> ExchangeMessage {
        ExchangeMessage(kind, detail: detail, role: role, narration: narration)
    }

    static func clientHello(_ variant: Variant, retry: Bool) -> ExchangeMessage {
        switch variant {
        case .helloRetry where !retry:
            return ExchangeMessage("ClientHello", detail: "key_share=secp256r1", role: .open,
                                   narration: Words.clientHelloWrongGroup)
        case .helloRetry:
            return ExchangeMessage("ClientHello", detail: "key_share=x25519", role: .open, narration: Words.secondClientHello, info: ["retry": "yes"])
        case .resumption:
            return ExchangeMessage("ClientHello", detail: "key_share pre_shared_key early_data", role: .open, narration: Words.resumptionHello)
        case .tls12:
            return ExchangeMessage("ClientHello", detail: "cipher_suites SNI ALPN", role: .open, narration: Words.clientHello12)
        case .full, .badCertificate:
            return ExchangeMessage("ClientHello", detail: "key_share supported_versions SNI ALPN", role: .open, narration: Words.clientHello)
        }
    }

    /// The server's one flight (RFC 8446 §2, Figure 1; with a PSK, no Certificate, §2.2).
    static func serverFlight(_ variant: Variant, _ ex: Exchange, _ tcp: TCPLeg) {
        var flight = [msg("ServerHello", detail: variant == .resumption ? "key_share pre_shared_key" : "key_share", role: .open,
                          narration: variant == .resumption ? Words.serverHelloPSK : Words.serverHello),
                      msg("{EncryptedExtensions}", detail: variant == .resumption ? "early_data" : "ALPN=h2", narration: Words.encryptedExtensions(variant))]
        if variant != .resumption {
            flight += [msg("{Certificate}", narration: variant == .badCertificate ? Words.expiredCertificate : Words.certificate),
                       msg("{CertificateVerify}", narration: Words.certificateVerify)]
        }
        flight.append(msg("{Finished}", role: .ack, narration: Words.serverFinished))
        for (i, m) in flight.enumerated() {
            ex.send(m, from: server, to: client, after: Double(i), recovery: tcp.recovery)
            if i == 0 { ex.state(server, "handshake-keys", Words.serverHandshakeKeys) }  // once its ServerHello is out
        }
        ex.state(server, "application-keys", Words.serverApplicationKeys, after: Double(flight.count - 1))
    }
}

/// The TCP connection under TLS: the 3-way handshake as three messages, then TCP's
/// retransmission of a lost segment after the RTO (RFC 6298: 1 s before an RTT sample, §2.1;
/// SRTT + 4·RTTVAR = 3 RTT after the first, §2.2, rounded up to 1 s, §2.4).
final class TCPLeg {
    let ex: Exchange
    let rtt: Double
    private var established: () -> Void = {}

    init(ex: Exchange, rtt: Double) { self.ex = ex; self.rtt = rtt }

    var recovery: Exchange.Recovery {
        Exchange.Recovery(after: max(1000, 3 * rtt), narration: Localized(
            ko: "ACK가 오지 않아 TCP가 재전송 타이머(RTO)가 끝난 뒤 같은 데이터를 다시 보냅니다(RFC 6298 5.4절). TLS는 이 복구를 기다릴 뿐입니다.",
            en: "No ACK came, so TCP sends the same bytes again when its retransmission timer (RTO) expires (RFC 6298 Section 5.4). TLS just waits for it."))
    }

    /// Opens the connection; `then` runs on the client once it is established.
    func connect(then: @escaping () -> Void) {
        established = then
        let syn = Exchange.Recovery(after: 1000, narration: Localized(
            ko: "SYN+ACK가 오지 않아 1초(첫 RTO, RFC 6298 2.1절) 뒤 SYN을 다시 보냅니다.",
            en: "No SYN+ACK came: the SYN is sent again after 1 s (the initial RTO, RFC 6298 Section 2.1)."))
        ex.send(ExchangeMessage("SYN", role: .open, narration: Localized(
            ko: "TLS보다 먼저 TCP 연결이 필요합니다. 클라이언트가 SYN을 보냅니다(RFC 9293 3.5절).",
            en: "TLS needs a TCP connection first: the client sends a SYN (RFC 9293 Section 3.5).")), from: TLSHandshake.client, to: TLSHandshake.server, recovery: syn)
    }

    /// Handles the TCP handshake's messages; false for anything else.
    func handle(_ a: Exchange.Arrival) -> Bool {
        switch a.message.kind {
        case "SYN":
            ex.send(ExchangeMessage("SYN+ACK", role: .open, narration: Localized(
                ko: "서버가 SYN+ACK로 답합니다.", en: "The server answers with SYN+ACK.")), from: a.to, to: a.from, recovery: recovery)
        case "SYN+ACK":
            guard ex.received("SYN+ACK", at: a.to).count == 1 else { return true }
            ex.state(a.to, "ESTABLISHED", Localized(ko: "TCP 연결이 열렸습니다: 1 RTT가 지났습니다.", en: "The TCP connection is open: one RTT has passed."))
            ex.send(ExchangeMessage("ACK", role: .ack, narration: Localized(
                ko: "3-way 핸드셰이크의 마지막 ACK입니다. 클라이언트는 기다리지 않고 곧바로 TLS를 시작합니다.",
                en: "The last ACK of the 3-way handshake. The client starts TLS at once, without waiting.")), from: a.to, to: a.from)
            established()
        case "ACK":
            ex.state(a.to, "ESTABLISHED", Localized(ko: "서버 쪽 TCP 연결도 열렸습니다.", en: "The server's side of the TCP connection is open too."))
        default: return false
        }
        return true
    }
}
