import Dispatch

/// `(0..<count).map(body)` on every core (`check` parses a few thousand independent files),
/// results kept in index order so the output stays deterministic.
enum ParallelMap {
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { results.put(body($0), at: $0) }
        return results.values()
    }

    /// `a()` and `b()` at once (a warm catalog lists the folders while it decodes the index).
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Slots<A>(1), second = Slots<B>(1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in if i == 0 { first.put(a(), at: 0) } else { second.put(b(), at: 0) } }
        return (first.values()[0], second.values()[0])
    }

    /// Each index is written by exactly one iteration and read after all have finished; a raw
    /// buffer, since concurrent writes through an array property trip exclusivity checking.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<T?>
        init(_ count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: nil) }
        deinit { storage.deinitialize(); storage.deallocate() }
        func put(_ value: T, at i: Int) { storage[i] = value }
        func values() -> [T] { storage.map { $0! } }
    }
}
