import TutorCore

/// A browser waiting for server events, four ways (RFC 6202 for polling and long polling, the
/// HTML Standard's EventSource for SSE, RFC 6455 for WebSocket), over a TCP connection that is
/// already open. The same two server events happen at 1000 and 1020 ms in every variant, so the
/// delay each one takes to reach the client compares the techniques.
public enum WebSocketSession {
    public enum Variant: Sendable { case websocket, refused, proxyIdle, polling, longPolling, sse }

    static let client = "client", server = "server", proxy = "proxy"
    static let options: [SceneOption] = [.drop, .rtt]
    /// RFC 6455 §1.3: the GUID appended to the key.
    static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
    /// The scene's Sec-WebSocket-Key: 16 random bytes, base64 (§4.1); fixed, so the run is too.
    static let key = "x3JJHMbDL1EzLkh9GBhXDw=="
    /// When the server's events happen (ms), and the polling interval.
    static let events: [Double] = [1000, 1020]
    static let pollEvery: Double = 2000
    /// A proxy's idle timeout (nginx's proxy_read_timeout is 60 s by default).
    static let idleTimeout: Double = 60_000

    /// RFC 6455 §4.2.2 step 5.4: base64(SHA-1(key + GUID)).
    static func accept(for key: String) -> String { Base64.encode(SHA1.digest(Array((key + guid).utf8))) }

    static func simulate(_ v: Variant, scene: String, _ options: SceneOptions) throws -> Trace {
        let ex = try exchange(v, scene: scene, options)
        var trace = ex.run()
        trace.scaleNote = Words.legend(v)
        trace.stateNames = Words.stateNames
        return trace
    }

    static func exchange(_ v: Variant, scene: String, _ options: SceneOptions) throws -> Exchange {
        try TCPScene.checkShared(options)
        let rtt = options.rtt ?? 100
        let lanes = v == .proxyIdle ? [client, proxy, server] : [client, server]
        let ex = Exchange(scene: scene, lanes: lanes, drops: options.drops) { a, b in
            // Behind a proxy, a fifth of the way is client to proxy.
            v == .proxyIdle ? ([a, b].contains(client) ? rtt / 10 : rtt * 0.4) : rtt / 2
        }
        let recovery = Exchange.Recovery(after: max(1000, 3 * rtt), narration: Words.retransmitted)
        // The message goes to the server, through the proxy when there is one.
        let up = v == .proxyIdle ? proxy : server, down = v == .proxyIdle ? proxy : client
        func send(_ m: ExchangeMessage, from: String, after: Double = 0) {
            ex.send(m, from: from, to: from == client ? up : down, after: after, recovery: recovery)
        }
        var pending: [Int] = []  // events not yet delivered (long polling, polling)
        var holding = false      // a long poll is waiting at the server
        var stream = false       // SSE stream or WebSocket open at the server

        /// The message that carries events `list` to the client.
        func carrying(_ list: [Int]) -> ExchangeMessage {
            let info = ["events": list.map(String.init).joined(separator: ","), "mask": "0"]
            let orders = list.map { "\(7 + $0)" }.joined(separator: ",")
            switch v {
            case .sse: return ExchangeMessage("chunk", detail: "id: \(list[0] + 1) data: order \(orders)", narration: Words.sseEvent(list[0]), info: info)
            case .polling, .longPolling: return ExchangeMessage("200", detail: "order \(orders) shipped", role: .ack, narration: Words.pollAnswer(v, list), info: info)
            default: return ExchangeMessage("Text", detail: "mask=0 order \(orders) shipped", narration: Words.serverFrame(list[0]), info: info)
            }
        }
        func poll(after: Double = 0) {
            send(ExchangeMessage("GET", detail: "/updates", role: .open, narration: Words.poll(v)), from: client, after: after)
        }

        switch v {
        case .polling, .longPolling: poll()
        case .sse: send(ExchangeMessage("GET", detail: "/events text/event-stream", role: .open, narration: Words.sseRequest), from: client)
        default:
            send(ExchangeMessage("GET", detail: "/chat Upgrade: websocket", role: .open, narration: Words.upgrade(key),
                                 info: ["sec-websocket-key": key]), from: client)
        }
        if v != .refused && v != .proxyIdle {
            for (i, t) in events.enumerated() {
                ex.at(after: t) {
                    ex.state(server, "event \(i + 1)", Words.eventHappens(i))
                    if stream || holding {
                        holding = false
                        send(carrying([i]), from: server)
                    } else { pending.append(i) }
                }
            }
        }
        if v == .websocket {
            // A keepalive from the server (§5.5.2), then the client ends the session (§7.1.2).
            ex.at(after: 1600) { send(ExchangeMessage("Ping", detail: "keepalive", role: .ack, narration: Words.ping), from: server) }
            ex.at(after: 2200) { send(ExchangeMessage("Close", detail: "1000", role: .close, narration: Words.clientClose, info: ["mask": "1"]), from: client) }
        }

        ex.onArrival = { a, ex in
            // The proxy passes everything on, and closes both sides after 60 s of silence.
            if a.to == proxy {
                ex.send(a.message, from: proxy, to: a.from == client ? server : client, recovery: recovery)
                if a.message.kind == "Text" {
                    ex.startTimer("idle", on: proxy, duration: idleTimeout, narration: Words.idleTimer, firing: Words.idleFires) {
                        ex.send(ExchangeMessage("FIN", role: .close, narration: Words.proxyCloses(client)), from: proxy, to: client)
                        ex.send(ExchangeMessage("FIN", role: .close, narration: Words.proxyCloses(server)), from: proxy, to: server, after: 1)
                    }
                }
                return
            }
            switch (a.to, a.message.kind) {
            case (server, "GET") where v == .polling:
                if !pending.isEmpty { send(carrying(pending), from: server); pending = [] }
                else { send(ExchangeMessage("204", detail: "nothing new", role: .ack, narration: Words.nothingNew), from: server) }
            case (server, "GET") where v == .longPolling:
                if !pending.isEmpty { send(carrying(pending), from: server); pending = [] }
                else { holding = true; ex.note(server, Words.holds) }
            case (server, "GET") where v == .sse:
                stream = true
                send(ExchangeMessage("200", detail: "text/event-stream", role: .open, narration: Words.sseOpen), from: server)
            case (server, "GET") where v == .refused:
                send(ExchangeMessage("200", detail: "OK text/html", role: .reset, narration: Words.refusedReply), from: server)
            case (server, "GET"):
                guard let k = a.message.info["sec-websocket-key"] else { return }
                stream = true
                ex.state(server, "OPEN", Words.serverOpen)
                send(ExchangeMessage("101", detail: "Switching Protocols", role: .open, narration: Words.switching(accept(for: k)),
                                     info: ["sec-websocket-accept": accept(for: k)]), from: server)
            case (client, "101"):
                // §4.1: the client checks the Accept against its own key before anything else.
                guard a.message.info["sec-websocket-accept"] == accept(for: key) else { return }
                ex.state(client, "OPEN", Words.clientOpen(accept(for: key)))
                send(ExchangeMessage("Text", detail: "mask=1 subscribe", narration: Words.clientFrame, info: ["mask": "1"]), from: client, after: 1)
                if v == .proxyIdle { ex.note(client, Words.quiet, after: 2) }
            case (client, "200") where v == .refused:
                ex.state(client, "failed", Words.clientFails)
                send(ExchangeMessage("FIN", role: .close, narration: Words.failCloses), from: client, after: 1)
            case (client, "200") where v == .sse:
                ex.state(client, "OPEN", Words.sseOpened)
            case (client, "200"), (client, "204"), (client, "chunk"), (client, "Text"):
                // Polling and long polling ask again until every event has arrived.
                let got = (a.message.info["events"] ?? "").split(separator: ",").compactMap { Int($0) }
                for i in got { ex.note(client, Words.delay(v, i, now: ex.now)) }
                let done = ex.arrivals.filter { $0.to == client }.flatMap { ($0.message.info["events"] ?? "").split(separator: ",") }.count
                if done < events.count && v == .polling { poll(after: pollEvery - rtt) }
                if done < events.count && v == .longPolling { poll() }
            case (client, "Ping"):
                send(ExchangeMessage("Pong", detail: "keepalive", role: .ack, narration: Words.pong, info: ["mask": "1"]), from: client)
            case (server, "Pong"):
                ex.note(server, Words.pongArrived)
            case (server, "Close"):
                ex.state(server, "CLOSING", Words.serverGotClose)
                send(ExchangeMessage("Close", detail: "1000", role: .close, narration: Words.serverClose), from: server)
                send(ExchangeMessage("FIN", role: .close, narration: Words.serverFIN), from: server, after: 1)
            case (client, "Close"):
                ex.state(client, "CLOSING", Words.clientGotClose)
            case (client, "FIN") where v == .websocket:
                // TCP closes in each direction with its own FIN (RFC 9293 §3.6): the server's
                // came first (RFC 6455 §7.1.1), the client's answers it.
                send(ExchangeMessage("FIN", role: .close, narration: Words.clientFIN), from: client)
                ex.state(client, "CLOSED", Words.clientClosed)
            case (client, "FIN"):
                ex.state(client, "CLOSED", v == .proxyIdle ? Words.abnormalClose : Words.clientClosed)
            case (server, "FIN"):
                ex.state(server, "CLOSED", Words.serverSeesFIN)
            default: break
            }
        }
        return ex
    }
}
