import TutorCore

extension DNSResolution {
    /// The stub resolver in the client's OS (RFC 1034 §5.3.1): one recursive query to its
    /// resolver, asked again after its timeout; over TCP when the answer came truncated
    /// (RFC 1035 §4.2.1, RFC 7766 §5). It keeps no cache of its own, like glibc's, so the
    /// second lookup shows the resolver's.
    final class Stub {
        let ex: Exchange
        let resolver: Resolver
        let variant: Variant
        private var lookups = 0
        private var answered = false
        private var attempt = 0

        /// TCP's own retransmission of a lost segment: 1 s, the initial RTO (RFC 6298 §2.1).
        static var tcpRecovery: Exchange.Recovery { Exchange.Recovery(after: 1000, narration: Localized(
            ko: "ACK가 오지 않아 TCP가 1초(첫 RTO, RFC 6298 2.1절) 뒤 같은 세그먼트를 다시 보냅니다.",
            en: "No ACK came: TCP sends the same segment again after 1 s (the initial RTO, RFC 6298 Section 2.1).")) }

        init(ex: Exchange, resolver: Resolver, variant: Variant) { self.ex = ex; self.resolver = resolver; self.variant = variant }

        var question: (name: String, type: String) {
            switch variant {
            case .nxdomain: ("wwww.example.com.", "A")
            case .truncated: ("example.com.", "TXT")
            default: ("www.example.com.", "A")
            }
        }

        /// A lookup: the first, or the repeat within the TTL.
        func lookup(first: Bool) {
            lookups += 1; answered = false; attempt = 0
            send(narration: first ? Words.stubQuery(question.name, question.type, variant) : Words.secondLookup)
        }

        private func send(narration: Localized) {
            attempt += 1
            let mine = attempt
            ex.send(query(question.name, question.type, rd: true, retry: mine > 1, narration: narration),
                    from: client, to: DNSResolution.resolver, retransmission: mine > 1)
            ex.at(after: stubTimeout) { [unowned self] in
                guard !answered, attempt == mine else { return }
                if mine < maxTries {
                    send(narration: Words.stubAsksAgain)
                } else {
                    ex.note(client, Words.stubGivesUp)
                }
            }
        }

        /// The resolver's answer.
        func received(_ a: Exchange.Arrival) {
            guard !answered else { return }
            answered = true
            if a.message.label.contains("TC=1") {
                attempt = maxTries + 1  // the UDP retry timer no longer applies
                ex.note(client, Words.retryOverTCP)
                ex.send(ExchangeMessage("SYN", role: .open, narration: Words.tcpOpen), from: client, to: DNSResolution.resolver,
                        recovery: Self.tcpRecovery)
                return
            }
            if a.message.kind == "SERVFAIL" { return ex.note(client, Words.stubGivesUp) }
            ex.note(client, Words.stubDone(a.message, lookup: lookups))
            if lookups == 1 && (variant == .basic || variant == .nxdomain) {
                // Sent so that it reaches the resolver 30 s after the resolver cached the answer.
                ex.at(after: secondLookupAfter - 2 * delay(client, DNSResolution.resolver)) { [unowned self] in lookup(first: false) }
            }
        }

        /// The TCP connection for a truncated answer (RFC 7766 §5); false for anything else.
        func tcp(_ a: Exchange.Arrival) -> Bool {
            switch a.message.kind {
            case "SYN":
                ex.send(ExchangeMessage("SYN+ACK", role: .open, narration: Words.synAck), from: a.to, to: a.from, recovery: Self.tcpRecovery)
            case "SYN+ACK":
                ex.send(ExchangeMessage("ACK", role: .ack, narration: Words.tcpAck), from: a.to, to: a.from)
                answered = false
                ex.send(query(question.name, question.type, rd: true, tcp: true, narration: Words.queryOverTCP),
                        from: client, to: DNSResolution.resolver, after: 1, recovery: Self.tcpRecovery)
            case "ACK": break
            default: return false
            }
            return true
        }
    }
}
