/// The byte format of the content index files: LEB128 integers, length-prefixed UTF-8, and a
/// trailing checksum (FNV-1a steps over 8-byte words). The file is untrusted input (anyone may write the cache folder, a
/// crash may truncate it), so the reader bounds-checks every length against what is left and
/// answers nil at the first thing out of place; the caller then treats the file as absent.
import Foundation

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
        var sum = IndexChecksum.words(bytes[...])
        for _ in 0..<8 { out.append(UInt8(sum & 0xFF)); sum >>= 8 }
        return out
    }
}

struct IndexReader {
    private let bytes: [UInt8]
    private var at = 0
    /// Where the payload ends: the checksum follows it (read in place, not copied).
    private let end: Int

    /// A reader over the payload, or nil when the checksum does not match (truncated, edited).
    init?(sealed: [UInt8]) {
        guard sealed.count >= 8 else { return nil }
        end = sealed.count - 8
        var stored: UInt64 = 0
        for (i, b) in sealed[end...].enumerated() { stored |= UInt64(b) << (8 * UInt64(i)) }
        guard stored == IndexChecksum.words(sealed[..<end]) else { return nil }
        bytes = sealed
    }

    var atEnd: Bool { at == end }

    mutating func uint() -> UInt64? {
        var v: UInt64 = 0, shift: UInt64 = 0
        while at < end, shift < 64 {
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
        guard at < end, bytes[at] <= 1 else { return nil }
        defer { at += 1 }
        return bytes[at] == 1
    }
    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() -> Int? {
        guard let n = uint(), n <= UInt64(end - at) else { return nil }
        return Int(n)
    }
    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { at += n }
        // Decoding repairs invalid UTF-8, so a string is valid when its bytes come back unchanged.
        // (`String(validating:as:)` is generic: its metadata lookup per string was a tenth of a warm start.)
        return bytes.withUnsafeBufferPointer { all in
            let raw = UnsafeBufferPointer(rebasing: all[at..<(at + n)])
            let s = String(decoding: raw, as: UTF8.self)
            var copy = s
            let same = copy.utf8.count == n && copy.withUTF8 { n == 0 || memcmp($0.baseAddress!, raw.baseAddress!, n) == 0 }
            return same ? s : nil
        }
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
    /// FNV-1a's step over 8-byte little-endian words, then the last bytes one by one: a
    /// megabyte index is summed in a tenth of the byte-wise time (it is read on every start).
    static func words(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var h: UInt64 = 0xcbf29ce484222325, i = 0
            while i + 8 <= raw.count {
                h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x100000001b3
                h ^= h >> 29  // spreads the high bits down, as the byte-wise sum's shifts did
                i += 8
            }
            while i < raw.count { h = (h ^ UInt64(raw[i])) &* 0x100000001b3; i += 1 }
            return h
        }
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
