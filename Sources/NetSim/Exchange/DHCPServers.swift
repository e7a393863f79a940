import TutorCore

extension DHCPARP {
    /// Everyone but the host: the DHCP server (RFC 2131 §4.3), its failover partner, the relay
    /// agent in the router (RFC 2131 §4.1, RFC 1542 §4), the gateway and a neighbour that
    /// answer ARP for their own addresses (RFC 826).
    final class Servers {
        let ex: Exchange
        let variant: Variant
        /// Addresses a client declined: in use by someone else (RFC 2131 §4.3.3).
        private var declined: Set<String> = []
        /// The server's own address as its clients see it: across a relay, the far one.
        private var sid: String { variant == .relay ? farServerIP : serverIP }

        init(ex: Exchange, variant: Variant) { self.ex = ex; self.variant = variant }

        /// The DHCP server and the backup server.
        func dhcp(_ a: Exchange.Arrival) {
            let i = a.message.info, viaRelay = i["giaddr"] != nil
            switch a.message.kind {
            case "DISCOVER":
                // RFC 2131 §4.3.1: an address from the pool of the client's subnet, not one declined.
                let ip = pool.first { !declined.contains($0) }!
                let detail = viaRelay ? "\(ip) (relay)" : "\(ip) sid=\(sid)"
                ex.send(ExchangeMessage("OFFER", detail: detail, role: .ack,
                                        narration: viaRelay ? Words.offerToRelay(ip) : Words.offer(ip, again: !declined.isEmpty),
                                        onArrival: viaRelay ? nil : Words.offerArrives,
                                        info: ["ip": ip, "sid": sid]), from: a.to, to: a.from)
            case "REQUEST":
                if let chosen = i["sid"], chosen != sid { return }  // another server's offer: silently released
                let ip = i["ip"]!, renewal = i["ciaddr"] != nil
                let detail = viaRelay ? "\(ip) (relay)" : "\(ip) lease=\(Int(lease(variant) / 1000))s"
                ex.send(ExchangeMessage("ACK", detail: detail, role: .ack,
                                        narration: Words.ack(ip, lease: lease(variant), renewal: renewal, backup: a.to == backup, relay: viaRelay),
                                        info: ["ip": ip, "sid": a.to == backup ? backupIP : sid]), from: a.to, to: a.from)
            case "DECLINE":
                declined.insert(i["ip"]!)
            default: break
            }
        }

        /// The relay agent (RFC 1542 §4.1): a client's broadcast goes on as a unicast to the
        /// server with giaddr set; the server's reply, sent to giaddr, goes to the client.
        func relayed(_ a: Exchange.Arrival) {
            var m = a.message
            if a.from == host {
                m.info["giaddr"] = routerIP
                ex.send(ExchangeMessage(m.kind, detail: "giaddr=\(routerIP)", role: m.role, narration: Words.relayUp(m.kind), info: m.info),
                        from: relay, to: server)
            } else {
                m.info["giaddr"] = nil
                let offer = m.kind == "OFFER"
                let detail = offer ? "\(m.info["ip"]!) sid=\(farServerIP)" : "\(m.info["ip"]!) lease=\(Int(lease(variant) / 1000))s"
                ex.send(ExchangeMessage(m.kind, detail: detail, role: m.role, narration: Words.relayDown(m.kind),
                                        onArrival: offer ? Words.offerArrives : nil, info: m.info),
                        from: relay, to: host)
            }
        }

        /// The gateway and the neighbour: ARP (RFC 826) for their own addresses only.
        func arp(_ a: Exchange.Arrival) {
            let ip = a.message.info["ip"]
            switch a.message.kind {
            case "who-has" where a.to == gateway && ip == routerIP:
                ex.send(ExchangeMessage("is-at", detail: routerMAC, role: .ack, narration: Words.isAt, onArrival: Words.arpCached, info: ["ip": routerIP, "mac": routerMAC]),
                        from: gateway, to: host)
            case "ARP-probe" where a.to == neighbor && ip == pool[0]:
                ex.send(ExchangeMessage("is-at", detail: neighborMAC, role: .reset, narration: Words.neighborAnswers(pool[0]),
                                        onArrival: Words.conflict(pool[0]),
                                        info: ["ip": pool[0], "mac": neighborMAC]), from: neighbor, to: host)
            default: break
            }
        }
    }
}
