import NetSim

/// `trace --live`: packets captured on an interface as they arrive, fed a poll at a time into
/// one `CaptureAnalysis` (its conversations and the N-th TCP stream seen). Each poll hands the
/// new packets over, so the capture holds only what arrived since the last one.
public final class LiveStream: @unchecked Sendable {
    private let capture: LiveCapture
    public private(set) var analysis: CaptureAnalysis
    public let device: String, filter: String
    /// Packets the filter let through so far.
    public private(set) var packets = 0

    /// Starts capturing (CAP_NET_RAW: a clear error without it).
    public init(device: String, filter: String, stream: Int) throws {
        let pcap = try CaptureFile.library()
        capture = try LiveCapture(pcap, device: device, filter: filter, snaplen: 4096)
        guard PacketDecoder.supported.contains(capture.link) else {
            capture.stop()
            throw CaptureError("\(device): link type \(capture.link) is not supported (Ethernet, Linux cooked v1/v2, loopback and raw IP are)")
        }
        analysis = CaptureAnalysis(link: capture.link, wantedStream: stream)
        self.device = device; self.filter = filter
    }

    /// Adds what arrived since the last poll; true when anything did.
    public func poll() -> Bool {
        let new = capture.drain()
        for p in new { analysis.add(p) }
        packets += new.count
        return !new.isEmpty
    }

    public func stop() { _ = capture.stop() }
}
