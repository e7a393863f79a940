import Testing
import TutorCore
@testable import NetSim

/// Head-of-line blocking: HTTP/2 over TCP against HTTP/3 over QUIC (and HTTP/1.1).
struct HeadOfLineTests {
    /// When each response completed under each version, read from the closing notes.
    func completions(_ t: Trace) -> [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        for e in t.events where e.kind == .note && e.narration.en.contains(" completed: ") {
            let parts = e.narration.en.components(separatedBy: " completed: ")
            for item in parts[1].components(separatedBy: ", ") {
                let words = item.split(separator: " ")
                out[parts[0], default: [:]][String(words[0])] = Int(words[1])
            }
        }
        return out
    }
    func trace(_ id: String, drops: Set<Int> = [], rtt: Double? = nil) throws -> Trace {
        var o = SceneOptions()
        o.drops = drops; o.rtt = rtt
        return try SceneCatalog.lookup(id).simulate(o)
    }

    @Test("RFC 9113 §5 against RFC 9000 §2.2: one lost packet delays every HTTP/2 stream but only its own HTTP/3 stream",
          arguments: [1, 2, 3])
    func oneLoss(k: Int) throws {
        // The k-th piece lost in both lanes: response k-1's first half.
        let versions: [HeadOfLine.Version] = [.h2, .h3]
        let drops = Set(versions.map { HeadOfLine.ordinal($0, k, in: versions) })
        let c = completions(try trace("h2-vs-h3-hol", drops: drops))
        let lost = HeadOfLine.responses[k - 1]
        #expect(c.count == 3)
        for path in HeadOfLine.responses where path != lost {
            #expect(c[path]!["HTTP/3"]! < c[path]!["HTTP/2"]!, "\(path) with \(lost) lost: \(c[path]!)")
        }
        // Under HTTP/2 everything waits for TCP's retransmission: the streams finish together or after it.
        let h2 = c.values.map { $0["HTTP/2"]! }
        #expect(h2.allSatisfy { $0 >= c[lost]!["HTTP/2"]! - 5 })
        #expect(abs(c[lost]!["HTTP/3"]! - c[lost]!["HTTP/2"]!) <= 5)
    }

    @Test("Without a loss HTTP/2 and HTTP/3 finish alike")
    func noLoss() throws {
        let c = completions(try trace("h2-vs-h3-hol", drops: [999]))
        for path in HeadOfLine.responses {
            #expect(c[path]!["HTTP/2"] == c[path]!["HTTP/3"], "\(path): \(c[path]!)")
            #expect(c[path]!["HTTP/2"]! < 100)
        }
    }

    @Test("The plain export ends with each response's completion time under each version")
    func lastLines() throws {
        let t = try trace("h2-vs-h3-hol")
        let closing = t.events.suffix(3)
        #expect(closing.map { $0.narration.en } == [
            "/a completed: HTTP/2 154 ms, HTTP/3 53 ms", "/b completed: HTTP/2 154 ms, HTTP/3 154 ms", "/c completed: HTTP/2 154 ms, HTTP/3 55 ms"])
    }

    @Test("HTTP/1.1 on separate connections: the other responses do not wait either; the lost one waits for TCP's RTO (RFC 6298 §2.4)")
    func http11() throws {
        let c = completions(try trace("h1-h2-h3-hol"))
        #expect(c["/a"]!["HTTP/1.1"]! < c["/a"]!["HTTP/2"]! && c["/c"]!["HTTP/1.1"]! < c["/c"]!["HTTP/2"]!)
        #expect(c["/b"]!["HTTP/1.1"]! >= 1000)
    }

    @Test("RFC 9002 §6.1.1, RFC 5681 §3.2: the loss is found by three later packets, about one RTT after the lost one left")
    func detection() throws {
        let t = try trace("h2-vs-h3-hol", rtt: 200)
        let again = t.events.filter { $0.kind == .send && $0.retransmission }
        #expect(again.count == 2 && again.allSatisfy { $0.t == 1 + 200 + 3 })
    }

    @Test("The same options give the same trace; --rtt below 20 ms is refused")
    func deterministic() throws {
        for id in ["h2-vs-h3-hol", "h1-h2-h3-hol"] {
            #expect(try trace(id, drops: [2, 7]) == trace(id, drops: [2, 7]))
            #expect(throws: SceneError.self) { try trace(id, rtt: 10) }
        }
    }
}
