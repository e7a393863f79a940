import TutorCore

extension DNSResolution {
    /// The recursive resolver: RFC 1034 §5.3.3's algorithm. Answer from the cache if it can;
    /// else ask the closest servers it knows (the root at first, from its hints), follow each
    /// referral a step down, restart at a CNAME's target, and cache every answer for its TTL.
    final class Resolver {
        let ex: Exchange
        let variant: Variant
        /// Zone cut to the lane of its servers, learned from referrals; the root from the hints.
        private(set) var delegations: [String: String] = [".": root]
        private var cache: [String: (result: DNSResult, storedAt: Double)] = [:]
        /// The stub's questions being resolved (a repeated query joins them).
        private var resolving: Set<String> = []
        /// Queries to servers awaiting an answer: what to do with it, and the attempt number.
        private var waiting: [String: (attempt: Int, then: (Exchange.Arrival) -> Void)] = [:]

        init(ex: Exchange, variant: Variant) { self.ex = ex; self.variant = variant }

        /// The stub's recursive query (RD=1): answered from the cache or resolved.
        func queried(_ a: Exchange.Arrival) {
            let name = a.message.info["name"]!, type = a.message.info["type"]!, tcp = a.message.info["tcp"] == "1"
            let key = "\(name) \(type)"
            if let hit = fresh(key) {
                ex.note(resolver, Words.fromCache(hit.result, remaining: remaining(hit)))
                answerStub(hit.result, remaining: remaining(hit), tcp: tcp)
                return
            }
            guard !resolving.contains(key) else { return ex.note(resolver, Words.alreadyResolving) }
            resolving.insert(key)
            ex.note(resolver, Words.cacheMiss(name))
            resolve(name, type) { [unowned self] result in
                resolving.remove(key)
                answerStub(result, remaining: result.ttl, tcp: tcp)
            }
        }

        private func answerStub(_ r: DNSResult, remaining: Int, tcp: Bool) {
            let m: ExchangeMessage
            if r.text == "SERVFAIL" {
                m = ExchangeMessage("SERVFAIL", role: .reset, narration: Words.servfail)
            } else if !tcp && r.bytes > udpLimit {
                m = ExchangeMessage("Answer", detail: "TC=1 (truncated)", role: .reset, narration: Words.truncated(r.bytes))
            } else if r.negative {
                m = ExchangeMessage("NXDOMAIN", detail: "TTL=\(remaining)", role: .reset, narration: Words.nxdomainToStub(remaining))
            } else {
                m = ExchangeMessage("Answer", detail: "\(r.text) TTL=\(remaining)\(tcp ? " (TCP)" : r.cname == nil && !r.text.hasPrefix("CNAME") ? " RA=1" : "")", role: .ack,
                                    narration: Words.answerToStub(r, remaining: remaining, tcp: tcp))
            }
            ex.send(m, from: resolver, to: client, recovery: tcp ? Stub.tcpRecovery : nil)
        }

        /// RFC 1034 §5.3.3 steps 1–4 for one name, then `done` with the final answer.
        func resolve(_ name: String, _ type: String, done: @escaping (DNSResult) -> Void) {
            if let hit = fresh("\(name) \(type)") { return done(hit.result) }
            // Step 2: the closest enclosing zone whose servers the cache knows.
            let zone = delegations.keys.filter { $0 == "." || name.hasSuffix("." + $0) || name == $0 }.max { $0.count < $1.count }!
            let lane = delegations[zone]!
            ask(lane, name, type) { [unowned self] a in
                if a.message.kind == "SERVFAIL" { return done(DNSResult(text: "SERVFAIL", ttl: 0)) }  // not cached
                let i = a.message.info
                if let cut = i["zone"], let next = i["lane"] {
                    delegations[cut] = next
                    ex.state(resolver, "referral-cached", Words.referralCached(cut, ns: i["ns"]!, glue: i["glue"]!))
                    return resolve(name, type, done: done)
                }
                let result = DNSResult(text: i["text"]!, ttl: Int(i["ttl"]!)!, negative: i["negative"] == "1",
                                       bytes: Int(i["bytes"]!)!, cname: i["cname"])
                cache["\(name) \(type)"] = (result, ex.now)
                ex.state(resolver, result.negative ? "negative-cached" : "answer-cached", Words.cached(result))
                guard let target = result.cname else { return done(result) }
                // RFC 1034 §3.6.2, §5.3.3 step 3: restart the lookup at the canonical name.
                ex.note(resolver, Words.restartAtCanonical(target))
                resolve(target, type) { [unowned self] final in
                    // The chain lives as long as its shortest link; kept so a repeat gets all of it.
                    let chain = DNSResult(text: "CNAME+" + final.text, ttl: min(result.ttl, final.ttl), negative: final.negative, bytes: final.bytes)
                    cache["\(name) \(type)"] = (chain, cache["\(name) \(type)"]!.storedAt)
                    done(chain)
                }
            }
        }

        /// An iterative query (RD=0) to `lane`, asked again after the timeout, given up after
        /// `maxTries`.
        private func ask(_ lane: String, _ name: String, _ type: String, attempt: Int = 1,
                         then: @escaping (Exchange.Arrival) -> Void) {
            let key = "\(lane) \(name) \(type)"
            waiting[key] = (attempt, then)
            ex.send(query(name, type, rd: false, edns: variant == .truncated, retry: attempt > 1,
                          narration: attempt > 1 ? Words.askAgain(lane) : Words.iterative(lane, name, edns: variant == .truncated)),
                    from: resolver, to: lane, retransmission: attempt > 1)
            ex.at(after: resolverTimeout) { [unowned self] in
                guard let w = waiting[key], w.attempt == attempt else { return }
                if attempt < maxTries {
                    ex.note(resolver, Words.noAnswer(lane, after: resolverTimeout))
                    ask(lane, name, type, attempt: attempt + 1, then: then)
                } else {
                    waiting[key] = nil
                    ex.note(resolver, Words.resolverGivesUp(lane))
                    then(Exchange.Arrival(message: ExchangeMessage("SERVFAIL", narration: Words.servfail),
                                          from: lane, to: resolver, n: 0))
                }
            }
        }

        /// A server's response: the continuation of the query it answers.
        func responded(_ a: Exchange.Arrival) {
            let key = "\(a.from) \(a.message.info["name"]!) \(a.message.info["type"]!)"
            guard let w = waiting.removeValue(forKey: key) else { return }
            w.then(a)
        }

        /// Root, TLD and authoritative servers: a referral or an answer, never recursion.
        func serve(_ a: Exchange.Arrival) {
            let name = a.message.info["name"]!, type = a.message.info["type"]!
            var info = ["name": name, "type": type]
            let m: ExchangeMessage
            switch response(at: a.to, name: name, type: type, variant: variant) {
            case let .referral(zone, ns, glue, lane):
                info.merge(["zone": zone, "ns": ns, "glue": glue, "lane": lane]) { $1 }
                m = ExchangeMessage("Referral", detail: "\(zone) NS+A glue", narration: Words.referral(from: a.to, zone: zone, ns: ns, glue: glue), info: info)
            case .answer(let r):
                info.merge(["text": r.text, "ttl": "\(r.ttl)", "negative": r.negative ? "1" : "", "bytes": "\(r.bytes)"]) { $1 }
                if let c = r.cname { info["cname"] = c }
                m = r.negative
                    ? ExchangeMessage("NXDOMAIN", detail: "+ \(r.text)", role: .reset, narration: Words.nxdomainFromAuth, info: info)
                    : ExchangeMessage("Answer", detail: "\(r.text) TTL=\(r.ttl) AA=1", role: .ack, narration: Words.authoritative(r), info: info)
            }
            ex.send(m, from: a.to, to: a.from)
        }

        private func fresh(_ key: String) -> (result: DNSResult, storedAt: Double)? {
            guard let c = cache[key], remaining(c) > 0 else { return nil }
            return c
        }

        /// The TTL left: the cached TTL less the whole seconds since it was stored (RFC 1035 §3.2.1).
        func remaining(_ c: (result: DNSResult, storedAt: Double)) -> Int {
            c.result.ttl - Int(((ex.now - c.storedAt) / 1000).rounded(.down))
        }
    }
}
