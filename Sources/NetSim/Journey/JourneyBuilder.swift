import TutorCore

/// Builds the URL journey (see URLJourney.swift): stage by stage, message by message, each
/// crossing the links of its route with the headers a capture would show there.
public enum URLJourney {
    public static func build(_ p: JourneyParameters) throws -> Journey {
        var b = try JourneyBuilder(p)
        return b.build()
    }
}

struct JourneyBuilder {
    let p: JourneyParameters
    let url: ParsedURL
    let tls: Bool
    let tls13: Bool
    let zone: DNSZone
    let serverIP: String
    var now = 0.0
    var messages: [JourneyMessage] = []
    var clientSeq: UInt32 = 0, serverSeq: UInt32 = 0
    /// When the phases end, as the stages reach them.
    var marks = Marks()

    struct Marks {
        var tcpStart = 0.0, connectEnd = 0.0, tlsEnd = 0.0, requestStart = 0.0, firstByte = 0.0, lastByte = 0.0
        var dnsEnd = 0.0
    }

    init(_ p: JourneyParameters) throws {
        self.p = p
        var u = try ParsedURL.parse(p.url)
        if p.variant == .http && u.scheme == "https" { u.scheme = "http"; if !u.explicitPort { u.port = 80 } }
        url = u
        tls = u.scheme == "https"
        tls13 = p.measured?.tlsVersion.map { $0.contains("1.3") } ?? (p.variant != .tls12)
        let labels = u.host.split(separator: ".")
        let domain = labels.count >= 2 ? labels.suffix(2).joined(separator: ".") : u.host
        let addresses = p.measured.map { [$0.remoteIP] } ?? ["192.0.2.80", "192.0.2.81", "192.0.2.82"]
        zone = DNSZone(name: u.host, cname: "edge.\(domain)", addresses: addresses, ipv6: p.measured == nil ? ["2001:db8::80"] : [], ttl: 60)
        serverIP = zone.answer(forClient: p.client).first ?? "192.0.2.80"
    }

    /// The page load, stage by stage (Stages/).
    mutating func build() -> Journey {
        urlStage()
        if dnsLocalStage() {
            arpStage()
            dnsResolutionStage()
        }
        marks.dnsEnd = now
        tcpStage()
        tlsStage()
        httpStage()
        renderStage()
        closeStage()
        return finish()
    }

    /// The messages with their phases, fitted to a live measurement when there is one.
    func finish() -> Journey {
        let m = marks
        let phases = Self.phases(dnsEnd: m.dnsEnd, tcpStart: m.tcpStart, connectEnd: m.connectEnd, tlsEnd: tls ? m.tlsEnd : m.connectEnd,
                                 requestStart: m.requestStart, firstByte: m.firstByte, lastByte: m.lastByte, https: tls)
        var journey = Journey(parameters: p, url: url, messages: messages, phases: phases, zone: zone, remoteIP: serverIP,
                              tlsVersion: shownTLSVersion, httpVersion: shownHTTPVersion, failure: nil)
        if let measured = p.measured { journey = Self.fit(journey, to: measured) }
        return journey
    }

    // MARK: messages

    mutating func note(_ stage: JourneyStage, at hop: HopID, _ label: String, ko: String, en: String, takes: Double = 0) {
        messages.append(JourneyMessage(stage: stage, layer: .application, label: label, from: hop, to: hop, t: now, arrival: now + takes,
                                       steps: [], narration: Localized(ko: ko, en: en)))
        now += takes
    }

    /// Sends a message along its route; `after` is the processing time at the far end.
    mutating func send(_ stage: JourneyStage, _ layer: JourneyLayer, _ label: String, from: HopID, to: HopID, flow: Flow,
                       after: Double = 0, ko: String, en: String, notes: [HopID: Localized] = [:]) {
        let hops = Self.route(from, to)
        let s = steps(hops, flow, notes: notes)
        let arrival = s.last?.arrival ?? now
        messages.append(JourneyMessage(stage: stage, layer: layer, label: label, from: from, to: to, t: now, arrival: arrival,
                                       steps: s, narration: Localized(ko: ko, en: en)))
        now = arrival + after
    }

    var host: String { url.host }
    /// The site's registered domain ("example.com"), from the edge's name.
    var domain: Substring { zone.cname.dropFirst("edge.".count) }
    /// The versions a journey reports: the model's, or in a live one only what was measured
    /// (a fetch that failed before TLS or before a response measured no version).
    var shownTLSVersion: String? {
        guard tls else { return nil }
        guard let m = p.measured else { return tls13 ? "TLSv1.3" : "TLSv1.2" }
        return m.tlsVersion
    }
    var shownHTTPVersion: String? {
        guard let m = p.measured else { return httpVersion }
        return m.status > 0 && !m.httpVersion.isEmpty ? m.httpVersion : nil
    }
    /// Browsers speak HTTP/2 only over TLS (negotiated with ALPN).
    var httpVersion: String { p.measured?.httpVersion ?? (tls ? "HTTP/2" : "HTTP/1.1") }

    /// A TCP segment between the client and the edge, with the sequence numbers kept.
    func tcpFlow(fromClient: Bool, flags: String, len: Int, tlsRecord: String?, payload: String) -> Flow {
        let seq = fromClient ? clientSeq : serverSeq, ack = fromClient ? serverSeq : clientSeq
        let detail = "\(flags) seq=\(seq) ack=\(ack)" + (len > 0 ? " len=\(len)" : "")
        return fromClient
            ? Flow(proto: "TCP", srcIP: Self.hostIP, dstIP: serverIP, srcPort: Self.clientPort, dstPort: url.port, detail: detail, tlsRecord: tlsRecord, payload: payload)
            : Flow(proto: "TCP", srcIP: serverIP, dstIP: Self.hostIP, srcPort: url.port, dstPort: Self.clientPort, detail: detail, tlsRecord: tlsRecord, payload: payload)
    }

    /// `alongside`: the next message leaves right behind this one (same flight), not after it arrives.
    mutating func data(_ stage: JourneyStage, _ layer: JourneyLayer, _ label: String, fromClient: Bool, len: Int, tlsRecord: String?,
                       payload: String, after: Double = 0, extra: Double = 0, alongside: Bool = false, ko: String, en: String) {
        let f = tcpFlow(fromClient: fromClient, flags: "ACK", len: len, tlsRecord: tlsRecord, payload: payload)
        let departure = now
        send(stage, layer, label, from: fromClient ? .os : .cache, to: fromClient ? .cache : .os, flow: f, after: after, ko: ko, en: en)
        if alongside { now = departure + 0.1 }
        if extra > 0, var m = messages.popLast() {
            // Several segments (slow start rounds): the last byte arrives later.
            m.arrival += extra
            messages.append(m)
            now += extra
        }
        if fromClient { clientSeq &+= UInt32(len) } else { serverSeq &+= UInt32(len) }
    }
}
