/// A capture read one packet at a time: its conversations, and the analysis of the one TCP
/// stream asked for (tshark's `tcp.stream` numbering: TCP conversations in order of their
/// first packet, from 0). Nothing else is kept, so a capture of any size streams through.
public struct CaptureAnalysis: Sendable {
    public let link: Int32
    public let wantedStream: Int?
    public private(set) var table = ConversationTable()
    public private(set) var frames = 0
    /// Packets that were not IPv4 or IPv6 (ARP, other link types' control frames) or were too
    /// short to decode.
    public private(set) var undecoded = 0
    public private(set) var stream: TCPStreamAnalysis?
    /// UDP datagrams of the capture that carried a recognised protocol (DNS, QUIC), for `--list`.
    public private(set) var udpLabels: [(frame: Int, conversation: Int, label: String)] = []
    var tcpStreamOf: [Int: Int] = [:]
    var firstTime: Double?

    /// `wantedStream`: the TCP stream to analyse (nil: none, only the conversations).
    public init(link: Int32, wantedStream: Int?) { self.link = link; self.wantedStream = wantedStream }

    public mutating func add(_ packet: CapturedPacket) {
        frames += 1
        if firstTime == nil { firstTime = packet.time }
        guard let p = PacketDecoder.decode(packet, link: link) else { undecoded += 1; return }
        guard let conversation = table.add(p) else { return }
        let t = packet.time - (firstTime ?? packet.time)
        if p.tcp != nil {
            let number: Int
            if let n = tcpStreamOf[conversation] { number = n } else { number = tcpStreamOf.count; tcpStreamOf[conversation] = number }
            guard number == wantedStream else { return }
            if stream == nil {
                let c = table.conversations[conversation]
                stream = TCPStreamAnalysis(a: c.a, b: c.b)
            }
            stream?.add(p, frame: frames, t: t)
        } else if let ports = p.ports, udpLabels.count < 10_000, let label = AppLabel.udp(p.payload, ports: ports) {
            udpLabels.append((frames, conversation, label))
        }
    }

    /// How many TCP streams the capture holds.
    public var tcpStreams: Int { tcpStreamOf.count }
}
