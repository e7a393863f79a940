import Testing
import TutorCore
@testable import NetSim

/// The real-time scenes' rules, each against the RFC section it comes from.
struct WebSocketSessionTests {
    func run(_ v: WebSocketSession.Variant, _ configure: (inout SceneOptions) -> Void = { _ in }) throws -> (Trace, Exchange) {
        var o = SceneOptions()
        configure(&o)
        let ex = try WebSocketSession.exchange(v, scene: "ws", o)
        return (ex.run(), ex)
    }

    @Test("FIPS 180-4: SHA-1 of the standard test messages")
    func sha1() {
        func hex(_ b: [UInt8]) -> String { b.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Crosses a 64-byte block boundary several times.
        #expect(hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1000))) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test("RFC 4648 §10: base64 test vectors")
    func base64() {
        for (plain, coded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
            #expect(Base64.encode(Array(plain.utf8)) == coded)
        }
    }

    @Test("RFC 6455 §1.3, §4.2.2: Sec-WebSocket-Accept is base64(SHA-1(key + GUID)); the RFC's example key")
    func acceptExample() {
        #expect(WebSocketSession.accept(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("RFC 6455 §4.2.2, §4.1: the 101 carries the Accept computed from the scene's key, and the client opens only then")
    func acceptInScene() throws {
        let (t, ex) = try run(.websocket)
        let upgrade = try #require(ex.received("GET", at: "server").first)
        #expect(upgrade.message.info["sec-websocket-key"] == WebSocketSession.key)
        let reply = try #require(ex.received("101", at: "client").first)
        #expect(reply.message.info["sec-websocket-accept"] == "HSmrc0sMlYUkAGmm5OPpG2HaGWk=")
        #expect(t.events.contains { $0.narration.en.contains("HSmrc0sMlYUkAGmm5OPpG2HaGWk=") })
        let open = try #require(t.events.first { $0.kind == .state && $0.endpoint == "client" && $0.state == "OPEN" })
        let firstFrame = try #require(sends(t, from: "client", "Text").first)
        #expect(open.t <= firstFrame.t && open.t >= t.events.first { $0.kind == .deliver && $0.label?.hasPrefix("101") == true }!.t)
    }

    @Test("RFC 6455 §5.3, §5.1: every client frame is masked, no server frame is")
    func masking() throws {
        let (_, ex) = try run(.websocket)
        let frames = ex.arrivals.filter { ["Text", "Ping", "Pong", "Close"].contains($0.message.kind) }
        #expect(frames.contains { $0.from == "client" } && frames.contains { $0.from == "server" })
        for f in frames { #expect(f.message.info["mask"] == (f.from == "client" ? "1" : "0") || (f.from == "server" && f.message.info["mask"] == nil)) }
        #expect(frames.filter { $0.from == "client" }.allSatisfy { $0.message.info["mask"] == "1" })
    }

    @Test("RFC 6455 §5.5.2, §5.5.3: a Ping is answered by a Pong with the same payload")
    func pingPong() throws {
        let (t, _) = try run(.websocket)
        let ping = try #require(sends(t, from: "server", "Ping").first)
        let pong = try #require(sends(t, from: "client", "Pong").first)
        #expect(pong.t >= ping.arrival! && pong.label?.dropFirst(5) == ping.label?.dropFirst(5))
    }

    @Test("RFC 6455 §5.5.1, §7.1.1, RFC 9293 §3.6: Close is answered by Close, the server closes TCP first, the client's FIN answers")
    func closingHandshake() throws {
        let (t, _) = try run(.websocket)
        let closeC = try #require(sends(t, from: "client", "Close").first)
        let closeS = try #require(sends(t, from: "server", "Close").first)
        let fin = try #require(sends(t, from: "server", "FIN").first)
        #expect(closeC.t < closeS.t && closeS.t < fin.t && closeS.t >= closeC.arrival!)
        // The client closes its own direction too, but only once the server's FIN has arrived.
        let clientFIN = try #require(sends(t, from: "client", "FIN").first)
        #expect(sends(t, from: "client", "FIN").count == 1 && clientFIN.t >= fin.arrival!)
        for side in ["client", "server"] {
            #expect(t.events.last { $0.kind == .state && $0.endpoint == side }?.state == "CLOSED", "\(side) ends CLOSED")
        }
        // Nothing but the closing frame and FIN leaves the server after the client's Close.
        #expect(t.events.filter { $0.kind == .send && $0.from == "server" && $0.t >= closeC.arrival! }.count == 2)
    }

    @Test("RFC 6455 §4.1: an answer other than 101 fails the WebSocket connection; no frames follow")
    func refused() throws {
        let (t, _) = try run(.refused)
        #expect(sends(t, from: "server", "101").isEmpty && sends(t, from: "server", "200").count == 1)
        // Only the GET, the plain answer, and the client closing TCP (§7.1.7): no frames.
        #expect(t.events.filter { $0.kind == .send }.compactMap { $0.label?.split(separator: " ").first }.map(String.init) == ["GET", "200", "FIN"])
        #expect(t.events.contains { $0.kind == .state && $0.endpoint == "client" && $0.state == "failed" })
    }

    @Test("RFC 6455 §7.1.5: a proxy's idle timeout closes TCP without a closing frame: code 1006")
    func proxyIdle() throws {
        let (t, _) = try run(.proxyIdle)
        let fins = sends(t, from: "proxy", "FIN")
        #expect(fins.count == 2)
        let lastFrame = try #require(t.events.last { $0.kind == .send && $0.label?.hasPrefix("Text") == true })
        #expect(fins[0].t - lastFrame.t == WebSocketSession.idleTimeout)
        #expect(t.events.allSatisfy { !($0.label ?? "").hasPrefix("Close") })
        #expect(t.events.contains { $0.state == "CLOSED" && $0.endpoint == "client" && $0.narration.en.contains("1006") })
    }

    /// When each server event reached the client.
    func arrivals(_ v: WebSocketSession.Variant, rtt: Double = 100) throws -> [Double] {
        let (_, ex) = try run(v) { $0.rtt = rtt }
        // Each arrival is recorded with its delivery event, in the same order.
        let t = ex.events.filter { $0.kind == .deliver && $0.to == "client" }
        var out: [Double] = []
        for (a, d) in zip(ex.arrivals.filter { $0.to == "client" }, t) {
            out += (a.message.info["events"] ?? "").split(separator: ",").map { _ in d.t }
        }
        return out
    }

    @Test("RFC 6202 §2, §2.1 against RFC 6455: the delay of one server event under polling, long polling, SSE and WebSocket",
          arguments: [50.0, 100, 300])
    func comparison(rtt: Double) throws {
        let events = WebSocketSession.events
        let ws = try arrivals(.websocket, rtt: rtt), sse = try arrivals(.sse, rtt: rtt)
        let long = try arrivals(.longPolling, rtt: rtt), poll = try arrivals(.polling, rtt: rtt)
        for a in [ws, sse, long, poll] { #expect(a.count == 2) }
        // Pushed on an open connection: one-way delay for both events.
        #expect(ws == events.map { $0 + rtt / 2 } && sse == ws)
        // Long polling: the first on the held request; the second waits for the next request.
        #expect(long[0] == events[0] + rtt / 2 && long[1] == events[0] + rtt / 2 + rtt)
        // Polling every 2 s: both wait for the next poll, far later.
        #expect(poll == [2000 + rtt, 2000 + rtt])
        #expect(poll[0] - events[0] > long[0] - events[0])
    }

    @Test("The same options give the same trace")
    func deterministic() throws {
        for id in ["websocket-upgrade", "websocket-refused", "websocket-proxy-idle", "realtime-polling", "realtime-long-polling", "realtime-sse"] {
            var o = SceneOptions()
            o.drops = [3]
            #expect(try SceneCatalog.lookup(id).simulate(o) == SceneCatalog.lookup(id).simulate(o))
        }
    }

    @Test("RFC 6298 §5.4: a lost server frame is sent again by TCP, so the client still gets it")
    func lostFrame() throws {
        let (t, _) = try run(.websocket) { $0.drops = [4] }
        let frames = sends(t, from: "server", "Text mask=0 order 7")
        #expect(frames.count == 2 && frames[1].retransmission)
    }
}
