import CPcap
import Foundation
import Glibc
import NetSim

/// `cwnd --real`: a bulk TCP transfer between two sockets of this process, in a private network
/// namespace (its own loopback, so nothing outside it is touched), through a bottleneck: a tbf
/// qdisc (iproute2 `tc`) and optional random drops (nftables). The sender's TCP_INFO is read
/// every few milliseconds and the packets are captured with libpcap.
public struct RealLabOptions: Sendable {
    public var rate = "20mbit", queue = "64kb", loss = 0.0, bytes = 8_000_000, seconds = 10.0, cc = "cubic"
    public var port: UInt16 = 5201
    public init() {}

    /// What is wrong with the options, said as `--help` names them (nil: nothing).
    public var problem: String? {
        if !["cubic", "reno"].contains(cc) { return "--cc must be cubic or reno" }
        if !(0...0.5).contains(loss) { return "--loss must be between 0 and 0.5" }
        if bytes < 10_000 || bytes > 1_000_000_000 { return "--bytes must be between 10000 and 1000000000" }
        if !(0.5...120).contains(seconds) { return "--seconds must be between 0.5 and 120" }
        for (name, v) in [("--rate", rate), ("--queue", queue)] where v.range(of: #"^[0-9]+(\.[0-9]+)?[a-zA-Z]*$"#, options: .regularExpression) == nil {
            return "\(name) must be a number with a tc unit, e.g. 20mbit or 64kb"
        }
        return nil
    }
}

public enum RealLab {
    public struct Outcome: Sendable {
        public var result: RealLabResult
        public var packets: [CapturedPacket]
        /// When the first sample's clock started (seconds since the epoch, the capture's clock).
        public var started: Double
    }

    public static func run(_ o: RealLabOptions) throws -> Outcome {
        let pcap = try CaptureFile.library()
        try enterNamespace()
        try setUpBottleneck(o)
        let capture = try LiveCapture(pcap, device: "lo", filter: "tcp port \(o.port)")
        defer { capture.stop() }
        let (samples, started) = try transfer(o)
        let packets = capture.stop()
        let algorithm: CongestionAlgorithm = o.cc == "reno" ? .reno : .cubic
        return Outcome(result: RealLabResult(samples: samples, algorithm: algorithm), packets: packets, started: started)
    }

    /// A new network namespace for this thread and the threads and programs it starts: as root
    /// directly, otherwise inside a new user namespace where we are root (if the system allows).
    static func enterNamespace() throws {
        if geteuid() == 0 {
            guard nt_unshare_net(0) == 0 else { throw CaptureError("cannot make a private network namespace: \(String(cString: strerror(errno)))") }
            return
        }
        let uid = getuid(), gid = getgid()
        guard nt_unshare_net(1) == 0 else {
            throw CaptureError("cwnd --real needs a private network namespace: run it as root (sudo), or allow unprivileged user namespaces (\(String(cString: strerror(errno))))")
        }
        for (file, text) in [("/proc/self/setgroups", "deny"), ("/proc/self/uid_map", "0 \(uid) 1"), ("/proc/self/gid_map", "0 \(gid) 1")] {
            guard let f = fopen(file, "w") else { throw CaptureError("cannot write \(file): \(String(cString: strerror(errno)))") }
            fputs(text, f); fclose(f)
        }
    }

    static func setUpBottleneck(_ o: RealLabOptions) throws {
        try command("ip", ["link", "set", "lo", "up", "mtu", "1500"], missing: "iproute2")
        // Segments of one MTU, as on a real link (loopback would otherwise send 64 KiB ones).
        _ = try? command("ethtool", ["-K", "lo", "tso", "off", "gso", "off", "gro", "off"], missing: "ethtool")
        try command("tc", ["qdisc", "add", "dev", "lo", "root", "tbf", "rate", o.rate, "burst", "16kb", "limit", o.queue], missing: "iproute2")
        guard o.loss > 0 else { return }
        let perTenThousand = max(1, Int((o.loss * 10_000).rounded()))
        for args in [["add", "table", "inet", "nettutor"], ["add", "chain", "inet", "nettutor", "in", "{ type filter hook input priority 0 ; }"],
                     ["add", "rule", "inet", "nettutor", "in", "tcp", "dport", "\(o.port)", "numgen", "random", "mod", "10000", "<", "\(perTenThousand)", "drop"]] {
            try command("nft", args, missing: "nftables")
        }
    }

    /// Runs a program (found on PATH) and waits; its error output becomes the message.
    /// posix_spawn and waitpid, not Foundation's Process: nothing else here reaps children.
    static func command(_ name: String, _ args: [String], missing package: String) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw CaptureError("pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([name] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, name, &actions, nil, argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw CaptureError("\(name) is not installed: apt-get install \(package)") }
        var err: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            err += buffer[0..<n]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status != 0 else { return }
        let text = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        throw CaptureError("\(name) \(args.joined(separator: " ")) failed: \(text.isEmpty ? "exit status \(status >> 8)" : text)")
    }

    /// The transfer: a receiver thread reads and discards, a sender thread writes `bytes` (or
    /// until `seconds`), and this thread samples the sender's TCP_INFO every 5 ms.
    static func transfer(_ o: RealLabOptions) throws -> (samples: [KernelSample], started: Double) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw CaptureError("socket: \(String(cString: strerror(errno)))") }
        defer { close(listener) }
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET); addr.sin_port = o.port.bigEndian; addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(listener, 1) == 0 else { throw CaptureError("cannot listen on 127.0.0.1:\(o.port): \(String(cString: strerror(errno)))") }
        let sender = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(sender) }
        let cc = Array(o.cc.utf8)
        guard setsockopt(sender, Int32(IPPROTO_TCP), TCP_CONGESTION, cc, socklen_t(cc.count)) == 0 else {
            throw CaptureError("the kernel has no '\(o.cc)' congestion control (modprobe tcp_\(o.cc)?)")
        }
        let connected = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(sender, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw CaptureError("connect: \(String(cString: strerror(errno)))") }
        let receiver = accept(listener, nil, nil)
        guard receiver >= 0 else { throw CaptureError("accept: \(String(cString: strerror(errno)))") }
        let done = Flag()
        let reading = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while read(receiver, &buffer, buffer.count) > 0 {}
            close(receiver)
        }
        reading.start()
        let start = Date()
        let writing = Thread {
            let chunk = [UInt8](repeating: 0x78, count: 65536)
            var sent = 0
            while sent < o.bytes && Date().timeIntervalSince(start) < o.seconds {
                let n = write(sender, chunk, min(chunk.count, o.bytes - sent))
                if n <= 0 { break }
                sent += n
            }
            shutdown(sender, Int32(SHUT_WR))
            done.set()
        }
        writing.start()
        var samples: [KernelSample] = []
        var info = [UInt8](repeating: 0, count: 256)
        func sample() {
            var len = socklen_t(info.count)
            guard getsockopt(sender, Int32(IPPROTO_TCP), TCP_INFO, &info, &len) == 0, len >= 168 else { return }
            func u32(_ at: Int) -> UInt32 { info.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) } }
            func u64(_ at: Int) -> UInt64 { info.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) } }
            // struct tcp_info (include/uapi/linux/tcp.h): the offsets of its stable ABI.
            samples.append(KernelSample(t: Date().timeIntervalSince(start), cwnd: Int(u32(80)), ssthresh: KernelSample.ssthresh(u32(76)),
                                        rttMs: Double(u32(68)) / 1000, retrans: Int(u32(100)), state: KernelSample.stateName(info[1]),
                                        deliveryRate: len >= 168 ? Double(u64(160)) : nil, bytesAcked: Int(u64(120))))
        }
        while !done.isSet { sample(); usleep(5000) }
        // The last bytes drain: sample until everything is acknowledged.
        for _ in 0..<400 {
            sample()
            if let last = samples.last, last.bytesAcked >= o.bytes || Date().timeIntervalSince(start) > o.seconds + 5 { break }
            usleep(5000)
        }
        while !reading.isFinished { usleep(2000) }
        return (samples, start.timeIntervalSince1970)
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock(); private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// A classic pcap file (microseconds, Ethernet) of the packets, for `trace` to open.
    public static func savePcap(_ packets: [CapturedPacket], to path: String) throws {
        var out = Data()
        func le32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        le32(0xA1B2_C3D4); out.append(contentsOf: [2, 0, 4, 0]); le32(0); le32(0); le32(262_144); le32(1)
        for p in packets {
            let sec = p.time.rounded(.down)
            le32(UInt32(sec)); le32(UInt32(((p.time - sec) * 1_000_000).rounded()) % 1_000_000)
            le32(UInt32(p.data.count)); le32(UInt32(p.wireLength)); out.append(contentsOf: p.data)
        }
        do { try out.write(to: URL(fileURLWithPath: path)) } catch { throw CaptureError("cannot write \(path): \(error.localizedDescription)") }
    }
}
