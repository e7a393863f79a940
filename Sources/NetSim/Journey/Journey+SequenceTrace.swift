import TutorCore

extension Journey {
    /// One stage as a two-lifeline sequence diagram (client and edge), for the player's `v`.
    public func sequenceTrace(_ stage: JourneyStage) -> Trace {
        var events: [TraceEvent] = []
        var n = 0
        for m in messages where m.stage == stage && !m.steps.isEmpty {
            let fromClient = m.from == .os || m.from == .browser
            let from = fromClient ? "client" : "edge", to = fromClient ? "edge" : "client"
            n += 1
            let seg = Segment(flags: [], seq: UInt32(n), label: m.label)
            let t = m.steps.first { $0.from != .browser }?.t ?? m.t
            let arrival = m.steps.last?.arrival ?? m.arrival
            events.append(TraceEvent(t: t, kind: .send, n: n, from: from, to: to, segment: seg, arrival: arrival, narration: m.narration))
            events.append(TraceEvent(t: arrival, kind: .deliver, n: n, from: from, to: to, segment: seg,
                                     narration: Localized(ko: "\(m.label) 도착.", en: "\(m.label) arrives.")))
        }
        events = events.enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        let base = events.first?.t ?? 0
        events = events.map { var e = $0; e.t -= base; e.arrival = e.arrival.map { $0 - base }; return e }
        return Trace(scene: "url-journey", endpoints: ["client", "edge"], events: events,
                     scaleNote: Localized(ko: "URL 여정의 \(stage.title.ko) 부분(RTT \(Int((2 * oneWayToEdge).rounded())) ms)",
                                          en: "The \(stage.title.en) part of the URL journey (RTT \(Int((2 * oneWayToEdge).rounded())) ms)"))
    }

    /// One-way delay from the client's NIC to the edge, from the TCP handshake.
    public var oneWayToEdge: Double {
        guard let syn = messages.first(where: { $0.stage == .tcp }) else { return 0 }
        return (syn.steps.last?.arrival ?? syn.t) - (syn.steps.first?.t ?? syn.t)
    }
}
