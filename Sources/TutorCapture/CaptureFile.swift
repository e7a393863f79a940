import CPcap
import Glibc
import NetSim

/// Why a capture could not be read, said plainly.
public struct CaptureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}

/// pcap and pcapng files through libpcap (`pcap_open_offline` reads both), streamed packet by
/// packet into a `CaptureAnalysis`. libpcap is opened on first use (see CPcap/shim.h).
public enum CaptureFile {
    nonisolated(unsafe) static var api = nt_pcap()
    nonisolated(unsafe) static var loadError: String??

    static func library() throws -> nt_pcap {
        if loadError == nil { loadError = .some(nt_pcap_load(&api).map { String(cString: $0) }) }
        if let message = loadError! {
            throw CaptureError("cannot load libpcap (\(message)); install it: apt-get install libpcap0.8")
        }
        return api
    }

    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What reading stopped at, when the file ends inside a packet (a truncated capture):
    /// everything before it was read.
    public struct Outcome: Sendable {
        public var analysis: CaptureAnalysis
        public var warning: String?
    }

    /// Reads `path`; `stream` is the TCP stream to analyse (nil: the first one, if any; -1: none).
    public static func read(_ path: String, stream: Int?) throws -> Outcome {
        let pcap = try library()
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        var st = stat()
        guard stat(path, &st) == 0 else { throw CaptureError("\(path): \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw CaptureError("\(path): not a regular file") }
        guard let handle = pcap.open_offline(path, &errbuf) else {
            throw CaptureError("\(path): not a capture libpcap can read (\(text(errbuf)))")
        }
        defer { pcap.close(handle) }
        let link = pcap.datalink(handle)
        guard PacketDecoder.supported.contains(link) else {
            throw CaptureError("\(path): link type \(link) is not supported (Ethernet, Linux cooked v1/v2, loopback and raw IP are)")
        }
        var analysis = CaptureAnalysis(link: link, wantedStream: stream == -1 ? nil : stream ?? 0)
        var header: UnsafeMutablePointer<pcap_pkthdr>?, data: UnsafePointer<UInt8>?
        while true {
            let r = pcap.next_ex(handle, &header, &data)
            if r == -2 { break }   // end of file
            if r == -1 {
                return Outcome(analysis: analysis, warning: "\(path): stopped after \(analysis.frames) packets: \(pcap.geterr(handle).map { String(cString: $0) } ?? "read error")")
            }
            guard r == 1, let h = header?.pointee, let data else { continue }
            let captured = Int(min(h.caplen, 262_144))
            let bytes = [UInt8](UnsafeBufferPointer(start: data, count: captured))
            analysis.add(CapturedPacket(time: Double(h.ts.tv_sec) + Double(h.ts.tv_usec) / 1_000_000, data: bytes, wireLength: Int(h.len)))
        }
        return Outcome(analysis: analysis, warning: nil)
    }

    /// Packets already in memory (the real lab's, captured on its loopback: Ethernet framing).
    public static func analyse(_ packets: [CapturedPacket], link: Int32 = 1, stream: Int = 0) -> CaptureAnalysis {
        var analysis = CaptureAnalysis(link: link, wantedStream: stream)
        for p in packets { analysis.add(p) }
        return analysis
    }
}
