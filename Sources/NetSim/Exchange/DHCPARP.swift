import TutorCore

/// A host joins a LAN: DHCP gives it an address (RFC 2131 §3.1: DISCOVER, OFFER, REQUEST,
/// ACK), it checks the address with ARP probes and announces it (RFC 5227 §2.1, §2.3), and
/// before its first packet to the default gateway it asks ARP for the gateway's MAC address
/// (RFC 826). The variants show the lease's renewal at T1 and rebinding at T2 (RFC 2131
/// §4.4.5), a relay agent (RFC 2131 §4.1, RFC 1542) and an address already in use (DECLINE).
public enum DHCPARP {
    public enum Variant: Sendable { case basic, renew, rebind, relay, duplicate }

    static let host = "host", server = "DHCP server", gateway = "gateway", relay = "relay"
    static let backup = "backup server", neighbor = "other host"
    static let options: [SceneOption] = [.drop]

    /// The LAN 192.168.0.0/24: the router is .1, the DHCP server .2; the relay's server sits
    /// on another subnet. Addresses from the documentation-friendly private range.
    static let routerIP = "192.168.0.1", serverIP = "192.168.0.2", backupIP = "192.168.0.3", farServerIP = "10.0.5.2"
    static let pool = ["192.168.0.50", "192.168.0.51", "192.168.0.52"]
    static let remote = "198.51.100.7"
    static let hostMAC = "02:00:00:00:00:50", routerMAC = "00:00:5e:00:53:01", neighborMAC = "02:00:00:00:00:99"

    /// RFC 2131 §4.1: the first retransmission after 4 s, then 8 s, 16 s … up to 64 s. The
    /// RFC randomizes each by ±1 s; the scene does not, so a run is the same every time.
    static let firstRetransmit = 4000.0, maxTries = 4
    /// RFC 2131 §3.1 step 5: wait at least ten seconds after a DECLINE before starting over.
    static let declineWait = 10_000.0
    /// RFC 5227 §1.1: PROBE_NUM probes PROBE_MIN–PROBE_MAX apart (the scene: 1 s), then
    /// ANNOUNCE_WAIT; ANNOUNCE_NUM announcements ANNOUNCE_INTERVAL apart.
    static let probeNum = 3, probeGap = 1000.0, announceWait = 2000.0, announceNum = 2, announceInterval = 2000.0
    /// An ARP request unanswered is asked again after 1 s, three times in all (Linux's
    /// mcast_solicit and retrans_time defaults; RFC 1122 §2.3.2.1 allows one a second).
    static let arpRetry = 1000.0, arpTries = 3
    /// A day-long lease is common; the renewal scenes use 60 s so T1 and T2 come soon.
    static func lease(_ v: Variant) -> Double { v == .renew || v == .rebind ? 60_000 : 3_600_000 }
    /// RFC 2131 §4.4.5: T1 defaults to 0.5 × the lease, T2 to 0.875 × the lease.
    static func t1(_ lease: Double) -> Double { lease * 0.5 }
    static func t2(_ lease: Double) -> Double { lease * 0.875 }
    /// RFC 2131 §4.4.5: retries in RENEWING and REBINDING are at least 60 s apart.
    static let renewRetryMin = 60_000.0

    static func lanes(_ v: Variant) -> [String] {
        switch v {
        case .basic: [host, server, gateway]
        case .renew: [host, server]
        case .rebind: [host, server, backup]
        case .relay: [host, relay, server]
        case .duplicate: [host, server, neighbor]
        }
    }

    /// One-way delays in ms: a switched LAN, and a routed hop to the relay's server.
    static func delay(_ a: String, _ b: String) -> Double {
        Set([a, b]) == [relay, server] ? 5 : 1
    }

    static func simulate(_ variant: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        var drops = options.drops
        if variant == .rebind {
            // The server is unreachable at T1: whatever ordinal the renewal REQUEST gets (the
            // user's drops shift it), it is lost. A first run finds it.
            let first = run(variant, scene: scene, drops: drops)
            if let n = first.events.first(where: { $0.kind == .send && $0.label == Label.renewRequest })?.n { drops.insert(n) }
        }
        return run(variant, scene: scene, drops: drops)
    }

    static func run(_ variant: Variant, scene: String, drops: Set<Int>) -> Trace {
        let ex = Exchange(scene: scene, lanes: lanes(variant), drops: drops, delay: delay)
        let client = Client(ex: ex, variant: variant)
        let servers = Servers(ex: ex, variant: variant)
        ex.onArrival = { a, _ in
            switch a.to {
            case host: client.received(a)
            case gateway, neighbor: servers.arp(a)
            case relay: servers.relayed(a)
            default: servers.dhcp(a)
            }
        }
        client.start()
        var trace = ex.run()
        trace.scaleNote = Words.legend(variant)
        trace.stateNames = Words.stateNames
        return trace
    }

    /// The labels a test or a reaction recognises.
    enum Label {
        static let renewRequest = "REQUEST unicast \(serverIP)"
    }
}
