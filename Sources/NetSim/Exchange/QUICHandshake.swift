import TutorCore

/// QUIC's handshake (RFC 9000 §7, RFC 9001 §4): TLS 1.3's messages travel in CRYPTO frames of
/// Initial and Handshake packets, so the transport and the cryptographic handshake are one
/// round trip, and the client sends 1-RTT data one RTT after its first Initial (TCP + TLS 1.3:
/// two). Variants: a lost first Initial recovered by the PTO, a Retry (address validation,
/// RFC 9000 §8.1.2) and resumption with 0-RTT data (RFC 9001 §4.6).
public enum QUICHandshake {
    public enum Variant: Sendable { case full, lostInitial, retry, zeroRTT }

    static let client = "client", server = "server"
    static let options: [SceneOption] = [.drop, .rtt]

    static func simulate(_ variant: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        try TCPScene.checkShared(options)
        let rtt = options.rtt ?? 100
        let drops = options.drops.isEmpty && variant == .lostInitial ? [1] : options.drops
        let ex = Exchange(scene: scene, lanes: [client, server], drops: drops) { _, _ in rtt / 2 }
        let c = QUICEndpoint(client, peer: server, ex: ex, readable: [.initial])
        let s = QUICEndpoint(server, peer: client, ex: ex, readable: [.initial])
        let W = QUICWords.self
        var serverStarted = false, retried = false, responded = false, answered = false

        c.send("Initial", ["CRYPTO(CH)"], narration: variant == .zeroRTT ? W.resumingHello : W.clientHello, role: .open)
        if variant == .zeroRTT { c.send("0-RTT", ["STREAM(0)"], narration: W.earlyData) }

        ex.onArrival = { a, ex in
            if a.message.kind == "Retry" {
                // One Retry per connection attempt (RFC 9000 §17.2.5.2); the packet numbers go on.
                guard !retried else { return }
                retried = true
                c.resetRecovery()
                c.token = "token"
                c.send("Initial", ["CRYPTO(CH)"], narration: W.helloWithToken, role: .open)
                return
            }
            let frames = a.message.info["frames"] ?? ""
            if variant == .retry && a.to == server && a.message.kind == "Initial" && !a.message.label.hasSuffix("token") {
                // Stateless (RFC 9000 §8.1.2): the server keeps nothing of this Initial, not even its number.
                ex.send(ExchangeMessage("Retry", detail: "token", role: .reset, narration: W.retry), from: server, to: client)
                return
            }
            let me = a.to == client ? c : s
            guard me.receive(a) else {
                ex.note(a.to, W.unreadable(a.message.kind))
                return
            }
            switch (a.to, a.message.kind) {
            case (server, "Initial") where frames.contains("CRYPTO(CH)") && !serverStarted:  // a probe's copy: only its ACK
                serverStarted = true
                s.readable.formUnion([.handshake, .application])
                s.send("Initial", ["CRYPTO(SH)"], narration: W.serverHello(validated: variant == .retry), role: .open)
                s.send("Handshake", [variant == .zeroRTT ? "CRYPTO(EE,FIN)" : "CRYPTO(EE,CERT,CV,FIN)"],
                       narration: variant == .zeroRTT ? W.serverFlightPSK : W.serverFlight)
                ex.state(server, "application-keys", W.serverOneRTTKeys, after: 1)
            case (server, "0-RTT") where !responded:
                responded = true
                s.send("1-RTT", ["STREAM(0)"], narration: W.halfRTTResponse)
            case (client, "Initial") where frames.contains("CRYPTO(SH)") && !c.readable.contains(.handshake):
                c.readable.insert(.handshake)
                ex.state(client, "handshake keys", W.clientHandshakeKeys)
            case (client, "Handshake") where frames.contains("FIN") && !c.readable.contains(.application):
                c.readable.insert(.application)
                ex.state(client, "application-keys", W.clientOneRTTKeys)
                c.send("Handshake", ["CRYPTO(FIN)"], narration: W.clientFinished, role: .ack)
                c.discard(.initial)
                ex.note(client, W.clientDropsInitial)
                if variant != .zeroRTT { c.send("1-RTT", ["STREAM(0)"], narration: W.request(rtt: rtt, retry: variant == .retry, elapsed: max(ex.now, c.lastSend + 1) - (ex.events.first { $0.kind == .send && $0.from == client }?.t ?? 0))) }
            case (server, "Handshake") where frames.contains("CRYPTO(FIN)"):
                s.discard(.initial)
                s.flushAcks()  // the Handshake ACK goes before its keys are dropped
                s.confirmed = true
                ex.state(server, "confirmed", W.serverConfirmed)
                s.send("1-RTT", ["HANDSHAKE_DONE"], narration: W.handshakeDone, role: .ack)
                s.discard(.handshake)
            case (server, "1-RTT") where frames.contains("STREAM(0)") && !responded:
                responded = true
                s.send("1-RTT", ["STREAM(0)"], narration: W.response)
            case (client, "1-RTT") where frames.contains("HANDSHAKE_DONE") && !c.confirmed:
                c.confirmed = true
                ex.state(client, "confirmed", W.clientConfirmed)
                c.discard(.handshake)
            case (client, "1-RTT") where frames.contains("STREAM(0)") && !answered:
                answered = true
                ex.note(client, summary(variant, rtt: rtt, events: ex.events))
            default: break
            }
            me.flushAcks()
        }
        var trace = ex.run()
        trace.scaleNote = W.legend
        trace.stateNames = W.keyStates
        return trace
    }

    /// When the request left and the response came, in RTTs from the first Initial, next to
    /// TCP + TLS 1.3 at the same RTT (the `tls13-handshake` scene's own run).
    static func summary(_ v: Variant, rtt: Double, events: [TraceEvent]) -> Localized {
        let first = events.first { $0.kind == .send && $0.from == client }?.t ?? 0
        let request = events.first { $0.kind == .send && $0.from == client && ($0.label ?? "").contains("STREAM(0)") }?.t ?? 0
        let rounds = Int(((request - first) / rtt).rounded())
        var tls: Int?
        if let t = try? TLSHandshake.simulate(.full, scene: "tls13-handshake", { var o = SceneOptions(); o.rtt = rtt; return o }()),
           let get = t.events.first(where: { $0.kind == .send && $0.from == client && ($0.label ?? "").contains("GET") }) {
            tls = Int((get.t / rtt).rounded())
        }
        return QUICWords.summary(v, request: request, rounds: rounds, tcpTLSRounds: tls)
    }
}
