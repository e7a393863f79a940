import NetSim

/// The slanted diagram's time axis: simulated time to rows. A typical one-way crossing spans
/// `rowsPerCrossing` rows, so an arrow's slant reads as its delay; distinct instants are at
/// least a row apart so each send gets a row of its own; a silent stretch (nothing on the
/// wire) longer than a few crossings folds into a three-row gap marked with its length.
struct DiagramAxis: Equatable {
    struct Gap: Equatable {
        /// The row that carries the gap's marker.
        var row: Int
        var from: Double
        var to: Double
    }

    /// A stretch with nothing on the wire folds when it is longer than this many crossings.
    static let silentCrossings = 1.5
    static let maxRowsPerCrossing = 12

    var times: [Double] = []
    var rows: [Int] = []
    var gaps: [Gap] = []
    /// Rows the whole trace takes.
    var count = 1

    /// `rowsPerCrossing` is at least what the area asks; pipelined sends (closer together than a
    /// crossing) stretch it so that consecutive sends are two rows apart, each line slanted
    /// enough to be told from its neighbours and with a row of its own for its label.
    init(_ trace: Trace, rowsPerCrossing: Int) {
        let crossing = Self.crossing(trace)
        let sendTimes = Set(trace.events.filter { $0.kind == .send }.map(\.t)).sorted()
        let closest = zip(sendTimes, sendTimes.dropFirst()).map { $1 - $0 }.min() ?? crossing
        let rowsNeeded = Int((2 * crossing / max(closest, 1)).rounded(.up))
        let msPerRow = crossing / Double(max(1, rowsPerCrossing, min(Self.maxRowsPerCrossing, rowsNeeded)))
        let sends = Set(sendTimes)
        var r = 0
        for t in Set(trace.events.map(\.t) + trace.events.compactMap(\.arrival)).sorted() {
            if let last = times.last {
                let d = t - last
                if d > Self.silentCrossings * crossing && trace.inFlight(at: last).isEmpty {
                    gaps.append(Gap(row: r + 2, from: last, to: t)); r += 4
                } else {
                    r += max(sends.contains(t) ? 2 : 1, Int((d / msPerRow).rounded()))
                }
            }
            times.append(t); rows.append(r)
        }
        count = r + 1
    }

    /// The median one-way delay of the trace's delivered messages (50 ms when none).
    static func crossing(_ trace: Trace) -> Double {
        let lost = trace.lostSends()
        let delays = trace.events.indices.compactMap { i -> Double? in
            let e = trace.events[i]
            guard e.kind == .send, let a = e.arrival, a > e.t, !lost.contains(i) else { return nil }
            return a - e.t
        }.sorted()
        return delays.isEmpty ? 50 : delays[delays.count / 2]
    }

    /// The row of a time, interpolated between known times (a gap's rows are all its own).
    func row(_ t: Double) -> Double {
        guard let i = times.lastIndex(where: { $0 <= t }) else { return 0 }
        guard i + 1 < times.count else { return Double(rows[i]) }
        let f = (t - times[i]) / (times[i + 1] - times[i])
        return Double(rows[i]) + f * Double(rows[i + 1] - rows[i])
    }
}
