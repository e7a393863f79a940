/// The byte format of the content index files: LEB128 integers, length-prefixed UTF-8, and a
/// trailing FNV-1a checksum. The file is untrusted input (anyone may write the cache folder, a
/// crash may truncate it), so the reader bounds-checks every length against what is left and
/// answers nil at the first thing out of place; the caller then treats the file as absent.
struct IndexWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint(_ v: UInt64) {
        var v = v
        repeat {
            let low = UInt8(v & 0x7F); v >>= 7
            bytes.append(v == 0 ? low : low | 0x80)
        } while v != 0
    }
    mutating func int(_ v: Int64) { uint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }   // zigzag
    mutating func int(_ v: Int) { int(Int64(v)) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) { uint(UInt64(s.utf8.count)); bytes.append(contentsOf: s.utf8) }
    mutating func strings(_ list: [String]) { uint(UInt64(list.count)); for s in list { string(s) } }

    /// The bytes with their checksum appended.
    func sealed() -> [UInt8] {
        var out = bytes
        var sum = IndexChecksum.fnv1a(bytes)
        for _ in 0..<8 { out.append(UInt8(sum & 0xFF)); sum >>= 8 }
        return out
    }
}

struct IndexReader {
    private let bytes: [UInt8]
    private var at = 0

    /// A reader over the payload, or nil when the checksum does not match (truncated, edited).
    init?(sealed: [UInt8]) {
        guard sealed.count >= 8 else { return nil }
        let payload = Array(sealed[..<(sealed.count - 8)])
        var stored: UInt64 = 0
        for (i, b) in sealed[(sealed.count - 8)...].enumerated() { stored |= UInt64(b) << (8 * UInt64(i)) }
        guard stored == IndexChecksum.fnv1a(payload) else { return nil }
        bytes = payload
    }

    var atEnd: Bool { at == bytes.count }

    mutating func uint() -> UInt64? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while at < bytes.count, shift < 64 {
            let b = bytes[at]; at += 1
            v |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return v }
            shift += 7
        }
        return nil
    }
    mutating func int64() -> Int64? {
        guard let u = uint() else { return nil }
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }
    /// An Int within `range` (line numbers, counts, orders), else nil.
    mutating func int(in range: ClosedRange<Int> = Int(Int32.min)...Int(Int32.max)) -> Int? {
        guard let v = int64(), v >= Int64(range.lowerBound), v <= Int64(range.upperBound) else { return nil }
        return Int(v)
    }
    mutating func bool() -> Bool? {
        guard at < bytes.count, bytes[at] <= 1 else { return nil }
        defer { at += 1 }
        return bytes[at] == 1
    }
    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = uint(), n <= UInt64(bytes.count - at) else { return nil }
        return Int(n)
    }
    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { at += n }
        // Over the contiguous buffer: the generic slice path was a tenth of a warm start.
        return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[at..<(at + n)]), as: UTF8.self) }
    }
    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { guard let s = string() else { return nil }; out.append(s) }
        return out
    }
}

enum IndexChecksum {
    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
