import TutorCore

/// The httpstat-like phases of a journey, and a live measurement fitted onto it.
extension JourneyBuilder {
    static func phases(dnsEnd: Double, tcpStart: Double, connectEnd: Double, tlsEnd: Double, requestStart: Double,
                       firstByte: Double, lastByte: Double, https: Bool) -> [JourneyPhase] {
        var out = [JourneyPhase(kind: .dns, start: 0, end: dnsEnd),
                   JourneyPhase(kind: .connect, start: dnsEnd, end: connectEnd)]
        if https { out.append(JourneyPhase(kind: .tls, start: connectEnd, end: tlsEnd)) }
        out.append(JourneyPhase(kind: .server, start: https ? tlsEnd : connectEnd, end: firstByte))
        out.append(JourneyPhase(kind: .transfer, start: firstByte, end: lastByte))
        return out
    }

    /// Maps the model's times onto measured ones, phase by phase (piecewise linear), so the
    /// journey plays with the real durations; a failed fetch ends at the stage where it stopped.
    static func fit(_ j: Journey, to m: MeasuredFetch) -> Journey {
        var j = j
        // Measured phase ends, cumulative (curl: namelookup, connect, appconnect, starttransfer, total).
        let tlsEnd = j.url.scheme == "https" ? max(m.tlsDone, m.connect) : m.connect
        let measuredEnds: [JourneyPhase.Kind: Double] = [.dns: m.nameLookup, .connect: m.connect, .tls: tlsEnd,
                                                         .server: max(m.startTransfer, tlsEnd), .transfer: max(m.total, m.startTransfer)]
        var knots: [(model: Double, real: Double)] = [(0, 0)]
        for ph in j.phases {
            let real = max(measuredEnds[ph.kind] ?? ph.end, knots.last!.real)
            if ph.end > knots.last!.model { knots.append((ph.end, real)) }
        }
        func map(_ t: Double) -> Double {
            for (a, b) in zip(knots, knots.dropFirst()) where t <= b.model {
                return a.real + (t - a.model) / (b.model - a.model) * (b.real - a.real)
            }
            return knots.last!.real + (t - knots.last!.model)  // after the last byte: model time
        }
        j.messages = j.messages.map { msg in
            var msg = msg
            msg.t = map(msg.t); msg.arrival = map(msg.arrival)
            msg.steps = msg.steps.map { var s = $0; s.t = map(s.t); s.arrival = map(s.arrival); return s }
            return msg
        }
        j.phases = j.phases.map { var p = $0; p.start = map(p.start); p.end = map(p.end); return p }
        j.remoteIP = m.remoteIP
        if let f = m.failure {
            // Keep what happened before the failing stage, then say where and why it stopped.
            let order = JourneyStage.allCases
            let cut = order.firstIndex(of: f.stage) ?? order.count
            j.messages = j.messages.filter { (order.firstIndex(of: $0.stage) ?? 0) < cut }
            let at = j.messages.last?.arrival ?? 0
            let hop: HopID = f.stage == .dns ? .os : .browser
            j.messages.append(JourneyMessage(stage: f.stage, layer: .application, label: "failed: \(f.message)", from: hop, to: hop,
                                             t: at, arrival: at, steps: [], narration: Localized(
                                                ko: "\(f.stage.title.ko) 단계에서 멈췄습니다: \(f.message)", en: "The journey stopped at the \(f.stage.title.en) stage: \(f.message)")))
            j.phases = j.phases.filter { ph in
                switch (ph.kind, f.stage) {
                case (.dns, _): f.stage != .url
                case (.connect, .tls), (.connect, .http), (.tls, .http): true
                default: false
                }
            }
            j.failure = f
        }
        return j
    }
}
