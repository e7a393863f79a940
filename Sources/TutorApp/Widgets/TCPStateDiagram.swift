import NetSim
import TutorCore
import TutorRender

/// `s`: RFC 9293 Figure 5 (laid out in `TCPStateFigure`) with both endpoints' states in reverse
/// video and the transition just taken in bold, named again in a two-line legend.
struct TCPStateDiagram {
    /// An endpoint, its state and the place that state is drawn (nil for a state the figure
    /// does not have).
    struct Mark: Hashable {
        var endpoint: String
        var state: String
        var place: TCPStateFigure.Place?
    }

    /// A change of state: the endpoint's state before a `.state` event and after it.
    struct Step: Hashable {
        var endpoint: String
        var from: String
        var to: String
    }

    /// In the trace's endpoint order.
    var marks: [Mark]
    /// The latest change at or before the cursor.
    var step: Step?
    var language: Language
    var glyphs: Glyphs

    /// Rows under the figure: the states now, the last change.
    static let legendHeight = 2

    init(trace: Trace, cursor: Int, language: Language, glyphs: Glyphs) {
        step = Self.lastStep(in: trace, through: cursor)
        marks = trace.endpoints.compactMap { name in
            guard let state = trace.state(of: name, at: cursor) else { return nil }
            return Mark(endpoint: name, state: state,
                        place: Self.place(of: state, after: Self.lastStep(in: trace, through: cursor, of: name)))
        }
        self.language = language; self.glyphs = glyphs
    }

    /// The latest `.state` event at or before `cursor` (of `endpoint`, or of anyone), with the
    /// state it left: the endpoint's state after the event before it.
    static func lastStep(in trace: Trace, through cursor: Int, of endpoint: String? = nil) -> Step? {
        guard cursor >= 0, let i = trace.events.prefix(cursor + 1).lastIndex(where: {
            $0.kind == .state && (endpoint == nil || $0.endpoint == endpoint)
        }), let who = trace.events[i].endpoint, let to = trace.events[i].state else { return nil }
        let from = trace.state(of: who, at: i - 1) ?? trace.initialState ?? ""
        return Step(endpoint: who, from: from, to: to)
    }

    /// Where a state is drawn. CLOSED is the bottom one when it was reached by an edge that
    /// ends there (LAST-ACK, TIME-WAIT), the top one otherwise (before opening, after a reset).
    static func place(of state: String, after step: Step?) -> TCPStateFigure.Place? {
        if let step, step.to == state, let e = TCPStateFigure.edge(from: step.from, to: step.to) {
            return TCPStateFigure.edges[e].to
        }
        return TCPStateFigure.Place.allCases.first { $0.state.rawValue == state }
    }

    /// The figure's edge for the last change, if it has one.
    var takenEdge: Int? { step.flatMap { TCPStateFigure.edge(from: $0.from, to: $0.to) } }

    /// Where the figure's top-left corner lands inside `inner`: centred, and top-aligned when
    /// there is no room to spare.
    static func origin(in inner: Rect) -> TCPStateFigure.XY {
        let h = TCPStateFigure.height + legendHeight
        return TCPStateFigure.XY(inner.x + max(0, (inner.width - TCPStateFigure.width) / 2),
                                 inner.y + max(0, (inner.height - h) / 2))
    }

    /// Draws the box and, inside it, the figure and the legend, which need 71×20 inside the
    /// box; a smaller area (below the app's 80×24 minimum) clips them.
    func render(into grid: inout CellGrid, area: Rect) {
        let inner = Box(title: UIText.tcpStatesTitle[language], style: Style(.accent))
            .render(into: &grid, area: area, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let o = Self.origin(in: inner)
        let taken = takenEdge.map { TCPStateFigure.edges[$0] }
        let strong = Style(.accent, bold: true)

        // Lines first, merged across edges so that joins get tees; then arrowheads on top.
        var lines: [TCPStateFigure.XY: TCPStateFigure.Ways] = [:]
        var heads: [TCPStateFigure.XY: TCPStateFigure.Ways] = [:]
        var bold: Set<TCPStateFigure.XY> = []
        for edge in TCPStateFigure.edges {
            let c = TCPStateFigure.cells(of: edge)
            lines.merge(c.lines) { $0.union($1) }
            heads[c.head] = c.pointing
            if let taken, taken.from == edge.from, taken.to == edge.to { bold.formUnion(c.lines.keys); bold.insert(c.head) }
        }
        for (p, ways) in lines {
            let g = heads[p].map(arrow) ?? line(ways)
            grid.put(g, x: o.x + p.x, y: o.y + p.y, style: bold.contains(p) ? strong : Style(.border), clip: inner)
        }
        // A shared label is drawn once per edge; the taken edge's again last, so it is bold.
        for edge in TCPStateFigure.edges + (taken.map { [$0] } ?? []) {
            let isTaken = taken.map { $0.from == edge.from && $0.to == edge.to } ?? false
            grid.put(edge.label, x: o.x + edge.labelAt.x, y: o.y + edge.labelAt.y, style: isTaken ? strong : Style(.normal), clip: inner)
        }
        let here = Set(marks.compactMap(\.place))
        for place in TCPStateFigure.Place.allCases {
            let style = here.contains(place) ? Style(.accent, bold: true, reverse: true) : Style(.heading)
            grid.put(place.text, x: o.x + place.origin.x, y: o.y + place.origin.y, style: style, clip: inner)
        }
        renderLegend(into: &grid, x: o.x, y: o.y + TCPStateFigure.height, clip: inner)
    }

    /// "Now  client: SYN-SENT   server: LISTEN" and "Last step  client: CLOSED → SYN-SENT
    /// (active OPEN / snd SYN)", the states in the same reverse video as in the figure.
    func renderLegend(into grid: inout CellGrid, x: Int, y: Int, clip: Rect) {
        // Both prefixes padded to one width, so the two lines start their entries together.
        let prefixes = [UIText.tcpStatesNow[language], UIText.tcpStatesLastStep[language]]
        let w = prefixes.map { TextWidth.width(of: $0) }.max() ?? 0
        var now: Line = [Span(TextWidth.pad(prefixes[0], to: w + 2), Style(.dim))]
        for (i, m) in marks.enumerated() {
            now += [Span((i == 0 ? "" : "   ") + UIText.laneName(m.endpoint, language) + ": "), Span(m.state, Style(.accent, bold: true, reverse: true))]
        }
        var last: Line = [Span(TextWidth.pad(prefixes[1], to: w + 2), Style(.dim))]
        if let step {
            last.append(Span("\(UIText.laneName(step.endpoint, language)): \(step.from) \(glyphs.arrowRight) \(step.to)", Style(.accent, bold: true)))
            let note = takenEdge.map { TCPStateFigure.edges[$0].label } ?? UIText.tcpStatesOffFigure[language]
            last.append(Span("  (\(note))", Style(.dim)))
        } else {
            last.append(Span(UIText.tcpStatesNoStep[language], Style(.dim)))
        }
        grid.put(now, x: x, y: y, clip: clip)
        grid.put(last, x: x, y: y + 1, clip: clip)
    }

    /// The arrowhead pointing `way`.
    func arrow(_ way: TCPStateFigure.Ways) -> String {
        switch way {
        case .up: glyphs.arrowUp
        case .left: glyphs.arrowLeft
        case .right: glyphs.arrowRight
        default: glyphs.arrowDown
        }
    }

    /// The box-drawing glyph joining the ways a line leaves a cell.
    func line(_ ways: TCPStateFigure.Ways) -> String {
        switch ways {
        case [.down, .right]: glyphs.topLeft
        case [.down, .left]: glyphs.topRight
        case [.up, .right]: glyphs.bottomLeft
        case [.up, .left]: glyphs.bottomRight
        case [.up, .down, .right]: glyphs.teeRight
        case [.up, .down, .left]: glyphs.teeLeft
        case [.left, .right, .down]: glyphs.teeDown
        case [.left, .right, .up]: glyphs.teeUp
        case [.up, .down, .left, .right]: glyphs.cross
        default: ways.isDisjoint(with: [.left, .right]) ? glyphs.vertical : glyphs.horizontal
        }
    }
}
