import NetSim
import Testing
import TutorLive

#if canImport(Glibc)
import Glibc
#endif

/// A loopback port with nothing listening (bound, closed).
func unusedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}

@Suite("Live fetch (libcurl)")
struct LiveFetchTests {
    @Test("A refused port fails at the TCP stage with libcurl's own message")
    func refused() {
        let port = unusedPort()
        let m = LiveFetch.fetch("http://127.0.0.1:\(port)/")
        #expect(m.failure?.stage == .tcp)
        #expect(m.failure?.message.contains("\(port)") == true)
        var p = JourneyParameters(); p.url = "http://127.0.0.1:\(port)/"; p.measured = m
        let j = try? URLJourney.build(p)
        #expect(j?.failure?.stage == .tcp && j?.messages.last?.label.hasPrefix("failed:") == true)
    }

    @Test("A URL libcurl cannot use fails at the URL stage")
    func badURL() {
        let m = LiveFetch.fetch("nosuchscheme://example.com/")
        #expect(m.failure?.stage == .url)
        #expect(m.failure?.message.lowercased().contains("protocol") == true)
    }
}
