import TutorCore

/// 4. TCP: the same simulator as the sequence diagrams, with this path's delay (a live
/// journey first says what was measured).
extension JourneyBuilder {
    mutating func tcpStage() {
        if let m = p.measured {
            let loopback = m.remoteIP.hasPrefix("127.") || m.remoteIP == "::1"
            note(.tcp, at: .browser, loopback ? "live: loopback" : "live: measured",
                 ko: loopback ? "실측: 서버가 이 컴퓨터에 있어(루프백 \(m.remoteIP)) 패킷이 밖으로 나가지 않습니다. 시간은 실제로 잰 값이고, 지도는 원격 서버라면 지날 경로입니다."
                              : "실측: 시간은 실제로 잰 값입니다(\(m.remoteIP):\(m.remotePort)). 측정으로는 중간 장비가 보이지 않으므로 지도는 전형적인 경로입니다.",
                 en: loopback ? "Live: the server is on this machine (loopback \(m.remoteIP)), so no packet leaves it. The times are measured; the map shows the path a remote server would take."
                              : "Live: the times are measured (\(m.remoteIP):\(m.remotePort)). A measurement cannot see the devices in between, so the map shows the typical path.")
        }

        var tp = TCPParameters()
        tp.oneWayDelay = oneWay; tp.serialization = 0.1
        let sim = TCPSimulation(parameters: tp, names: ("client", "edge"))
        sim.schedule(.listen, on: 1, at: 0)
        sim.schedule(.connect, on: 0, at: 0)
        let handshake = sim.run(scene: "url-journey").events.filter { $0.kind == .send }.prefix(3)
        let tcpStart = now
        marks.tcpStart = now
        var connectEnd = now
        for (i, e) in handshake.enumerated() {
            guard let seg = e.segment else { continue }
            let fromClient = e.from == "client"
            let detail = seg.label
            let flow = fromClient
                ? Flow(proto: "TCP", srcIP: Self.hostIP, dstIP: serverIP, srcPort: Self.clientPort, dstPort: url.port, detail: detail, payload: "(no data)")
                : Flow(proto: "TCP", srcIP: serverIP, dstIP: Self.hostIP, srcPort: url.port, dstPort: Self.clientPort, detail: detail, payload: "(no data)")
            now = tcpStart + e.t
            let (ko, en): (String, String) = switch i {
            case 0: ("브라우저가 \(serverIP):\(url.port)에 connect()합니다. SYN이 클라이언트 ISN \(seg.seq)을 알립니다(RFC 9293 §3.5).",
                     "The browser connect()s to \(serverIP):\(url.port). The SYN carries the client's ISN \(seg.seq) (RFC 9293 §3.5).")
            case 1: ("에지가 SYN+ACK로 자기 ISN \(seg.seq)을 알리고 ack=\(seg.ack)로 SYN을 확인합니다. 클라이언트에게는 이 도착이 connect()의 완료입니다.",
                     "The edge answers SYN+ACK with its ISN \(seg.seq), acknowledging the SYN with ack=\(seg.ack). For the client, its arrival completes connect().")
            default: ("클라이언트가 ACK를 보내고 바로 데이터를 이어 보낼 수 있습니다: 연결에 1 RTT가 들었습니다.",
                      "The client sends the ACK and may send data right behind it: the connection cost one RTT.")
            }
            send(.tcp, .transport, detail, from: fromClient ? .os : .cache, to: fromClient ? .cache : .os, flow: flow, ko: ko, en: en)
            if i == 1 { connectEnd = messages.last!.arrival }
            if i == 0 { clientSeq = seg.seq &+ 1 } else if i == 1 { serverSeq = seg.seq &+ 1 }
        }
        now = connectEnd
        marks.connectEnd = connectEnd
    }
}
