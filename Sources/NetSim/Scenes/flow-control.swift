import TutorCore

extension SceneSpec {
    /// A fast sender and a receiver whose application reads slowly: the window closes, the
    /// persist timer probes it (RFC 9293 §3.8.6).
    public static let flowControl = SceneSpec(
        id: "flow-control", order: 100,
        title: Localized(ko: "흐름 제어 (rwnd)", en: "Flow control (rwnd)"),
        summary: Localized(ko: "느리게 읽는 수신자 때문에 rwnd가 0이 되고 zero-window probe가 오갑니다", en: "A slow reader shrinks rwnd to 0; zero-window probes follow"),
        options: TCPScene.options + [.window, .packets], prediction: .tcpSegment, stateMachine: .tcp,
        simulate: { options in
            var p = try TCPScene.parameters(options)
            p.receiveBuffer = options.window ?? 3000
            guard (1000...65535).contains(p.receiveBuffer) else { throw SceneError.invalid("--window (receive buffer) must be between 1000 and 65535 bytes") }
            let kilobytes = options.packets ?? 6
            guard (1...64).contains(kilobytes) else { throw SceneError.invalid("--packets (kilobytes to send) must be between 1 and 64") }
            let sim = TCPSimulation(parameters: p, faults: TCPScene.faults(options, drops: options.drops),
                                    behaviours: (.init(), .init(readEvery: (interval: 1500, bytes: 1000))))
            // The gauge follows the client's data into the server's buffer.
            sim.flowPanel = .init(sender: 0, receiver: 1)
            sim.schedule(.listen, on: 1, at: 0)
            sim.schedule(.connect, on: 0, at: 0)
            sim.schedule(.send(bytes: kilobytes * 1000), on: 0, at: 200)
            var trace = sim.run(limit: 20_000, scene: "flow-control")
            trace.scaleNote = Localized(ko: "수신 애플리케이션은 1.5초마다 1000바이트만 읽습니다. 수신 버퍼는 \(p.receiveBuffer)바이트입니다.",
                                        en: "The receiving application reads only 1000 bytes every 1.5 s; the receive buffer holds \(p.receiveBuffer) bytes.")
            return trace
        })
}
