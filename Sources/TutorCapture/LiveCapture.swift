import CPcap
import Foundation
import NetSim

/// A live capture on one interface (libpcap, immediate mode: each packet as it is seen), kept
/// in memory on a thread of its own until `stop`. Needs CAP_NET_RAW (root, or root inside the
/// lab's user namespace).
final class LiveCapture: @unchecked Sendable {
    private let pcap: nt_pcap
    private let handle: OpaquePointer
    private let lock = NSLock()
    private var packets: [CapturedPacket] = []
    private var stopping = false, stopped = false
    private var thread: Thread?
    /// The interface's link type (DLT_*): Ethernet on `lo`, Linux cooked on `any`.
    let link: Int32

    init(_ pcap: nt_pcap, device: String, filter: String, snaplen: Int32 = 128) throws {
        self.pcap = pcap
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE) + 1)
        guard let h = pcap.create(device, &errbuf) else { throw CaptureError("cannot capture on \(device): \(CaptureFile.text(errbuf))") }
        handle = h
        _ = pcap.set_snaplen(h, snaplen); _ = pcap.set_immediate_mode(h, 1); _ = pcap.set_timeout(h, 1000)  // immediate mode delivers each packet at once; the timeout only bounds an idle wait (stop wakes it)
        let status = pcap.activate(h)
        guard status >= 0 else {
            let why = status == PCAP_ERROR_PERM_DENIED ? "permission denied: capturing needs CAP_NET_RAW (run as root)" : pcap.geterr(h).map { String(cString: $0) } ?? "error \(status)"
            pcap.close(h)
            throw CaptureError("cannot capture on \(device): \(why)")
        }
        link = pcap.datalink(h)
        var program = bpf_program()
        guard pcap.compile(h, &program, filter, 1, 0) == 0, pcap.setfilter(h, &program) == 0 else {
            let why = pcap.geterr(h).map { String(cString: $0) } ?? "bad filter"
            pcap.close(h)
            throw CaptureError("bad capture filter '\(filter)': \(why)")
        }
        pcap.freecode(&program)
        let t = Thread { [self] in loop() }
        thread = t
        t.start()
    }

    private func loop() {
        var header: UnsafeMutablePointer<pcap_pkthdr>?, data: UnsafePointer<UInt8>?
        while true {
            lock.lock(); let quit = stopping; lock.unlock()
            if quit { break }
            let r = pcap.next_ex(handle, &header, &data)
            if r < 0 { break }
            guard r == 1, let h = header?.pointee, let data else { continue }
            let p = CapturedPacket(time: Double(h.ts.tv_sec) + Double(h.ts.tv_usec) / 1_000_000,
                                   data: [UInt8](UnsafeBufferPointer(start: data, count: Int(h.caplen))), wireLength: Int(h.len))
            lock.lock(); packets.append(p); lock.unlock()
        }
    }

    /// The packets seen since the last drain, handed over (the capture keeps none of them).
    func drain() -> [CapturedPacket] {
        lock.lock(); defer { lock.unlock() }
        let out = packets
        packets.removeAll(keepingCapacity: true)
        return out
    }

    /// Ends the capture (after the packets already seen are read) and returns them; again: the same.
    @discardableResult
    func stop() -> [CapturedPacket] {
        lock.lock()
        if stopped { defer { lock.unlock() }; return packets }
        stopping = true
        lock.unlock()
        // Wakes pcap_next_ex out of its poll (libpcap ≥ 1.10 on Linux), which returns -2.
        pcap.breakloop(handle)
        while let t = thread, !t.isFinished { usleep(2000) }
        lock.lock(); defer { lock.unlock() }
        if !stopped { pcap.close(handle); stopped = true }
        return packets
    }
}
