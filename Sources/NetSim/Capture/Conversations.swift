/// An address and port as `trace` prints it: "10.0.0.1:443", "[::1]:8080".
public struct Endpoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var ip: String
    public var port: UInt16
    public init(ip: String, port: UInt16) { self.ip = ip; self.port = port }
    public var description: String { ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)" }
    public static func < (a: Endpoint, b: Endpoint) -> Bool { (a.ip, a.port) < (b.ip, b.port) }
}

/// One TCP or UDP conversation of a capture, like `tshark -z conv,tcp`: A is the endpoint
/// that sent its first packet, B the other; frames and bytes (on the wire) each way.
public struct Conversation: Sendable, Hashable {
    public enum Proto: String, Sendable, Hashable { case tcp, udp }
    public var proto: Proto
    public var a: Endpoint, b: Endpoint
    public var framesAB = 0, bytesAB = 0, framesBA = 0, bytesBA = 0
    public var start: Double, end: Double
    public var frames: Int { framesAB + framesBA }
    public var bytes: Int { bytesAB + bytesBA }
    public var duration: Double { end - start }
    public init(proto: Proto, a: Endpoint, b: Endpoint, start: Double, end: Double) {
        self.proto = proto; self.a = a; self.b = b; self.start = start; self.end = end
    }
}

/// The conversations of a capture, in order of their first packet, built one packet at a time
/// (a capture of a million packets is streamed through, never held).
public struct ConversationTable: Sendable {
    public private(set) var conversations: [Conversation] = []
    var index: [Key: Int] = [:]
    public private(set) var firstTime: Double?

    struct Key: Hashable { var proto: Conversation.Proto; var low: Endpoint; var high: Endpoint }

    public init() {}

    /// Adds a packet; its conversation's number (0-based, per protocol order of appearance is
    /// `streamNumber`), or nil for anything but TCP and UDP.
    @discardableResult
    public mutating func add(_ p: DecodedPacket) -> Int? {
        guard let (sp, dp) = p.ports else { return nil }
        let proto: Conversation.Proto = p.tcp != nil ? .tcp : .udp
        let src = Endpoint(ip: p.src, port: sp), dst = Endpoint(ip: p.dst, port: dp)
        let key = Key(proto: proto, low: min(src, dst), high: max(src, dst))
        if firstTime == nil { firstTime = p.time }
        let t = p.time - (firstTime ?? p.time)
        let i: Int
        if let found = index[key] { i = found } else {
            i = conversations.count; index[key] = i
            conversations.append(Conversation(proto: proto, a: src, b: dst, start: t, end: t))
        }
        if conversations[i].a == src { conversations[i].framesAB += 1; conversations[i].bytesAB += p.wireLength }
        else { conversations[i].framesBA += 1; conversations[i].bytesBA += p.wireLength }
        conversations[i].end = max(conversations[i].end, t)
        return i
    }

    /// The TCP conversations alone, in order: `--stream N` counts these (tshark's tcp.stream).
    public var tcp: [Conversation] { conversations.filter { $0.proto == .tcp } }
    public var udp: [Conversation] { conversations.filter { $0.proto == .udp } }
}
