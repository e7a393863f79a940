import NetSim
import Testing

/// Every simulation ends, whatever its options: a sender whose packets are all lost gives up
/// after its retry limit (as TCP's R2, RFC 9293 §3.8.3), and no trace outgrows the hard bounds.
@Suite("Simulation bounds (a run always ends, with a 'gave up' note)")
struct SimulationBoundsTests {
    @Test("ARQ with every packet lost: the sender gives up after maxRetransmissions timeouts of one packet", arguments: ["arq-go-back-n", "arq-selective-repeat", "arq-stop-and-wait"])
    func arqGivesUpWhenEverythingIsLost(scene: String) throws {
        var o = SceneOptions(); o.lossRate = 1
        let trace = try SceneCatalog.lookup(scene).simulate(o)
        let limit = ARQParameters().maxRetransmissions
        #expect(trace.events.count < SimulationBounds.maxEvents)
        #expect(trace.events.last?.narration.en.contains("gave up") == true)
        #expect(trace.events.filter { $0.kind == .timerFire }.count >= limit)
        #expect((trace.events.last?.t ?? .infinity) <= SimulationBounds.maxTime)
    }

    @Test("Every scene with loss 1 ends within the bounds")
    func everySceneEnds() throws {
        for spec in SceneCatalog.all where spec.kind == .sequence && spec.options.contains(.loss) {
            var o = SceneOptions(); o.lossRate = 1
            let trace = try spec.simulate(o)
            #expect(trace.events.count <= SimulationBounds.maxEvents + 1, "\(spec.id)")
        }
    }

    @Test("flow-control --packets is range-checked (0, negative and huge are refused, not overflowed)", arguments: [0, -1, 65, 92233720368547758])
    func flowControlPackets(packets: Int) throws {
        var o = SceneOptions(); o.packets = packets
        #expect(throws: SceneError.invalid("--packets (kilobytes to send) must be between 1 and 64")) { try SceneCatalog.lookup("flow-control").simulate(o) }
    }
}
