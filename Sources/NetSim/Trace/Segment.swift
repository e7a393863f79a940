/// TCP control bits used by the simulator.
public struct TCPFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let syn = TCPFlags(rawValue: 1)
    public static let ack = TCPFlags(rawValue: 2)
    public static let fin = TCPFlags(rawValue: 4)
    public static let rst = TCPFlags(rawValue: 8)

    /// "SYN+ACK", "FIN+ACK", "ACK", "RST".
    public var name: String {
        var parts: [String] = []
        if contains(.syn) { parts.append("SYN") }
        if contains(.fin) { parts.append("FIN") }
        if contains(.rst) { parts.append("RST") }
        if contains(.ack) { parts.append("ACK") }
        return parts.isEmpty ? "DATA" : parts.joined(separator: "+")
    }
}

/// The header fields of one message, in TCP's shape. TCP segments fill all of them; the ARQ
/// and UDP lanes fill seq (and ack) too, because `--trace json` prints one schema for every
/// message. Only the TCP prediction rule and the exports read them: the player draws a
/// message from its event's neutral `label` and `role`.
public struct Segment: Sendable, Hashable {
    public var flags: TCPFlags
    public var seq: UInt32
    public var ack: UInt32
    public var len: Int
    public var win: Int
    /// A name that replaces the one built from the fields ("pkt 2", "PROBE seq=1001 len=1").
    public var customLabel: String?

    public init(flags: TCPFlags, seq: UInt32, ack: UInt32 = 0, len: Int = 0, win: Int = 0, label: String? = nil) {
        self.flags = flags; self.seq = seq; self.ack = ack; self.len = len; self.win = win; self.customLabel = label
    }

    /// Sequence space the segment occupies: data plus one for SYN and one for FIN (RFC 9293 §3.4).
    public var seqLength: UInt32 { UInt32(len) + (flags.contains(.syn) ? 1 : 0) + (flags.contains(.fin) ? 1 : 0) }

    /// "SYN seq=1000", "ACK seq=1001 ack=5001 win=4096", "DATA seq=1001 len=1000".
    public var label: String {
        if let customLabel { return customLabel }
        var s = flags.name
        if len > 0 && !flags.contains(.syn) && !flags.contains(.fin) { s = flags.contains(.ack) ? "DATA+ACK" : "DATA" }
        s += " seq=\(seq)"
        if flags.contains(.ack) { s += " ack=\(ack)" }
        if len > 0 { s += " len=\(len)" }
        if flags.contains(.ack) && !flags.contains(.rst) { s += " win=\(win)" }
        return s
    }

    /// What a TCP segment does, for colouring: SYN opens, FIN closes, RST resets, a payload is
    /// data, and anything else is a bare acknowledgment.
    public var role: MessageRole {
        if flags.contains(.syn) { return .open }
        if flags.contains(.fin) { return .close }
        if flags.contains(.rst) { return .reset }
        return len > 0 ? .data : .ack
    }
}
