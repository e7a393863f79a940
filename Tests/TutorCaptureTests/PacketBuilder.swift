@testable import NetSim

/// Builds the bytes of test packets (Ethernet, IPv4, TCP with options) and pcap files, so a
/// rule's test states exactly the segments it is about.
struct PacketBuilder {
    var client = ([UInt8]([10, 0, 0, 1]), UInt16(40000))
    var server = ([UInt8]([10, 0, 0, 2]), UInt16(80))

    static func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// An Ethernet frame holding IPv4 and a TCP segment.
    func tcp(fromClient: Bool, flags: WireFlags, seq: UInt32, ack: UInt32 = 0, window: Int = 65535, payload: Int = 0, options: [UInt8] = []) -> [UInt8] {
        let (src, dst) = fromClient ? (client, server) : (server, client)
        var opts = options
        while opts.count % 4 != 0 { opts.append(1) }  // NOP padding
        let tcpLength = 20 + opts.count
        var tcp = Self.be16(Int(src.1)) + Self.be16(Int(dst.1)) + Self.be32(seq) + Self.be32(ack)
        tcp += [UInt8((tcpLength / 4) << 4), flags.rawValue] + Self.be16(window) + [0, 0, 0, 0] + opts
        tcp += [UInt8](repeating: 0x61, count: payload)
        let total = 20 + tcp.count
        let ip: [UInt8] = [0x45, 0] + Self.be16(total) + [0, 0, 0x40, 0, 64, 6, 0, 0] + src.0 + dst.0
        let eth: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00]
        return eth + ip + tcp
    }

    /// A classic pcap file (little-endian, microseconds, Ethernet) of the frames at the times.
    static func pcap(_ frames: [(Double, [UInt8])], snaplen: Int = 65535, link: UInt32 = 1) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        var out = le32(0xA1B2_C3D4) + [2, 0, 4, 0] + le32(0) + le32(0) + le32(UInt32(snaplen)) + le32(link)
        for (t, f) in frames {
            let cut = Array(f.prefix(snaplen))
            out += le32(UInt32(t)) + le32(UInt32(((t - t.rounded(.down)) * 1_000_000).rounded())) + le32(UInt32(cut.count)) + le32(UInt32(f.count)) + cut
        }
        return out
    }

    /// The segments analysed, as the capture would give them (times in seconds).
    func analyse(_ frames: [(Double, [UInt8])]) -> TCPStreamAnalysis {
        var c = CaptureAnalysis(link: PacketDecoder.ethernet, wantedStream: 0)
        for (t, f) in frames { c.add(CapturedPacket(time: t, data: f, wireLength: f.count)) }
        return c.stream!
    }
}
