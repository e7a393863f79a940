import Foundation
import Testing
@testable import NetSim
@testable import TutorCapture

struct DecoderTests {
    let p = PacketBuilder()

    @Test("RFC 9293 §3.1, RFC 7323, RFC 2018: header fields and the MSS, window scale, SACK and timestamp options")
    func tcpHeaderAndOptions() throws {
        let opts: [UInt8] = [2, 4, 0x05, 0xB4, 1, 3, 3, 14, 4, 2, 5, 10] + PacketBuilder.be32(100) + PacketBuilder.be32(200) + [8, 10] + PacketBuilder.be32(7) + PacketBuilder.be32(9)
        let frame = p.tcp(fromClient: true, flags: [.syn, .ack, .ece], seq: 123, ack: 456, window: 1000, payload: 5, options: opts)
        let d = try #require(PacketDecoder.decode(CapturedPacket(time: 0, data: frame, wireLength: frame.count), link: PacketDecoder.ethernet))
        let h = try #require(d.tcp)
        #expect(d.src == "10.0.0.1" && d.dst == "10.0.0.2" && h.srcPort == 40000 && h.dstPort == 80)
        #expect(h.seq == 123 && h.ack == 456 && h.window == 1000 && h.flags.text == "SYN,ACK,ECE" && d.payloadLength == 5)
        #expect(h.options.mss == 1460 && h.options.windowScale == 14 && h.options.sackPermitted && h.options.sack == [100...200])
        #expect(h.options.timestamp?.value == 7 && h.options.timestamp?.echo == 9)
    }

    @Test("Every cut of a packet decodes as far as it is whole, or not at all: never a read past the end")
    func truncatedPackets() {
        let frame = p.tcp(fromClient: true, flags: .ack, seq: 1, ack: 1, payload: 40, options: [2, 4, 5, 180])
        for n in 0...frame.count {
            let d = PacketDecoder.decode(CapturedPacket(time: 0, data: Array(frame.prefix(n)), wireLength: frame.count), link: PacketDecoder.ethernet)
            if n < 14 + 20 + 20 { #expect(d == nil || d?.tcp == nil, "cut at \(n)") } else { #expect(d?.tcp != nil, "cut at \(n)") }
            #expect(d.map { $0.payload.count <= 40 } ?? true)
        }
        // An IP length too short for the TCP header it announces: no segment, nothing read.
        var bogus = frame
        bogus[14 + 2] = 0; bogus[14 + 3] = 40
        #expect(PacketDecoder.decode(CapturedPacket(time: 0, data: bogus, wireLength: bogus.count), link: PacketDecoder.ethernet)?.tcp == nil)
    }

    @Test("RFC 5952: IPv6 addresses print lower case with the longest zero run as ::; Linux cooked v2 and raw IP links")
    func ipv6AndLinks() throws {
        var ip6: [UInt8] = [0x60, 0, 0, 0] + PacketBuilder.be16(20) + [6, 64]
        ip6 += [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]
        ip6 += [UInt8](repeating: 0, count: 15) + [1]
        let tcp = PacketBuilder.be16(443) + PacketBuilder.be16(50000) + PacketBuilder.be32(1) + PacketBuilder.be32(0) + [0x50, 0x02, 0xFF, 0xFF, 0, 0, 0, 0]
        let raw = try #require(PacketDecoder.decode(CapturedPacket(time: 0, data: ip6 + tcp, wireLength: 60), link: PacketDecoder.raw))
        #expect(raw.src == "2001:db8::1" && raw.dst == "::1" && raw.tcp?.srcPort == 443)
        let sll2: [UInt8] = [0x86, 0xDD, 0, 0] + [UInt8](repeating: 0, count: 16)
        #expect(PacketDecoder.decode(CapturedPacket(time: 0, data: sll2 + ip6 + tcp, wireLength: 80), link: PacketDecoder.linuxSLL2)?.dst == "::1")
        #expect(Endpoint(ip: "::1", port: 8080).description == "[::1]:8080")
    }

    @Test("RFC 9112 §3, §4, RFC 8446 §4.1.2 with RFC 6066 §3, RFC 1035 §4.1, RFC 9000 §17.2: labels for arrows")
    func appLabels() {
        #expect(AppLabel.tcp(ArraySlice(Array("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n".utf8)), ports: (40000, 80)) == "GET /index.html")
        #expect(AppLabel.tcp(ArraySlice(Array("HTTP/1.1 404 Not Found\r\n".utf8)), ports: (80, 40000)) == "HTTP 404 Not Found")
        // A ClientHello with only the server_name extension.
        let name = Array("example.com".utf8)
        let sni: [UInt8] = [0, 0] + PacketBuilder.be16(name.count + 5) + PacketBuilder.be16(name.count + 3) + [0] + PacketBuilder.be16(name.count) + name
        var hello: [UInt8] = [3, 3] + [UInt8](repeating: 7, count: 32) + [0] + PacketBuilder.be16(2) + [0x13, 0x01] + [1, 0]
        hello += PacketBuilder.be16(sni.count) + sni
        let hs: [UInt8] = [1, 0] + PacketBuilder.be16(hello.count) + hello
        let record: [UInt8] = [22, 3, 1] + PacketBuilder.be16(hs.count) + hs
        #expect(AppLabel.tcp(ArraySlice(record), ports: (40000, 443)) == "TLS ClientHello SNI=example.com")
        #expect(AppLabel.tcp(ArraySlice(record.prefix(20)), ports: (40000, 443)) == "TLS ClientHello")
        var dns: [UInt8] = [0x12, 0x34, 0x81, 0x83, 0, 1, 0, 0, 0, 0, 0, 0]
        dns += [7] + Array("example".utf8) + [3] + Array("com".utf8) + [0, 0, 28, 0, 1]
        #expect(AppLabel.udp(ArraySlice(dns), ports: (53, 5000)) == "DNS answer AAAA example.com NXDOMAIN 0 records")
        dns[2] = 0x01
        #expect(AppLabel.udp(ArraySlice(dns), ports: (5000, 53)) == "DNS query AAAA example.com")
        #expect(AppLabel.udp(ArraySlice([0xC3, 0, 0, 0, 1, 8]), ports: (5000, 443)) == "QUIC Initial")
        #expect(AppLabel.udp(ArraySlice([0xE3, 0, 0, 0, 1, 8]), ports: (5000, 443)) == "QUIC Handshake")
    }

    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cap-\(UUID()).pcap").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("libpcap reads the file: conversations with frames and wire bytes each way, like tshark -z conv,tcp")
    func readsThroughLibpcap() throws {
        let frames = [(1.0, p.tcp(fromClient: true, flags: .syn, seq: 1)), (1.5, p.tcp(fromClient: false, flags: [.syn, .ack], seq: 9, ack: 2)),
                      (2.25, p.tcp(fromClient: true, flags: .ack, seq: 2, ack: 10, payload: 10))]
        let path = try file(PacketBuilder.pcap(frames))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CaptureFile.read(path, stream: nil)
        let c = try #require(out.analysis.table.tcp.first)
        #expect(out.warning == nil && out.analysis.frames == 3 && out.analysis.tcpStreams == 1)
        #expect(c.a.description == "10.0.0.1:40000" && c.framesAB == 2 && c.framesBA == 1 && c.bytesAB == 54 + 64 && c.bytesBA == 54)
        #expect(c.start == 0 && c.duration == 1.25)
        #expect(out.analysis.stream?.segments.count == 3)
    }

    @Test("A capture cut inside a packet is read up to it, with a warning; garbage and missing files are clear errors")
    func badFiles() throws {
        let frames = (0..<5).map { (Double($0), p.tcp(fromClient: true, flags: .ack, seq: UInt32($0) * 10, payload: 10)) }
        let whole = PacketBuilder.pcap(frames)
        let cut = try file(Array(whole.dropLast(7)))
        defer { try? FileManager.default.removeItem(atPath: cut) }
        let out = try CaptureFile.read(cut, stream: nil)
        #expect(out.analysis.frames == 4 && out.warning?.contains("stopped after 4 packets") == true)
        let junk = try file(Array("this is not a capture at all".utf8))
        defer { try? FileManager.default.removeItem(atPath: junk) }
        #expect(throws: CaptureError.self) { try CaptureFile.read(junk, stream: nil) }
        do { _ = try CaptureFile.read(junk, stream: nil) } catch { #expect("\(error)".contains("not a capture libpcap can read")) }
        do { _ = try CaptureFile.read("/nonexistent/x.pcap", stream: nil) } catch { #expect("\(error)".contains("No such file")) }
        // Snaplen-cut packets still count their wire length.
        let short = try file(PacketBuilder.pcap(frames, snaplen: 60))
        defer { try? FileManager.default.removeItem(atPath: short) }
        let s = try CaptureFile.read(short, stream: nil)
        #expect(s.analysis.table.tcp.first?.bytesAB == 5 * 64 && s.analysis.stream?.segments.allSatisfy { $0.len == 10 } == true)
    }
}
