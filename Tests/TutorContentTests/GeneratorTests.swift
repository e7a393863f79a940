import NetSim
import Testing
import TutorQuiz

@Suite("Generated questions and sequence arithmetic")
struct GeneratorTests {
    @Test("RFC 9293 §3.4: a SYN or FIN occupies one sequence number; data occupies its length")
    func synConsumesOne() {
        #expect(SequenceNumber.acknowledgment(of: SequenceNumber(1000), syn: true) == SequenceNumber(1001))
        #expect(SequenceNumber.acknowledgment(of: SequenceNumber(1000), fin: true) == SequenceNumber(1001))
        #expect(SequenceNumber.acknowledgment(of: SequenceNumber(1001)) == SequenceNumber(1001))
        #expect(SequenceNumber.acknowledgment(of: SequenceNumber(1001), dataLength: 500) == SequenceNumber(1501))
    }

    @Test("RFC 9293 §3.4: sequence numbers wrap modulo 2^32")
    func wraps() {
        #expect(SequenceNumber.acknowledgment(of: SequenceNumber(.max), syn: true) == SequenceNumber(0))
    }

    @Test("tcp-handshake-numbers is deterministic per seed and its answer follows the SYN rule")
    func handshakeGenerator() throws {
        let a = try #require(QuestionGenerators.make("tcp-handshake-numbers", seed: 42))
        #expect(QuestionGenerators.make("tcp-handshake-numbers", seed: 42) == a)
        var differ = false
        for seed in 0..<50 as Range<UInt64> {
            let q = try #require(QuestionGenerators.make("tcp-handshake-numbers", seed: seed))
            if q != a { differ = true }
            // The prompt states both ISNs; the answer is one of them plus one (mod 2^32).
            let numbers = q.prompt.en.split(whereSeparator: { !$0.isNumber }).compactMap { UInt32($0) }
            #expect(numbers.count >= 2)
            let candidates = numbers.prefix(2).map { Double($0 &+ 1) }
            #expect(candidates.contains(q.answer), "\(q.prompt.en) -> \(q.answer)")
        }
        #expect(differ)
        #expect(QuestionGenerators.make("unknown", seed: 1) == nil)
    }
}
