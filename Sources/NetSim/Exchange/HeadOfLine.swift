import TutorCore

/// Three responses (/a, /b, /c), two packets each, sent interleaved by servers of different
/// HTTP versions side by side, with the same piece of data lost in each (RFC 9113 §5, RFC 9000
/// §2.2, RFC 9114). HTTP/2's streams share one TCP byte stream, delivered in order, so every
/// stream waits for the retransmission (transport head-of-line blocking); HTTP/3's QUIC streams
/// are ordered each on its own, so only the stream whose data was lost waits; HTTP/1.1 puts
/// each response on its own TCP connection. The ACKs are not drawn: a loss is detected when
/// three later packets of the same connection are acknowledged (TCP's three duplicate ACKs,
/// RFC 5681 §3.2; QUIC's packet threshold, RFC 9002 §6.1.1), else by a timer.
public enum HeadOfLine {
    public enum Version: String, Sendable, CaseIterable { case h2 = "H2", h3 = "H3", h1 = "H1" }

    static let responses = ["/a", "/b", "/c"], parts = 2
    static let options: [SceneOption] = [.drop, .rtt]
    static var packets: Int { responses.count * parts }

    static func client(_ v: Version) -> String { "\(v.rawValue) client" }
    static func server(_ v: Version) -> String { "\(v.rawValue) server" }

    /// The k-th packet (1-based) of a lane: which response and which part of it.
    static func content(_ k: Int) -> (response: Int, part: Int) { ((k - 1) % responses.count, (k - 1) / responses.count + 1) }

    /// A piece's label: its response and part first ("B1": the kind predict mode asks for,
    /// short enough for six lanes), then its stream or connection: HTTP/2's client streams are
    /// odd (RFC 9113 §5.1.1), QUIC's client bidirectional streams 0, 4, 8 (RFC 9000 §2.1).
    static func label(_ v: Version, _ k: Int) -> (kind: String, detail: String) {
        let (r, part) = content(k)
        let detail = switch v {
        case .h2: "DATA(s\(2 * r + 1))"
        case .h3: "STREAM(\(4 * r))"
        case .h1: "conn\(r + 1)"
        }
        return (["A", "B", "C"][r] + "\(part)", detail)
    }

    /// The transmission ordinal of lane `v`'s k-th first transmission: every lane sends its
    /// k-th packet in the same millisecond, in the order of `versions`.
    static func ordinal(_ v: Version, _ k: Int, in versions: [Version]) -> Int { (k - 1) * versions.count + versions.firstIndex(of: v)! + 1 }

    /// The same packet lost everywhere by default: the first half of /b.
    static func defaultDrops(_ versions: [Version]) -> Set<Int> { Set(versions.map { ordinal($0, 2, in: versions) }) }

    static func simulate(_ versions: [Version], scene: String, _ options: SceneOptions) throws -> Trace {
        try TCPScene.checkShared(options)
        let rtt = options.rtt ?? 100
        // Retransmissions must come after every first transmission, so that --drop N names one.
        guard rtt >= 20 else { throw SceneError.invalid("--rtt must be at least 20 ms in \(scene)") }
        let drops = options.drops.isEmpty ? defaultDrops(versions) : options.drops
        let ex = Exchange(scene: scene, lanes: versions.flatMap { [client($0), server($0)] }, drops: drops) { _, _ in rtt / 2 }
        var receivers: [String: Receiver] = [:]
        for v in versions { receivers[client(v)] = Receiver(version: v) }
        var done: [Version: [Int: Double]] = [:]

        ex.note(client(versions[0]), HOLWords.opening(versions))
        for k in 1...packets {
            for v in versions {
                let (kind, detail) = label(v, k)
                let m = ExchangeMessage(kind, detail: detail, narration: HOLWords.send(v, k), info: ["k": "\(k)"])
                ex.send(m, from: server(v), to: client(v), after: Double(k - 1), recovery: recovery(v, k, rtt: rtt))
            }
        }
        ex.onArrival = { a, ex in
            guard let rx = receivers[a.to], let k = Int(a.message.info["k"] ?? "") else { return }
            let (delivered, held) = rx.arrive(k)
            if let gap = held { ex.note(a.to, HOLWords.held(rx.version, k, missing: gap)) }
            if held == nil && delivered.count > 1 { ex.note(a.to, HOLWords.released(rx.version, delivered)) }
            for r in rx.completed(after: delivered) {
                done[rx.version, default: [:]][r] = ex.now
                ex.note(a.to, HOLWords.complete(rx.version, r, at: ex.now))
            }
            if done.values.map(\.count).reduce(0, +) == versions.count * responses.count {
                for r in responses.indices {
                    ex.note(a.to, HOLWords.summary(r, versions.map { ($0, done[$0]![r]!) }))
                }
            }
        }
        var trace = ex.run()
        trace.scaleNote = HOLWords.legend(versions)
        return trace
    }

    /// How the lane's transport recovers its k-th packet: after the ACKs of three later packets
    /// on the same connection (about one RTT), else after the retransmission timer.
    static func recovery(_ v: Version, _ k: Int, rtt: Double) -> Exchange.Recovery {
        let later = v == .h1 ? (parts - content(k).part) : packets - k
        if later >= 3 { return Exchange.Recovery(after: rtt + 3, narration: HOLWords.fastRetransmit(v)) }
        // TCP's RTO, 1 s at least (RFC 6298 §2.4); QUIC's PTO, srtt + 4·rttvar + max_ack_delay.
        let timer = v == .h3 ? 3 * rtt + 25 : max(1000, 3 * rtt)
        return Exchange.Recovery(after: timer, narration: HOLWords.timerRetransmit(v, ms: timer))
    }

    /// A client's receive side: TCP hands bytes to HTTP only in order (one connection for
    /// HTTP/2, one per response for HTTP/1.1); QUIC orders each stream on its own.
    final class Receiver {
        let version: Version
        private var arrived = Set<Int>()
        private var handed = Set<Int>()

        init(version: Version) { self.version = version }

        /// The packets that a unit of ordering (the connection, or the stream) needs before k.
        private func before(_ k: Int) -> [Int] {
            switch version {
            case .h2: Array(1..<k)
            case .h3, .h1: stride(from: k - responses.count, through: 1, by: -responses.count).reversed()
            }
        }

        /// Records packet k; returns what went up to HTTP now and, if k must wait, the first
        /// missing packet it waits for.
        func arrive(_ k: Int) -> (delivered: [Int], held: Int?) {
            guard arrived.insert(k).inserted else { return ([], nil) }
            var out: [Int] = []
            var progress = true
            while progress {
                progress = false
                for p in arrived.sorted() where !handed.contains(p) && before(p).allSatisfy(handed.contains) {
                    handed.insert(p); out.append(p); progress = true
                }
            }
            let missing = out.contains(k) ? nil : before(k).first { !arrived.contains($0) }
            return (out, missing)
        }

        /// The responses whose last part is among `delivered`.
        func completed(after delivered: [Int]) -> [Int] {
            responses.indices.filter { r in
                let mine = (1...HeadOfLine.packets).filter { content($0).response == r }
                return mine.contains(where: delivered.contains) && mine.allSatisfy(handed.contains)
            }
        }
    }
}
