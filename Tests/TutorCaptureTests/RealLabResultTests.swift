import Testing
@testable import NetSim

/// The real lab's reading of the kernel's TCP_INFO samples, on made-up samples.
struct RealLabResultTests {
    static func sample(_ t: Double, _ cwnd: Int, ssthresh: Int? = nil, rtt: Double = 1, retrans: Int = 0, state: String = "Open") -> KernelSample {
        KernelSample(t: t, cwnd: cwnd, ssthresh: ssthresh, rttMs: rtt, retrans: retrans, state: state, deliveryRate: nil, bytesAcked: 0)
    }

    @Test("RFC 5681 §3.2: a fall of cwnd with a retransmission is one loss response per episode; Linux's Loss state is a timeout (RFC 6298 §5)")
    func lossResponses() {
        let r = RealLabResult(samples: [Self.sample(0, 10), Self.sample(0.01, 40), Self.sample(0.02, 28, ssthresh: 28, retrans: 1, state: "Recovery"),
                                        Self.sample(0.0205, 27, ssthresh: 28, retrans: 1, state: "Recovery"), Self.sample(0.05, 35, ssthresh: 28, retrans: 1),
                                        Self.sample(0.2, 1, ssthresh: 17, retrans: 2, state: "Loss")], algorithm: .reno)
        let l = r.lossResponses
        // The recovery's cwnd goes on falling (PRR, RFC 6937): one response, down to 27.
        #expect(l.map(\.from) == [40, 35] && l.map(\.to) == [27, 1] && l.map(\.timeout) == [false, true])
        #expect(r.maxCwnd == 40)
    }

    @Test("Linux (CUBIC): entering Recovery counts before the retransmission shows in TCP_INFO; HyStart's ssthresh in Open does not; a later episode is a response of its own")
    func lossResponsesAsLinuxReportsThem() {
        let r = RealLabResult(samples: [Self.sample(0, 20), Self.sample(0.005, 28, ssthresh: 28),          // HyStart leaves slow start
                                        Self.sample(0.48, 65, ssthresh: 28), Self.sample(0.49, 63, ssthresh: 45, state: "Recovery"),
                                        Self.sample(0.50, 45, ssthresh: 45, state: "Recovery"), Self.sample(0.51, 45, ssthresh: 45, retrans: 1, state: "Recovery"),
                                        Self.sample(0.60, 46, ssthresh: 45, retrans: 2), Self.sample(0.90, 70, ssthresh: 45, retrans: 2),
                                        Self.sample(0.91, 70, ssthresh: 49, retrans: 2, state: "Recovery")], algorithm: .cubic)
        let l = r.lossResponses
        #expect(l.map(\.t) == [0.49, 0.91] && l.map(\.from) == [65, 70] && l.map(\.to) == [45, 70] && l.allSatisfy { !$0.timeout })
    }

    @Test("Bufferbloat: the RTT with the queue empty against the largest, as the kernel smoothed it")
    func rtt() {
        let r = RealLabResult(samples: [Self.sample(0, 10, rtt: 0.03), Self.sample(0.1, 50, rtt: 12), Self.sample(0.2, 60, rtt: 40)], algorithm: .cubic)
        #expect(r.baseRTTms == 0.03 && r.maxRTTms == 40)
    }

    @Test("The model gets the kernel's losses in the rounds they happened (one round = the mean RTT)")
    func modelRounds() throws {
        var samples = (0..<20).map { Self.sample(Double($0) * 0.01, 10 + $0 * 2, rtt: 10) }
        samples.append(Self.sample(0.2, 20, ssthresh: 20, rtt: 10, retrans: 1, state: "Recovery"))
        samples += (21..<30).map { Self.sample(Double($0) * 0.01, 21, ssthresh: 20, rtt: 10, retrans: 1) }
        let rounds = try RealLabResult(samples: samples, algorithm: .reno).rounds(initialWindow: 1, ssthresh: 8)
        #expect(rounds.count == 29)
        // The kernel's loss at 0.2 s is round 20: the textbook Reno model halves the round after.
        #expect(rounds[19].model > rounds[20].model)
        // Both columns are the window a round is sent with: round 1 starts at the initial window.
        #expect(rounds[0].kernel == 10 && rounds[1].kernel == 12)
    }
}
