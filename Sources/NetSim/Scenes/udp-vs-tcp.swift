import TutorCore

extension SceneSpec {
    /// Two lanes, the same losses: TCP (handshake, then 1000-byte segments) recovers the lost
    /// segment and delivers in order; UDP sends the same datagrams, and the one lost at the
    /// same position simply never arrives. `--drop` numbers refer to the TCP lane.
    public static let udpVsTcp = SceneSpec(
        id: "udp-vs-tcp", order: 60,
        title: Localized(ko: "UDP와 TCP 나란히 보기", en: "UDP and TCP side by side"),
        summary: Localized(ko: "같은 손실에서 TCP와 UDP가 어떻게 다른지", en: "How TCP and UDP differ under the same losses"),
        options: TCPScene.options + [.packets], prediction: .tcpSegment, stateMachine: .tcp,
        simulate: { try UDPVersusTCP.simulate($0) })
}

enum UDPVersusTCP {
    static func simulate(_ options: SceneOptions) throws -> Trace {
        var p = try TCPScene.parameters(options)
        p.receiveBuffer = 8000  // room for everything: this scene is about loss, not flow control
        let segments = options.packets ?? 4
        guard (1...8).contains(segments) else { throw SceneError.invalid("--packets must be between 1 and 8") }
        let drops = options.drops.isEmpty ? Set([5]) : options.drops  // the second data segment
        let sim = TCPSimulation(parameters: p, faults: TCPScene.faults(options, drops: drops), names: ("TCP client", "TCP server"))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        sim.schedule(.send(bytes: segments * 1000), on: 0, at: 150)
        var trace = sim.run(limit: 20_000, scene: "udp-vs-tcp")
        // Which data segments (by position in the first transmission) did the TCP lane lose?
        let firstCopies = trace.events.filter { $0.kind == .send && $0.from == "TCP client" && ($0.segment?.len ?? 0) > 0 }
        var seen = Set<UInt32>(), lostPositions = Set<Int>(), position = 0
        for e in firstCopies where seen.insert(e.segment!.seq).inserted {
            position += 1
            if trace.events.contains(where: { $0.kind == .drop && $0.n == e.n }) { lostPositions.insert(position) }
        }
        // The UDP lane: the same datagrams at the same moments, no handshake, no recovery.
        var udp: [TraceEvent] = []
        var arrived: [Int] = []
        let start = firstCopies.first?.t ?? 150
        for i in 1...segments {
            let t = start + Double(i - 1) * p.serialization
            let seg = Segment(flags: [], seq: UInt32(i), len: 1000, label: "datagram \(i)")
            let lost = lostPositions.contains(i)
            udp.append(TraceEvent(t: t, kind: .send, from: "UDP client", to: "UDP server", segment: seg,
                                  arrival: t + (lost ? p.oneWayDelay / 2 : p.oneWayDelay), narration: Localized(
                                    ko: "UDP는 연결 수립 없이 곧바로 데이터그램 \(i)\(josa(i, "을")) 보냅니다. 번호는 애플리케이션이 붙인 것입니다.",
                                    en: "UDP sends datagram \(i) at once, with no connection set-up. The number is the application's own.")))
            if lost {
                udp.append(TraceEvent(t: t + p.oneWayDelay / 2, kind: .drop, from: "UDP client", to: "UDP server", segment: seg, narration: Localized(
                    ko: "TCP와 같은 위치에서 데이터그램 \(i)\(josa(i, "이")) 사라집니다. UDP에는 ACK도 재전송도 없어 아무도 알아채지 못합니다.",
                    en: "Datagram \(i) is lost at the same position as in TCP. UDP has no ACK and no retransmission, so nobody notices.")))
            } else {
                arrived.append(i)
                udp.append(TraceEvent(t: t + p.oneWayDelay, kind: .deliver, from: "UDP client", to: "UDP server", segment: seg, narration: Localized(
                    ko: "데이터그램 \(i)\(josa(i, "이")) 도착해 바로 애플리케이션에 전달됩니다(받은 것: \(arrived.map(String.init).joined(separator: ", "))).",
                    en: "Datagram \(i) arrives and goes straight to the application (received so far: \(arrived.map(String.init).joined(separator: ", "))).")))
            }
        }
        if let last = udp.last {
            udp.append(TraceEvent(t: last.t, kind: .note, endpoint: "UDP server", narration: Localized(
                ko: "UDP 수신자는 \(segments)개 중 \(arrived.count)개를 받았습니다. 빠진 데이터그램을 복구할지는 애플리케이션이 정합니다. TCP는 재전송 후 모든 바이트를 순서대로 넘깁니다.",
                en: "The UDP receiver got \(arrived.count) of \(segments) datagrams. Whether to recover the missing one is up to the application; TCP retransmits and hands over every byte in order.")))
        }
        trace.events = (trace.events + udp).enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
        trace.endpoints = ["TCP client", "TCP server", "UDP client", "UDP server"]
        trace.scaleNote = Localized(ko: "왼쪽 두 줄은 TCP, 오른쪽 두 줄은 UDP입니다. 같은 위치의 데이터가 사라집니다(--drop은 TCP 쪽 번호).",
                                    en: "Left pair: TCP, right pair: UDP. The same piece of data is lost in both (--drop numbers the TCP lane).")
        return trace
    }
}
