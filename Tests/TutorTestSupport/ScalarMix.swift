/// Strings mixed from a pool of scalars by a fixed seed, for tests that check a fast byte scan
/// against the scalar rule it stands for (the same strings every run).
public enum ScalarMix {
    public static func strings(from pool: [Unicode.Scalar], count: Int, seed start: UInt64) -> [String] {
        var seed = start
        return (0..<count).map { _ in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            var s = String.UnicodeScalarView()
            for k in 0..<Int(seed >> 60) + 1 { s.append(pool[Int((seed >> UInt64(k * 7 % 59)) % UInt64(pool.count))]) }
            return String(s)
        }
    }
}
