import NetSim
import TutorRender

/// The sequence diagram: one lifeline per endpoint, time running down, each message an arrow
/// from its send row to its arrival (part-way while in flight, ✕ where lost), states and
/// timers in the margins. It shows the trace as of `time`, events up to `cursor`.
struct SequenceDiagram {
    var trace: Trace
    /// Displayed simulation time in ms.
    var time: Double
    /// Index of the current event (-1: before the first); later events are not drawn.
    var cursor: Int
    /// The send event whose label is hidden (predict mode asks for it).
    var hiddenLabel: Int?
    /// The lifelines' columns (the screen puts the endpoints' names above them).
    var lifelines: [Int]
    var glyphs: Glyphs

    /// Evenly spaced lifeline columns inside the margins.
    static func lifelines(count: Int, area: Rect, margin: Int) -> [Int] {
        let left = area.x + margin, right = area.maxX - margin - 1
        guard count > 1 else { return [left] }
        return (0..<count).map { left + ($0 * (right - left)) / (count - 1) }
    }

    /// The time axis: each distinct event time gets a row; rows between follow elapsed time
    /// (one row per 12.5 ms, so a 50 ms one-way delay spans four rows), and a pause longer than
    /// 300 ms collapses into a two-row gap marked with its length.
    struct TimeAxis {
        var times: [Double] = []
        var rows: [Int] = []
        var gaps: [(row: Int, ms: Double)] = []
        var count = 0

        init(_ trace: Trace) {
            var r = 1  // row 0 holds the label of a segment sent at the first instant
            for t in Set(trace.events.map(\.t) + trace.events.compactMap(\.arrival)).sorted() {
                if let last = times.last {
                    let d = t - last
                    if d > 300 { gaps.append((r + 1, d)); r += 3 } else { r += max(1, Int((d / 12.5).rounded())) }
                }
                times.append(t); rows.append(r)
            }
            count = r + 1
        }

        /// Row of a time, interpolated between known times.
        func row(_ t: Double) -> Double {
            guard let i = times.lastIndex(where: { $0 <= t }) else { return 0 }
            guard i + 1 < times.count else { return Double(rows[i]) }
            let f = (t - times[i]) / (times[i + 1] - times[i])
            return Double(rows[i]) + f * Double(rows[i + 1] - rows[i])
        }
    }

    func render(into grid: inout CellGrid, area: Rect) {
        let xs = lifelines
        guard let left = xs.first, let right = xs.last, area.height > 2, right - left > 8 else { return }
        let axis = TimeAxis(trace)
        let events = trace.events
        let now = time
        let currentRow = Int(axis.row(now).rounded())
        let top = max(0, min(currentRow - area.height * 2 / 3, axis.count - area.height))
        func y(_ row: Int) -> Int? { let yy = area.y + row - top; return yy >= area.y && yy < area.maxY ? yy : nil }
        func index(_ endpoint: String?) -> Int { trace.endpoints.firstIndex { $0 == endpoint } ?? 0 }
        func x(_ endpoint: String?) -> Int { xs[index(endpoint)] }
        for yy in area.y..<area.maxY {
            for lx in xs { grid.put(glyphs.vertical, x: lx, y: yy, style: Style(.border)) }
        }
        for gap in axis.gaps {
            if let yy = y(gap.row) { grid.put("\(glyphs.ellipsis) +\(Int(gap.ms))ms", x: left + 2, y: yy, style: Style(.dim)) }
        }
        let revealed = max(0, cursor + 1)
        // Annotations (states, timers) go in the margins, stacking down when a row is taken.
        var taken: [Int: Set<Int>] = [:]
        var labelRows = Set<Int>()
        // Heads are drawn last, arrivals over departures, so a segment leaving where another
        // arrives does not hide the arrowhead.
        var heads: [(x: Int, y: Int, glyph: String, style: Style, arrived: Bool)] = []
        for (i, e) in events.prefix(revealed).enumerated() {
            let highlight = i == cursor
            let row = Int(axis.row(e.t).rounded())
            switch e.kind {
            case .send:
                guard let label = e.label else { continue }
                let x1 = x(e.from), x2 = x(e.to)
                let dir = x2 > x1 ? 1 : -1
                let laneLo = min(x1, x2), laneHi = max(x1, x2)
                let lost = trace.isLost(e)
                let end = e.arrival ?? (e.t + 1)
                let endRow = Int(axis.row(end).rounded())
                let progress = end > e.t ? min(1, max(0, (now - e.t) / (end - e.t))) : 1
                let xEnd = lost ? (x1 + x2) / 2 : x2 - dir
                let style = Style(Self.role(e.role), bold: highlight)
                // The line: from (x1, row) to (xEnd, endRow), drawn as far as the packet has got.
                let rowsSpan = max(1, endRow - row)
                let reach = Double(rowsSpan) * progress
                var prevX = x1 + dir
                for k in 0...rowsSpan where Double(k) <= reach + 0.001 {
                    let f = min(progress, Double(k) / Double(rowsSpan))
                    let xk = x1 + dir + Int((Double(xEnd - x1 - dir) * f).rounded())
                    if let yy = y(row + k) {
                        let lo = max(laneLo + 1, min(prevX, xk)), hi = min(laneHi - 1, max(prevX, xk))
                        if lo <= hi { for xx in lo...hi { grid.put(glyphs.horizontal, x: xx, y: yy, style: style) } }
                    }
                    prevX = xk
                }
                let headRow = row + Int(reach.rounded(.down))
                if let yy = y(min(headRow, endRow)) {
                    let head: String
                    if progress < 1 { head = glyphs.bullet } else if lost { head = glyphs.loss } else { head = dir > 0 ? glyphs.arrowRight : glyphs.arrowLeft }
                    let hx = min(laneHi - 1, max(laneLo + 1, prevX))
                    heads.append((hx, yy, head, Style(lost && progress >= 1 ? .loss : Self.role(e.role), bold: true), progress >= 1))
                }
                // The label just above the line's start, on a free row.
                var lr = row - 1
                while labelRows.contains(lr) { lr -= 1 }
                labelRows.insert(lr)
                if let yy = y(lr) {
                    let hidden = hiddenLabel == i
                    let label = hidden ? "#\(e.n ?? 0) ?" : (e.n.map { "#\($0) \(label)" } ?? label)
                    let w = TextWidth.width(of: label)
                    let lx = dir > 0 ? laneLo + 2 : max(laneLo + 2, laneHi - 1 - w)
                    grid.put(label, x: lx, y: yy, style: Style(Self.role(e.role), bold: true, underline: highlight),
                             clip: Rect(x: laneLo + 1, y: yy, width: laneHi - laneLo - 1, height: 1))
                }
            case .state, .timerStart, .timerFire:
                let side = index(e.endpoint)
                let onLeft = side % 2 == 0  // even lifelines annotate on their left, odd on their right
                var r = row
                while taken[side, default: []].contains(r) { r += 1 }
                taken[side, default: []].insert(r)
                guard let yy = y(r) else { continue }
                let text: String
                switch e.kind {
                case .state: text = e.state ?? ""
                case .timerStart: text = "\(e.timer ?? "timer") \(e.duration.map { "\(Int($0))ms" } ?? "")"
                default: text = "\(e.timer ?? "timer")!"
                }
                let lx = xs[side]
                let room = (onLeft ? lx - (side > 0 ? xs[side - 1] + 1 : area.x) : (side + 1 < xs.count ? xs[side + 1] - 1 : area.maxX) - lx) - 2
                let shown = TextWidth.truncate(text, to: max(1, room), ellipsis: glyphs.ellipsis)
                let tx = onLeft ? lx - 1 - TextWidth.width(of: shown) : lx + 2
                grid.put(shown, x: tx, y: yy, style: Style(e.kind == .state ? .accent : .timer, bold: e.kind == .state || highlight, reverse: highlight))
            default:
                break
            }
        }
        for h in heads where !h.arrived { grid.put(h.glyph, x: h.x, y: h.y, style: h.style) }
        for h in heads where h.arrived { grid.put(h.glyph, x: h.x, y: h.y, style: h.style) }
        if let yy = y(currentRow) { grid.put(glyphs.pointer, x: area.x, y: yy, style: Style(.accent, bold: true)) }
    }

    /// The theme role of a message: the trace says what it does, the theme how that looks.
    static func role(_ role: MessageRole?) -> Role {
        switch role {
        case .open: .syn
        case .close: .fin
        case .reset: .loss
        case .data: .data
        case .ack, nil: .ack
        }
    }

}
