/// One packet as a capture holds it: when it was seen, the bytes captured (perhaps cut at the
/// snap length) and its length on the wire.
public struct CapturedPacket: Sendable, Hashable {
    public var time: Double
    public var data: [UInt8]
    public var wireLength: Int
    public init(time: Double, data: [UInt8], wireLength: Int) { self.time = time; self.data = data; self.wireLength = wireLength }
}

/// The TCP control bits as they are on the wire (RFC 9293 §3.1, RFC 3168 for ECE and CWR).
public struct WireFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let fin = WireFlags(rawValue: 0x01), syn = WireFlags(rawValue: 0x02), rst = WireFlags(rawValue: 0x04)
    public static let psh = WireFlags(rawValue: 0x08), ack = WireFlags(rawValue: 0x10), urg = WireFlags(rawValue: 0x20)
    public static let ece = WireFlags(rawValue: 0x40), cwr = WireFlags(rawValue: 0x80)

    static let names: [(WireFlags, String)] = [(.syn, "SYN"), (.fin, "FIN"), (.rst, "RST"), (.psh, "PSH"), (.ack, "ACK"), (.urg, "URG"), (.ece, "ECE"), (.cwr, "CWR")]
    /// "SYN,ACK", "PSH,ACK", "" for none.
    public var text: String { Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ",") }
    /// The simulator's flags (the ones the player draws).
    public var model: TCPFlags {
        var f: TCPFlags = []
        if contains(.syn) { f.insert(.syn) }; if contains(.ack) { f.insert(.ack) }
        if contains(.fin) { f.insert(.fin) }; if contains(.rst) { f.insert(.rst) }
        return f
    }
}

/// TCP options (RFC 9293 §3.2; window scale and timestamps RFC 7323; SACK RFC 2018).
public struct TCPOptions: Sendable, Hashable {
    public var mss: Int?
    public var windowScale: Int?
    public var sackPermitted = false
    public var sack: [ClosedRange<UInt32>] = []
    public var timestamp: (value: UInt32, echo: UInt32)? {
        get { tsValue.map { ($0, tsEcho ?? 0) } }
        set { tsValue = newValue?.value; tsEcho = newValue?.echo }
    }
    var tsValue: UInt32?, tsEcho: UInt32?
    public init() {}
}

public struct TCPHeader: Sendable, Hashable {
    public var srcPort: UInt16, dstPort: UInt16
    public var seq: UInt32, ack: UInt32
    public var flags: WireFlags
    /// The window field as sent (before any scaling).
    public var window: UInt16
    public var options = TCPOptions()
}

/// A decoded packet: addresses, the transport header, and how much payload it carried.
public struct DecodedPacket: Sendable, Hashable {
    public enum Transport: Sendable, Hashable { case tcp(TCPHeader), udp(srcPort: UInt16, dstPort: UInt16), other(UInt8) }
    public var time: Double
    public var wireLength: Int
    public var src: String, dst: String
    public var transport: Transport
    /// Payload length from the headers (the IP length less the IP and transport headers).
    public var payloadLength: Int
    /// The payload bytes that were captured (fewer than `payloadLength` when snaplen cut them).
    public var payload: ArraySlice<UInt8>

    public var tcp: TCPHeader? { if case .tcp(let h) = transport { h } else { nil } }
    public var ports: (UInt16, UInt16)? {
        switch transport {
        case .tcp(let h): (h.srcPort, h.dstPort)
        case .udp(let s, let d): (s, d)
        case .other: nil
        }
    }
}

/// Link layer to transport header, every length checked against the bytes captured: a short,
/// cut or garbled packet decodes as far as it is whole and is otherwise skipped (nil), never
/// read past its end. Link types are libpcap's DLT values.
public enum PacketDecoder {
    public static let ethernet: Int32 = 1, null: Int32 = 0, loop: Int32 = 108, raw: Int32 = 12, linkTypeRaw: Int32 = 101
    public static let ipv4Link: Int32 = 228, ipv6Link: Int32 = 229, linuxSLL: Int32 = 113, linuxSLL2: Int32 = 276
    public static let supported: Set<Int32> = [ethernet, null, loop, raw, linkTypeRaw, ipv4Link, ipv6Link, linuxSLL, linuxSLL2]

    public static func linkName(_ link: Int32) -> String {
        switch link {
        case ethernet: "Ethernet"; case null, loop: "BSD loopback"; case raw, linkTypeRaw, ipv4Link, ipv6Link: "raw IP"
        case linuxSLL: "Linux cooked v1"; case linuxSLL2: "Linux cooked v2"; default: "link type \(link)"
        }
    }

    public static func decode(_ p: CapturedPacket, link: Int32) -> DecodedPacket? {
        let b = p.data
        var ipAt: Int, ethertype: Int?
        switch link {
        case ethernet:
            guard b.count >= 14 else { return nil }
            ipAt = 14; var type = u16(b, 12)
            while (type == 0x8100 || type == 0x88A8), b.count >= ipAt + 4 { type = u16(b, ipAt + 2); ipAt += 4 }  // VLAN tags
            ethertype = type
        case linuxSLL:
            guard b.count >= 16 else { return nil }
            ipAt = 16; ethertype = u16(b, 14)
        case linuxSLL2:
            guard b.count >= 20 else { return nil }
            ipAt = 20; ethertype = u16(b, 0)
        case null, loop:
            guard b.count >= 4 else { return nil }
            // The address family in the host's byte order (null) or network order (loop).
            let le = UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
            let be = UInt32(b[3]) | UInt32(b[2]) << 8 | UInt32(b[1]) << 16 | UInt32(b[0]) << 24
            let family = min(le, be)
            ipAt = 4; ethertype = family == 2 ? 0x0800 : [10, 24, 28, 30].contains(family) ? 0x86DD : nil
        case raw, linkTypeRaw, ipv4Link, ipv6Link:
            ipAt = 0; ethertype = nil
        default:
            return nil
        }
        guard b.count > ipAt else { return nil }
        let version = b[ipAt] >> 4
        if let ethertype, ethertype != 0x0800 && ethertype != 0x86DD { return nil }
        switch version {
        case 4: return ipv4(p, at: ipAt)
        case 6: return ipv6(p, at: ipAt)
        default: return nil
        }
    }

    static func ipv4(_ p: CapturedPacket, at i: Int) -> DecodedPacket? {
        let b = p.data
        guard b.count >= i + 20 else { return nil }
        let ihl = Int(b[i] & 0x0F) * 4, total = u16(b, i + 2), proto = b[i + 9]
        guard ihl >= 20, total >= ihl, b.count >= i + ihl else { return nil }
        // Fragments after the first carry no transport header.
        let fragmentOffset = u16(b, i + 6) & 0x1FFF
        let src = b[(i + 12)..<(i + 16)].map(String.init).joined(separator: ".")
        let dst = b[(i + 16)..<(i + 20)].map(String.init).joined(separator: ".")
        guard fragmentOffset == 0 else { return DecodedPacket(time: p.time, wireLength: p.wireLength, src: src, dst: dst, transport: .other(proto), payloadLength: 0, payload: []) }
        return transport(p, proto: proto, at: i + ihl, length: total - ihl, src: src, dst: dst)
    }

    static func ipv6(_ p: CapturedPacket, at i: Int) -> DecodedPacket? {
        let b = p.data
        guard b.count >= i + 40 else { return nil }
        var next = b[i + 6], at = i + 40, length = u16(b, i + 4)
        let src = ipv6Text(b, i + 8), dst = ipv6Text(b, i + 24)
        // Hop-by-hop, routing and destination options: skip to the transport header.
        while [0, 43, 60].contains(next) {
            guard b.count >= at + 2 else { return nil }
            let extLength = (Int(b[at + 1]) + 1) * 8
            guard length >= extLength else { return nil }
            next = b[at]; at += extLength; length -= extLength
        }
        return transport(p, proto: next, at: at, length: length, src: src, dst: dst)
    }

    static func transport(_ p: CapturedPacket, proto: UInt8, at i: Int, length: Int, src: String, dst: String) -> DecodedPacket? {
        let b = p.data
        switch proto {
        case 6:
            guard b.count >= i + 20 else { return nil }
            let offset = Int(b[i + 12] >> 4) * 4
            guard offset >= 20, length >= offset else { return nil }
            var h = TCPHeader(srcPort: UInt16(u16(b, i)), dstPort: UInt16(u16(b, i + 2)), seq: u32(b, i + 4), ack: u32(b, i + 8),
                              flags: WireFlags(rawValue: b[i + 13]), window: UInt16(u16(b, i + 14)))
            h.options = options(b, from: i + 20, to: min(b.count, i + offset))
            return DecodedPacket(time: p.time, wireLength: p.wireLength, src: src, dst: dst, transport: .tcp(h),
                                 payloadLength: length - offset, payload: slice(b, i + offset, length - offset))
        case 17:
            guard b.count >= i + 8, length >= 8 else { return nil }
            return DecodedPacket(time: p.time, wireLength: p.wireLength, src: src, dst: dst, transport: .udp(srcPort: UInt16(u16(b, i)), dstPort: UInt16(u16(b, i + 2))),
                                 payloadLength: length - 8, payload: slice(b, i + 8, length - 8))
        default:
            return DecodedPacket(time: p.time, wireLength: p.wireLength, src: src, dst: dst, transport: .other(proto), payloadLength: 0, payload: [])
        }
    }

    /// Kind-length-value options; a bad length ends the list (what was read so far stands).
    static func options(_ b: [UInt8], from start: Int, to end: Int) -> TCPOptions {
        var o = TCPOptions(), i = start
        while i < end {
            let kind = b[i]
            if kind == 0 { break }
            if kind == 1 { i += 1; continue }
            guard i + 1 < end else { break }
            let len = Int(b[i + 1])
            guard len >= 2, i + len <= end else { break }
            switch (kind, len) {
            case (2, 4): o.mss = u16(b, i + 2)
            case (3, 3): o.windowScale = min(14, Int(b[i + 2]))  // RFC 7323 §2.3: larger values mean 14
            case (4, 2): o.sackPermitted = true
            case (5, _) where (len - 2) % 8 == 0:
                o.sack = stride(from: i + 2, to: i + len, by: 8).map { u32(b, $0)...u32(b, $0 + 4) }
            case (8, 10): o.timestamp = (u32(b, i + 2), u32(b, i + 6))
            default: break
            }
            i += len
        }
        return o
    }

    static func slice(_ b: [UInt8], _ at: Int, _ length: Int) -> ArraySlice<UInt8> {
        guard at < b.count, length > 0 else { return [] }
        return b[at..<min(b.count, at + length)]
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]) }

    /// RFC 5952 text: lower case, leading zeros dropped, the longest run of zero groups as "::".
    static func ipv6Text(_ b: [UInt8], _ i: Int) -> String {
        let groups = (0..<8).map { u16(b, i + 2 * $0) }
        var best = (start: -1, len: 0), run = (start: -1, len: 0)
        for (k, g) in groups.enumerated() {
            if g == 0 { run = run.start < 0 ? (k, 1) : (run.start, run.len + 1); if run.len > best.len { best = run } } else { run = (-1, 0) }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.len >= 2 else { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.len)...].joined(separator: ":")
    }
}
