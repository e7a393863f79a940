import NetSim
import TutorCore
import TutorRender

/// Where every part of a sequence diagram goes, worked out once for the whole trace so that
/// nothing moves while it plays: each message's line, its head, its label, the margin notes
/// (states, timers) and the folded gaps. Rows are the diagram's own (0 = the first instant);
/// columns are the grid's. Two shapes: `slanted` (the textbook figure: a line falls from send
/// to arrival) and `ladder` (one row per message, like `--plain`).
struct DiagramLayout: Equatable {
    enum Mode: Equatable { case slanted, ladder }

    struct Cell: Hashable { var x: Int; var row: Int }

    struct Label: Equatable {
        var text: String
        var x: Int
        var row: Int
        var width: Int
        func contains(_ c: Cell) -> Bool { c.row == row && c.x >= x && c.x < x + width }
    }

    struct Arrow: Equatable {
        /// The send event it draws.
        var event: Int
        /// Slanted: Braille dots (two a column, four a row) from the sender's lifeline towards
        /// the head. Ladder: one dot per cell, on the arrow's row.
        var path: [Cell]
        var head: Cell
        var lost: Bool
        var rightward: Bool
        var label: Label? = nil
        /// The cells the line passes through (the head's excluded).
        var cells: Set<Cell>

        init(event: Int, path: [Cell], head: Cell, lost: Bool, rightward: Bool, cells: Set<Cell>) {
            self.event = event; self.path = path; self.head = head; self.lost = lost; self.rightward = rightward; self.cells = cells
        }
    }

    struct Note: Equatable {
        var event: Int
        var text: String
        var x: Int
        var row: Int
    }

    struct Gap: Equatable {
        var row: Int
        var x: Int
        var from: Double
        var to: Double
    }

    var mode: Mode
    var lifelines: [Int]
    var rowCount: Int
    var arrows: [Arrow]
    var notes: [Note]
    /// Ladder: the time of each instant, in the left column.
    var stamps: [Note]
    var gaps: [Gap]
    /// Every message got a label with at least its number and kind ("#3 pkt", "#2 SYN+ACK").
    var legible: Bool
    /// Simulated time to a (fractional) row.
    var times: [Double]
    var rows: [Int]

    func row(of t: Double) -> Double {
        guard let i = times.lastIndex(where: { $0 <= t }) else { return 0 }
        guard i + 1 < times.count else { return Double(rows[i]) }
        let f = (t - times[i]) / (times[i + 1] - times[i])
        return Double(rows[i]) + f * Double(rows[i + 1] - rows[i])
    }

    /// The texts a message's label may take, longest first: `#2 SYN+ACK seq=5000 ack=1001 win=4000`,
    /// then one field fewer at a time down to `#2 SYN+ACK`, then `#2`. The field that says least
    /// goes first: one whose value never changes in the trace (`constant`, the window of a
    /// handshake), then a bare ACK's seq (it repeats), a segment's window before its numbers.
    /// A retransmission keeps its mark.
    static func labelTexts(_ e: TraceEvent, glyphs: Glyphs, constant: Set<String> = []) -> [String] {
        let mark = e.retransmission ? glyphs.retransmit : ""
        let number = mark + (e.n.map { "#\($0)" } ?? "")
        var words = (e.label ?? "").split(separator: " ").map(String.init)
        let order = constant.sorted() + (e.role == .ack ? ["seq=", "win=", "ack=", "len="] : ["win=", "ack=", "len=", "seq="])
        var texts: [String] = []
        while true {
            texts.append(([number] + words).filter { !$0.isEmpty }.joined(separator: " "))
            guard words.count > 1 else { break }
            // Drop the least telling field left, or else the last word.
            let i = order.lazy.compactMap { f in words.indices.dropFirst().first { words[$0].hasPrefix(f) } }.first ?? words.count - 1
            words.remove(at: i)
        }
        if !number.isEmpty && !(e.label ?? "").isEmpty { texts.append(number) }
        return texts
    }

    /// The fields ("win=") that have one value in every label of the trace that has them.
    static func constantFields(_ trace: Trace) -> Set<String> {
        var values: [String: Set<Substring>] = [:]
        for e in trace.events where e.kind == .send {
            for w in (e.label ?? "").split(separator: " ") {
                guard let eq = w.firstIndex(of: "=") else { continue }
                values[String(w[...eq]), default: []].insert(w[w.index(after: eq)...])
            }
        }
        return Set(values.filter { $0.value.count == 1 }.keys)
    }

    /// The shortest text that still counts as legible: the number and the kind.
    static func minimumLegible(_ e: TraceEvent, glyphs: Glyphs) -> Int {
        let texts = labelTexts(e, glyphs: glyphs)
        return TextWidth.width(of: texts[max(0, texts.count - (e.n == nil ? 1 : 2))])
    }

    /// A margin note's text: a state, a timer starting with its length, a timer firing.
    static func noteText(_ e: TraceEvent, in trace: Trace, language: Language) -> String? {
        switch e.kind {
        case .state: return e.state.map { trace.stateName($0, language) }
        case .timerStart: return "\(UIText.timerName(e.timer ?? "timer", language)) \(e.duration.map { "\(Int($0))ms" } ?? "")"
        case .timerFire: return UIText.timerFires(UIText.timerName(e.timer ?? "timer", language), language)
        default: return nil
        }
    }

    /// Whether times show their microseconds: a capture's do (on one machine its handshake
    /// would read "0ms" on every packet); a simulated scene keeps whole milliseconds.
    static func fineTimes(_ trace: Trace) -> Bool { trace.measured && (trace.events.last?.t ?? 0) < 1_000_000 }

    /// "305ms", or "0.037ms" when the times are fine.
    static func timeText(_ t: Double, fine: Bool) -> String {
        guard fine else { return "\(Int(t))ms" }
        let us = Int((t * 1000).rounded())
        let frac = String(us % 1000)
        return "\(us / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)ms"
    }

    /// How wide each end's margin must be for its notes (lane 0 on the left, the last on the right).
    static func margins(_ trace: Trace, language: Language, limit: Int) -> (left: Int, right: Int) {
        func widest(_ lane: String?) -> Int {
            trace.events.filter { $0.endpoint == lane }.compactMap { noteText($0, in: trace, language: language) }.map { TextWidth.width(of: $0) }.max() ?? 0
        }
        let left = widest(trace.endpoints.first), right = widest(trace.endpoints.count > 1 ? trace.endpoints.last : nil)
        return (min(limit, max(6, left + 3)), min(limit, max(6, right + 3)))
    }

    /// Evenly spaced lifeline columns between the margins.
    static func lifelines(count: Int, area: Rect, left: Int, right: Int) -> [Int] {
        let lo = area.x + left, hi = area.maxX - right - 1
        guard count > 1 else { return [lo] }
        return (0..<count).map { lo + ($0 * (hi - lo)) / (count - 1) }
    }
}
