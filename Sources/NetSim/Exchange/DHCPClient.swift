import TutorCore

extension DHCPARP {
    /// The host: RFC 2131 Figure 5's client states (INIT, SELECTING, REQUESTING, BOUND,
    /// RENEWING, REBINDING), its address check and announcement (RFC 5227), and its ARP
    /// cache for the default gateway (RFC 826).
    final class Client {
        enum Phase { case initial, selecting, requesting, probing, bound, renewing, rebinding, done }
        let ex: Exchange
        let variant: Variant
        private(set) var phase = Phase.initial
        /// Where its DHCP broadcasts are drawn to: the relay's interface or the server.
        private var dhcpLane: String { variant == .relay ? relay : server }
        private var tries = 0
        private var retransmit: Int?
        private var offer: (ip: String, sid: String)?
        private var address = ""
        private var requestSentAt = 0.0
        private var leaseEnd = 0.0
        /// When the lease being renewed began: T1 and T2 count from it.
        private var leaseStart = 0.0
        private var t2Timer: Int?
        private var arpCache: [String: String] = [:]
        private var arpTry = 0
        private var pending: [Int] = []

        init(ex: Exchange, variant: Variant) { self.ex = ex; self.variant = variant }

        func start() {
            ex.state(host, "INIT", Words.initial(variant))
            discover()
        }

        /// RFC 2131 §3.1 step 1, §4.4.1: DISCOVER from 0.0.0.0 to the broadcast address.
        private func discover(attempt: Int = 1) {
            phase = .selecting; tries = attempt
            ex.send(ExchangeMessage("DISCOVER", detail: "bcast 0.0.0.0:68", role: .open,
                                    narration: attempt > 1 ? Words.discoverAgain(attempt) : Words.discover),
                    from: host, to: dhcpLane, retransmission: attempt > 1)
            if attempt == 1 { ex.state(host, "SELECTING", Words.selecting) }
            backoff(attempt) { [unowned self] in
                guard phase == .selecting else { return }
                if attempt < maxTries { discover(attempt: attempt + 1) } else { giveUp() }
            }
        }

        /// RFC 2131 §4.1: 4 s before the first retransmission, doubling (no ±1 s here).
        private func backoff(_ attempt: Int, fire: @escaping () -> Void) {
            let wait = firstRetransmit * Double(1 << (attempt - 1))
            ex.at(after: 0) { [unowned self] in
                retransmit = ex.startTimer("retransmit", on: host, duration: wait, narration: Words.retransmitTimer(wait),
                                           firing: Words.retransmitFires, fire: fire)
            }
        }

        private func giveUp() {
            phase = .done
            ex.note(host, Words.givesUp)
        }

        func received(_ a: Exchange.Arrival) {
            let i = a.message.info
            switch a.message.kind {
            case "OFFER" where phase == .selecting:
                ex.cancel(retransmit)
                offer = (i["ip"]!, i["sid"]!)
                request()
            case "ACK" where phase == .requesting:
                ex.cancel(retransmit)
                address = i["ip"]!
                leaseEnd = requestSentAt + lease(variant)
                if variant == .basic || variant == .duplicate { probe() } else { bind() }
            case "ACK" where phase == .renewing || phase == .rebinding:
                ex.cancel(t2Timer)
                leaseEnd = requestSentAt + lease(variant)
                phase = .done
                ex.state(host, "BOUND", Words.extended(leaseEnd: leaseEnd, rebinding: a.from == backup))
            case "is-at" where phase == .probing:
                decline()
            case "is-at" where phase == .bound && arpTry > 0:
                arpTry = 0
                arpCache[i["ip"]!] = i["mac"]!
                let queued = pending
                pending = []
                for n in queued { sendPacket(n) }
            default: break
            }
        }

        /// RFC 2131 §3.1 step 3, §4.4.1: REQUEST, still broadcast, naming the chosen server.
        private func request(attempt: Int = 1) {
            guard let offer else { return }
            phase = .requesting; tries = attempt
            requestSentAt = ex.now
            ex.send(ExchangeMessage("REQUEST", detail: "bcast sid=\(offer.sid)", role: .open,
                                    narration: attempt > 1 ? Words.requestAgain : Words.request(offer.ip, sid: offer.sid),
                                    info: ["ip": offer.ip, "sid": offer.sid]),
                    from: host, to: dhcpLane, retransmission: attempt > 1)
            if attempt == 1 { ex.state(host, "REQUESTING", Words.requesting) }
            backoff(attempt) { [unowned self] in
                guard phase == .requesting else { return }
                if attempt < maxTries { request(attempt: attempt + 1) } else { ex.state(host, "INIT", Words.requestGaveUp); discover() }
            }
        }

        /// RFC 5227 §2.1.1: probes with sender IP 0.0.0.0, then ANNOUNCE_WAIT without a reply.
        private func probe() {
            phase = .probing
            let target = variant == .duplicate ? neighbor : gateway
            let ip = address
            for k in 0..<probeNum {
                ex.at(after: Double(k) * probeGap) { [unowned self] in
                    guard phase == .probing, address == ip else { return }
                    ex.send(ExchangeMessage("ARP-probe", detail: "\(ip) from 0.0.0.0", role: .open,
                                            narration: k == 0 ? Words.firstProbe(ip) : Words.probeAgain(k + 1),
                                            onArrival: Words.probeArrives(target, ip: ip, own: target == neighbor && ip == pool[0]), info: ["ip": ip]),
                            from: host, to: target)
                }
            }
            ex.at(after: Double(probeNum - 1) * probeGap + announceWait) { [unowned self] in
                guard phase == .probing, address == ip else { return }
                bind()
                for k in 0..<announceNum {
                    ex.at(after: Double(k) * announceInterval) { [unowned self] in
                        ex.send(ExchangeMessage("ARP-announce", detail: ip, role: .open, narration: Words.announce(k + 1),
                                                onArrival: k == 0 ? Words.announceArrives(target) : nil, info: ["ip": ip]),
                                from: host, to: target)
                    }
                }
                if variant == .basic {
                    ex.at(after: Double(announceNum - 1) * announceInterval + 1000) { [unowned self] in sendPacket(1) }
                    ex.at(after: Double(announceNum - 1) * announceInterval + 2000) { [unowned self] in sendPacket(2) }
                }
            }
        }

        /// RFC 2131 §3.1 step 5, §4.4.4: the address is in use: DECLINE (broadcast), wait, start over.
        private func decline() {
            phase = .initial
            ex.send(ExchangeMessage("DECLINE", detail: "\(address) bcast", role: .reset, narration: Words.decline(address),
                                    onArrival: Words.markedInUse(address), info: ["ip": address]), from: host, to: server)
            ex.state(host, "INIT", Words.backToInit)
            ex.at(after: 0) { [unowned self] in
                ex.startTimer("restart", on: host, duration: declineWait, narration: Words.declineWait, firing: Words.restart) { [unowned self] in
                    discover()
                }
            }
        }

        /// REQUESTING -> BOUND (RFC 2131 Figure 5): record the lease, set T1 and T2.
        private func bind() {
            phase = .bound
            leaseStart = requestSentAt
            ex.state(host, "BOUND", Words.bound(address, lease: lease(variant), relay: variant == .relay))
            guard variant == .renew || variant == .rebind else { return }
            let l = lease(variant)
            ex.at(after: 0) { [unowned self] in
                ex.startTimer("T1", on: host, duration: requestSentAt + t1(l) - ex.now, narration: Words.t1Timer(l), firing: Words.t1Fires) { [unowned self] in
                    renew()
                }
                t2Timer = ex.startTimer("T2", on: host, duration: requestSentAt + t2(l) - ex.now, narration: Words.t2Timer(l),
                                        firing: Words.t2Fires) { [unowned self] in rebind() }
            }
        }

        /// RFC 2131 §4.4.5: at T1, RENEWING, a unicast REQUEST to the server that leased it.
        private func renew(again: Bool = false) {
            if !again { ex.state(host, "RENEWING", Words.renewing) }
            phase = .renewing
            requestSentAt = ex.now
            ex.send(ExchangeMessage("REQUEST", detail: "unicast \(serverIP)", role: .open, narration: Words.renewRequest(address),
                                    info: ["ip": address, "ciaddr": address]), from: host, to: server, retransmission: again)
            if variant == .rebind && !again { ex.state(server, "down", Words.serverDown) }
            // RFC 2131 §4.4.5: a retry waits half the time left until T2, at least 60 s; none if T2 comes first.
            let wait = max(renewRetryMin, (leaseStart + t2(lease(variant)) - ex.now) / 2)
            if ex.now + wait < leaseStart + t2(lease(variant)) {
                ex.at(after: wait) { [unowned self] in if phase == .renewing { renew(again: true) } }
            }
        }

        /// RFC 2131 §4.4.5: at T2, REBINDING, the REQUEST is broadcast to any server.
        private func rebind() {
            guard phase == .renewing else { return }
            phase = .rebinding
            requestSentAt = ex.now
            ex.state(host, "REBINDING", Words.rebinding)
            ex.send(ExchangeMessage("REQUEST", detail: "bcast ciaddr=\(address)", role: .open, narration: Words.rebindRequest,
                                    info: ["ip": address, "ciaddr": address]), from: host, to: variant == .rebind ? backup : server)
            ex.at(after: leaseEnd - ex.now) { [unowned self] in
                guard phase == .rebinding else { return }
                phase = .done
                ex.state(host, "INIT", Words.expired)
            }
        }

        /// RFC 826: the first packet to the gateway needs its MAC; the second finds it cached.
        private func sendPacket(_ n: Int) {
            guard let mac = arpCache[routerIP] else {
                pending.append(n)
                if arpTry == 0 { ex.note(host, Words.needsMAC); resolve() }
                return
            }
            ex.send(ExchangeMessage("echo", detail: "#\(n) \(remote)", narration: n == 1 ? Words.firstPacket(mac) : Words.secondPacket(mac),
                                    onArrival: Words.forwarded(n)), from: host, to: gateway)
        }

        /// An ARP request (broadcast), asked again after 1 s, three tries.
        private func resolve() {
            arpTry += 1
            let mine = arpTry
            ex.send(ExchangeMessage("who-has", detail: "\(routerIP) bcast", role: .open,
                                    narration: mine == 1 ? Words.whoHas : Words.whoHasAgain, info: ["ip": routerIP]),
                    from: host, to: gateway, retransmission: mine > 1)
            ex.at(after: arpRetry) { [unowned self] in
                guard arpTry == mine else { return }
                if mine < arpTries { resolve() } else { arpTry = 0; pending = []; ex.note(host, Words.arpFailed) }
            }
        }
    }
}
