import NetSim
import TutorCore
import TutorRender

extension DiagramLayout {
    /// The layout for `area`: the slanted figure when every label keeps at least its number and
    /// kind and the lanes are far enough apart, the ladder otherwise, or whichever `mode` asks.
    static func make(_ trace: Trace, area: Rect, mode: Mode?, language: Language, glyphs: Glyphs) -> DiagramLayout {
        if mode != .ladder {
            let s = slanted(trace, area: area, language: language, glyphs: glyphs)
            if mode == .slanted || s.legible { return s }
        }
        return ladder(trace, area: area, language: language, glyphs: glyphs)
    }

    /// Lanes nearer than this cannot show a slant and a label side by side.
    static let minimumLaneGap = 20

    static func slanted(_ trace: Trace, area: Rect, language: Language, glyphs: Glyphs) -> DiagramLayout {
        let m = margins(trace, language: language, limit: area.width / 4)
        let xs = lifelines(count: trace.endpoints.count, area: area, left: m.left, right: m.right)
        let axis = DiagramAxis(trace, rowsPerCrossing: min(8, max(3, (area.height - 2) / 3)))
        var arrows: [Arrow] = []
        let lostSends = trace.lostSends()
        for (i, e) in trace.events.enumerated() where e.kind == .send && e.label != nil {
            let x1 = xs[lane(trace, e.from)], x2 = xs[lane(trace, e.to)]
            let dir = x2 >= x1 ? 1 : -1
            let lost = lostSends.contains(i)
            let r1 = Int(axis.row(e.t).rounded()), r2 = Int(axis.row(e.arrival ?? e.t).rounded())
            let head = Cell(x: lost ? (x1 + x2) / 2 : x2 - dir, row: r2)
            // Dots run from the cell beside the sender's lifeline to the cell before the head,
            // on each row's second dot line (the middle of the cell, where ─ would be).
            let start = Cell(x: 2 * (x1 + dir) + (dir > 0 ? 0 : 1), row: 4 * r1 + 1)
            let end = Cell(x: 2 * (head.x - dir) + (dir > 0 ? 1 : 0), row: 4 * r2 + 1)
            let path = line(from: start, to: end)
            var cells = Set(path.map { Cell(x: $0.x / 2, row: $0.row / 4) })
            cells.remove(head)
            arrows.append(Arrow(event: i, path: path, head: head, lost: lost, rightward: dir > 0, cells: cells))
        }
        let gaps = axis.gaps.map { Gap(row: $0.row, x: (xs.first ?? area.x) + 2, from: $0.from, to: $0.to) }
        var layout = DiagramLayout(mode: .slanted, lifelines: xs, rowCount: axis.count, arrows: arrows, notes: [], stamps: [],
                                   gaps: gaps, legible: true, times: axis.times, rows: axis.rows)
        layout.placeNotes(trace, area: area, language: language, glyphs: glyphs, reserve: 0) { Int(axis.row($1.t).rounded()) }
        layout.placeLabels(trace, glyphs: glyphs)
        if zip(xs, xs.dropFirst()).contains(where: { $1 - $0 < minimumLaneGap }) { layout.legible = false }
        return layout
    }

    /// The ladder: one row per message (a horizontal arrow with its label on it), states and
    /// timers on the row of their instant, the time in a column on the left.
    static func ladder(_ trace: Trace, area: Rect, language: Language, glyphs: Glyphs) -> DiagramLayout {
        let fine = fineTimes(trace)
        // "1050ms" (or "2539.123ms") and a blank.
        let clock = fine ? timeText(trace.events.last?.t ?? 0, fine: true).count + 1 : 7
        let m = margins(trace, language: language, limit: area.width / 4)
        let xs = lifelines(count: trace.endpoints.count, area: area, left: min(area.width / 3, m.left + clock), right: m.right)
        let crossing = DiagramAxis.crossing(trace)
        var layout = DiagramLayout(mode: .ladder, lifelines: xs, rowCount: 0, arrows: [], notes: [], stamps: [], gaps: [],
                                   legible: true, times: [], rows: [])
        var row = -1
        var last: Double?, stamped: Double?
        func newRow(_ t: Double, _ i: Int) {
            row += 1
            layout.times.append(t); layout.rows.append(row)
            if stamped != t { layout.stamps.append(Note(event: i, text: timeText(t, fine: fine), x: area.x + 1, row: row)); stamped = t }
        }
        let lostSends = trace.lostSends(), constant = constantFields(trace)
        var noteRow: [Int: Int] = [:]        // event → row
        var noteRows: [Int: Set<Int>] = [:]  // lane → rows holding one of its notes
        for (i, e) in trace.events.enumerated() {
            defer { last = e.t }
            if let l = last, e.t - l > DiagramAxis.silentCrossings * crossing, trace.inFlight(at: l).isEmpty {
                row += 1
                layout.gaps.append(Gap(row: row, x: (xs.first ?? area.x) + 2, from: l, to: e.t))
            }
            if e.kind == .send, e.label != nil {
                newRow(e.t, i)
                layout.arrows.append(ladderArrow(trace, event: i, row: row, lifelines: xs, glyphs: glyphs, lost: lostSends.contains(i), constant: constant))
            } else if noteText(e, in: trace, language: language) != nil {
                let k = lane(trace, e.endpoint)
                if row < 0 || layout.times.last != e.t || noteRows[k, default: []].contains(row) { newRow(e.t, i) }
                noteRows[k, default: []].insert(row)
                noteRow[i] = row
            }
        }
        layout.rowCount = row + 1
        layout.placeNotes(trace, area: area, language: language, glyphs: glyphs, reserve: clock) { i, _ in noteRow[i] ?? 0 }
        return layout
    }

    /// A ladder message: a horizontal line on its row, the label on the line after two dashes.
    static func ladderArrow(_ trace: Trace, event i: Int, row: Int, lifelines xs: [Int], glyphs: Glyphs, lost: Bool, constant: Set<String>) -> Arrow {
        let e = trace.events[i]
        let x1 = xs[lane(trace, e.from)], x2 = xs[lane(trace, e.to)]
        let dir = x2 >= x1 ? 1 : -1
        let head = Cell(x: lost ? (x1 + x2) / 2 : x2 - dir, row: row)
        let path = stride(from: x1 + dir, through: head.x - dir, by: dir).map { Cell(x: $0, row: row) }
        var arrow = Arrow(event: i, path: path, head: head, lost: lost, rightward: dir > 0, cells: Set(path))
        let texts = labelTexts(e, glyphs: glyphs, constant: constant)
        // On the line after two dashes (a lost message's line is short, its label with it: off
        // the line it would sit nearer the next row's arrow than its own).
        // An arrow that passes other lanes (a resolver asking the TLD past the root) keeps its
        // label in the gap beside its sender, off the lifelines it crosses.
        let next = (dir > 0 ? xs.filter { $0 > x1 }.min() : xs.filter { $0 < x1 }.max()) ?? x2
        let room = min(abs(head.x - x1), abs(next - dir - x1)) - 5
        if let text = texts.first(where: { TextWidth.width(of: $0) <= room }) {
            let w = TextWidth.width(of: text)
            arrow.label = Label(text: text, x: dir > 0 ? x1 + 3 : x1 - 2 - w, row: row, width: w)
        }
        return arrow
    }

    /// Margin notes: left of even lifelines, right of odd ones, stacking down when a row is taken.
    mutating func placeNotes(_ trace: Trace, area: Rect, language: Language, glyphs: Glyphs, reserve: Int, row: (Int, TraceEvent) -> Int) {
        var taken: [Int: Set<Int>] = [:]
        for (i, e) in trace.events.enumerated() {
            guard let text = Self.noteText(e, in: trace, language: language) else { continue }
            let k = Self.lane(trace, e.endpoint), onLeft = k % 2 == 0, lx = lifelines[k]
            var r = row(i, e)
            while taken[k, default: []].contains(r) { r += 1 }
            taken[k, default: []].insert(r)
            let room = onLeft ? lx - 1 - (k > 0 ? lifelines[k - 1] + 2 : area.x + 1 + reserve)
                              : (k + 1 < lifelines.count ? lifelines[k + 1] - 2 : area.maxX) - (lx + 2)
            let shown = TextWidth.truncate(text, to: max(1, room), ellipsis: glyphs.ellipsis)
            let w = TextWidth.width(of: shown)
            notes.append(Note(event: i, text: shown, x: onLeft ? lx - 1 - w : lx + 2, row: r))
            rowCount = max(rowCount, r + 1)
        }
    }

    /// Labels along the slanted lines, in send order, around the notes and gap markers.
    mutating func placeLabels(_ trace: Trace, glyphs: Glyphs) {
        var blocked = Set<Cell>()
        for n in notes { for x in n.x..<(n.x + TextWidth.width(of: n.text)) { blocked.insert(Cell(x: x, row: n.row)) } }
        for g in gaps { for x in g.x..<(g.x + 12) { blocked.insert(Cell(x: x, row: g.row)) } }
        var placer = LabelPlacer(arrows: arrows, lifelines: lifelines, blocked: blocked)
        let constant = Self.constantFields(trace)
        for i in arrows.indices {
            let e = trace.events[arrows[i].event]
            let x1 = lifelines[Self.lane(trace, e.from)], x2 = lifelines[Self.lane(trace, e.to)]
            arrows[i].label = placer.place(arrows[i], id: i, texts: Self.labelTexts(e, glyphs: glyphs, constant: constant), lane: min(x1, x2)...max(x1, x2))
            if (arrows[i].label?.width ?? 0) < Self.minimumLegible(e, glyphs: glyphs) { legible = false }
        }
    }

    static func lane(_ trace: Trace, _ name: String?) -> Int { trace.endpoints.firstIndex { $0 == name } ?? 0 }

    /// The dots of a straight line (Bresenham), both ends included.
    static func line(from a: Cell, to b: Cell) -> [Cell] {
        var out: [Cell] = []
        var x = a.x, y = a.row
        let dx = abs(b.x - a.x), dy = -abs(b.row - a.row)
        let sx = a.x < b.x ? 1 : -1, sy = a.row < b.row ? 1 : -1
        var err = dx + dy
        while true {
            out.append(Cell(x: x, row: y))
            if x == b.x && y == b.row { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
        return out
    }
}
