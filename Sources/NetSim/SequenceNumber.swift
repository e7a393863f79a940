/// TCP sequence-number arithmetic (RFC 9293 §3.4): numbers live in a 32-bit space and all
/// arithmetic is modulo 2^32.
public struct SequenceNumber: Sendable, Hashable, CustomStringConvertible {
    public var value: UInt32
    public init(_ value: UInt32) { self.value = value }

    /// The number `count` octets later, wrapping at 2^32.
    public func advanced(by count: UInt32) -> SequenceNumber { SequenceNumber(value &+ count) }

    /// SYN and FIN each occupy one sequence number (RFC 9293 §3.4), so the acknowledgment of a
    /// SYN or FIN carrying `seq` is `seq + 1`; data of length `n` is acknowledged with `seq + n`.
    public static func acknowledgment(of seq: SequenceNumber, dataLength: UInt32 = 0, syn: Bool = false, fin: Bool = false) -> SequenceNumber {
        seq.advanced(by: dataLength + (syn ? 1 : 0) + (fin ? 1 : 0))
    }

    public var description: String { String(value) }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same numbers on every
/// platform, so generated questions and simulations are reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
