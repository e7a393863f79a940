/// Just enough of the application protocols to label an arrow: HTTP/1.x request and status
/// lines (RFC 9112 §3, §4), TLS records and handshake messages (RFC 8446 §5.1, §4), DNS
/// questions and answers (RFC 1035 §4.1), QUIC long-header packet types (RFC 9000 §17.2).
/// Anything else, or a payload cut short, is no label.
public enum AppLabel {
    public static func tcp(_ payload: ArraySlice<UInt8>, ports: (UInt16, UInt16)) -> String? {
        let b = Array(payload.prefix(2048))
        guard !b.isEmpty else { return nil }
        if let http = http(b) { return http }
        if let tls = tls(b) { return tls }
        if ports.0 == 53 || ports.1 == 53, b.count > 2 { return dns(Array(b.dropFirst(2))) }  // RFC 1035 §4.2.2: a 2-byte length first
        return nil
    }

    public static func udp(_ payload: ArraySlice<UInt8>, ports: (UInt16, UInt16)) -> String? {
        let b = Array(payload.prefix(2048))
        guard !b.isEmpty else { return nil }
        if ports.0 == 53 || ports.1 == 53 || ports.0 == 5353 || ports.1 == 5353 { return dns(b) }
        if ports.0 == 443 || ports.1 == 443 { return quic(b) }
        return nil
    }

    static let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    /// "GET /index.html", "HTTP 200 OK": the first line, printable ASCII only, at most 60 columns.
    static func http(_ b: [UInt8]) -> String? {
        guard let end = b.firstIndex(of: 0x0D) ?? b.firstIndex(of: 0x0A), end > 0,
              b[..<end].allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let line = String(decoding: b[..<end], as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
        if parts.count == 3, methods.contains(parts[0]), parts[2].hasPrefix("HTTP/1.") { return String("\(parts[0]) \(parts[1])".prefix(60)) }
        if parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, Int(parts[1]) != nil {
            return String("HTTP \(parts[1])\(parts.count > 2 ? " " + parts[2] : "")".prefix(60))
        }
        return nil
    }

    static let handshakeTypes: [UInt8: String] = [1: "ClientHello", 2: "ServerHello", 4: "NewSessionTicket", 8: "EncryptedExtensions",
                                                  11: "Certificate", 13: "CertificateRequest", 15: "CertificateVerify", 20: "Finished"]

    /// "TLS ClientHello SNI=example.com", "TLS ServerHello TLS 1.3", "TLS application data".
    static func tls(_ b: [UInt8]) -> String? {
        guard b.count >= 5, [20, 21, 22, 23].contains(b[0]), b[1] == 3, b[2] <= 4 else { return nil }
        switch b[0] {
        case 20: return "TLS ChangeCipherSpec"
        case 21: return "TLS alert"
        case 23: return "TLS application data"
        default: break
        }
        guard b.count >= 6 else { return "TLS handshake" }
        let type = handshakeTypes[b[5]] ?? "handshake"
        if b[5] == 1, let sni = clientHelloSNI(b) { return "TLS ClientHello SNI=\(sni)" }
        if b[5] == 2, let v = serverHelloVersion(b) { return "TLS ServerHello \(v)" }
        return "TLS \(type)"
    }

    /// Walks a ClientHello (RFC 8446 §4.1.2) to the server_name extension (RFC 6066 §3).
    static func clientHelloSNI(_ b: [UInt8]) -> String? {
        var r = Reader(b, at: 5 + 4 + 2 + 32)   // record header, handshake header, version, random
        guard r.skip8(), r.skip16(), r.skip8(), let extEnd = r.u16().map({ r.at + $0 }) else { return nil }
        while r.at + 4 <= min(extEnd, b.count) {
            guard let type = r.u16(), let len = r.u16() else { return nil }
            if type == 0 {
                var n = Reader(b, at: r.at + 2)      // the list length, then one entry
                guard n.skip(1), let l = n.u16(), n.at + l <= b.count else { return nil }
                let name = b[n.at..<(n.at + l)]
                guard name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
                return String(decoding: name, as: UTF8.self)
            }
            r.at += len
        }
        return nil
    }

    /// TLS 1.3 is said in supported_versions (RFC 8446 §4.2.1); without it the legacy version.
    static func serverHelloVersion(_ b: [UInt8]) -> String? {
        var r = Reader(b, at: 5 + 4)
        guard let legacy = r.u16(), r.skip(32), r.skip8(), r.skip(3), let extEnd = r.u16().map({ r.at + $0 }) else { return nil }
        while r.at + 4 <= min(extEnd, b.count) {
            guard let type = r.u16(), let len = r.u16() else { break }
            if type == 43, let v = Reader(b, at: r.at).peek16() { return versionName(v) }
            r.at += len
        }
        return versionName(legacy)
    }

    static func versionName(_ v: Int) -> String {
        switch v { case 0x0304: "TLS 1.3"; case 0x0303: "TLS 1.2"; case 0x0302: "TLS 1.1"; case 0x0301: "TLS 1.0"; default: "version \(v)" }
    }

    static let rrTypes: [Int: String] = [1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV", 65: "HTTPS"]
    static let rcodes = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"]

    /// "DNS query A example.com", "DNS answer A example.com NOERROR 1 record".
    static func dns(_ b: [UInt8]) -> String? {
        guard b.count >= 12 else { return nil }
        let response = b[2] & 0x80 != 0, rcode = Int(b[3] & 0x0F)
        let questions = Int(b[4]) << 8 | Int(b[5]), answers = Int(b[6]) << 8 | Int(b[7])
        guard questions >= 1 else { return response ? "DNS answer" : "DNS query" }
        var labels: [String] = [], i = 12
        while i < b.count, b[i] != 0 {
            let l = Int(b[i])
            guard l < 64, i + 1 + l <= b.count else { return nil }
            let label = b[(i + 1)...(i + l)]
            guard label.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
            labels.append(String(decoding: label, as: UTF8.self)); i += 1 + l
        }
        guard i + 2 < b.count else { return nil }
        let type = Int(b[i + 1]) << 8 | Int(b[i + 2])
        let name = labels.isEmpty ? "." : labels.joined(separator: ".")
        let t = rrTypes[type] ?? "TYPE\(type)"
        guard response else { return "DNS query \(t) \(name)" }
        let code = rcode < rcodes.count ? rcodes[rcode] : "RCODE\(rcode)"
        return "DNS answer \(t) \(name) \(code) \(answers) record\(answers == 1 ? "" : "s")"
    }

    /// RFC 9000 §17.2 (version 1) and RFC 9369 (version 2 moves the type bits).
    static func quic(_ b: [UInt8]) -> String? {
        guard b.count >= 5 else { return nil }
        guard b[0] & 0x80 != 0 else { return b[0] & 0x40 != 0 ? "QUIC 1-RTT" : nil }
        let version = UInt32(b[1]) << 24 | UInt32(b[2]) << 16 | UInt32(b[3]) << 8 | UInt32(b[4])
        if version == 0 { return "QUIC Version Negotiation" }
        let bits = Int((b[0] & 0x30) >> 4)
        let v1 = ["Initial", "0-RTT", "Handshake", "Retry"], v2 = ["Retry", "Initial", "0-RTT", "Handshake"]
        switch version {
        case 1: return "QUIC \(v1[bits])"
        case 0x6b33_43cf: return "QUIC \(v2[bits])"
        default: return nil
        }
    }

    /// A bounds-checked cursor (a garbled hello must not read past the bytes).
    struct Reader {
        let b: [UInt8]; var at: Int
        init(_ b: [UInt8], at: Int) { self.b = b; self.at = at }
        mutating func skip(_ n: Int) -> Bool { guard at + n <= b.count else { return false }; at += n; return true }
        mutating func u16() -> Int? { guard let v = peek16() else { return nil }; at += 2; return v }
        func peek16() -> Int? { at + 2 <= b.count ? Int(b[at]) << 8 | Int(b[at + 1]) : nil }
        mutating func skip8() -> Bool { guard at < b.count else { return false }; let n = Int(b[at]); at += 1; return skip(n) }
        mutating func skip16() -> Bool { guard let n = u16() else { return false }; return skip(n) }
    }
}
