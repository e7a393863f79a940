import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Properties of every scene's diagram at many widths: a label never covers another label,
/// an arrowhead or a lifeline, stays between its lanes, is nearer its own arrow than any
/// other, and is still on screen, whole, once everything is drawn.
@Suite("Diagram layout properties over every scene")
struct DiagramLayoutPropertyTests {
    typealias Cell = DiagramLayout.Cell

    /// Every sequence scene as it plays by default, and with its second segment dropped.
    static var traces: [(String, Trace)] {
        SceneCatalog.all.filter { $0.kind == .sequence }.flatMap { spec -> [(String, Trace)] in
            var out = [(spec.id, try! spec.simulate(SceneOptions()))]
            if spec.options.contains(.drop) {
                var o = SceneOptions(); o.drops = [2]
                out.append(("\(spec.id) --drop 2", try! spec.simulate(o)))
            }
            return out
        }
    }

    /// Chebyshev distance from a label's cells to an arrow (its line and its head).
    static func distance(_ l: DiagramLayout.Label, _ a: DiagramLayout.Arrow) -> Int {
        (a.cells.union([a.head])).map { c in max(abs(c.row - l.row), c.x < l.x ? l.x - c.x : c.x >= l.x + l.width ? c.x - (l.x + l.width - 1) : 0) }.min() ?? .max
    }

    /// The text of `row` between two display columns (Hangul counts two).
    static func columns(_ row: String, from x: Int, width: Int) -> String {
        var column = 0, out = ""
        for c in row {
            if column >= x && column < x + width { out.append(c) }
            column += TextWidth.width(of: c)
        }
        return out
    }

    static func problems(_ layout: DiagramLayout, _ trace: Trace) -> [String] {
        var out: [String] = []
        let labelled = layout.arrows.filter { $0.label != nil }
        let lifelines = Set(layout.lifelines)
        for a in labelled {
            let l = a.label!, e = trace.events[a.event]
            let x1 = layout.lifelines[DiagramLayout.lane(trace, e.from)], x2 = layout.lifelines[DiagramLayout.lane(trace, e.to)]
            if l.x <= min(x1, x2) || l.x + l.width - 1 >= max(x1, x2) { out.append("\(l.text) leaves its lanes") }
            if (l.x..<(l.x + l.width)).contains(where: lifelines.contains) { out.append("\(l.text) covers a lifeline") }
            // Touching a lifeline reads as glued to it; only the sender's, where the line starts, may.
            let sender = layout.lifelines[DiagramLayout.lane(trace, e.from)]
            if layout.mode == .slanted, [l.x - 1, l.x + l.width].contains(where: { lifelines.contains($0) && $0 != sender }) {
                out.append("\(l.text) touches the receiver's lifeline")
            }
            for b in layout.arrows where (l.x..<(l.x + l.width)).contains(where: { Cell(x: $0, row: l.row) == b.head }) {
                out.append("\(l.text) covers the head of #\(trace.events[b.event].n ?? 0)")
            }
            for b in labelled where b.event != a.event {
                let m = b.label!
                if m.row == l.row && m.x < l.x + l.width && l.x < m.x + m.width { out.append("\(l.text) overlaps \(m.text)") }
            }
            for n in layout.notes where n.row == l.row && n.x < l.x + l.width && l.x < n.x + TextWidth.width(of: n.text) {
                out.append("\(l.text) overlaps the note \(n.text)")
            }
            let own = distance(l, a)
            for b in layout.arrows where b.event != a.event && distance(l, b) <= own {
                out.append("\(l.text) is as near #\(trace.events[b.event].n ?? 0) (\(distance(l, b))) as its own arrow (\(own))")
            }
        }
        return out
    }

    @Test("No label overlaps another label, a head, a note or a lifeline, or touches the receiver's; each is nearest its own arrow",
          arguments: [DiagramLayout.Mode.slanted, .ladder])
    func labelsBelongToTheirArrows(mode: DiagramLayout.Mode) {
        for (name, trace) in Self.traces {
            for width in [60, 80, 100, 120, 160, 200] {
                for height in [14, 30] {
                    let area = Rect(x: 0, y: 0, width: width, height: height)
                    let layout = DiagramLayout.make(trace, area: area, mode: mode, language: .en, glyphs: .unicode)
                    let found = Self.problems(layout, trace)
                    #expect(found.isEmpty, "\(name) \(mode) \(width)x\(height): \(found.prefix(5))")
                }
            }
        }
    }

    /// Drawn to the end at the height of the whole trace, every label reads whole where the
    /// layout put it: nothing drawn later (notes, heads, markers) covered any of it.
    @Test("Every placed label is on screen, whole, at the end of every scene")
    func labelsSurviveDrawing() {
        for (name, trace) in Self.traces {
            for width in [80, 120] {
                for language in [Language.en, .ko] {
                    let probe = DiagramLayout.make(trace, area: Rect(x: 0, y: 0, width: width, height: 30), mode: nil, language: language, glyphs: .unicode)
                    let area = Rect(x: 0, y: 0, width: width, height: max(30, probe.rowCount))
                    var grid = CellGrid(width: width, height: area.height)
                    let layout = DiagramLayout.make(trace, area: Rect(x: 0, y: 0, width: width, height: 30), mode: probe.mode, language: language, glyphs: .unicode)
                    SequenceDiagram(trace: trace, layout: layout, time: trace.events.last!.t, cursor: trace.events.count - 1, hiddenLabel: nil,
                                    glyphs: .unicode, language: language).render(into: &grid, area: area)
                    let rows = GridLiteral.rows(of: grid)
                    for a in layout.arrows {
                        guard let l = a.label else { continue }
                        let shown = Self.columns(rows[l.row], from: l.x, width: l.width)
                        #expect(shown == l.text, "\(name) \(width) \(language): \(l.text) reads \(shown) at \(l.x),\(l.row): |\(rows[l.row])|")
                    }
                }
            }
        }
    }

    /// The two views are both used: the handshake fits slanted at 80 and 120 columns; four lanes
    /// at 80 columns cannot give each slant a label, so the ladder is chosen.
    @Test("Slanted when it reads, the ladder when it cannot")
    func choosesTheView() throws {
        let handshake = try SceneSpec.tcp3Way.simulate(SceneOptions())
        for width in [80, 120] {
            #expect(DiagramLayout.make(handshake, area: Rect(x: 0, y: 0, width: width, height: 16), mode: nil, language: .en, glyphs: .unicode).mode == .slanted)
        }
        let side = try SceneSpec.udpVsTcp.simulate(SceneOptions())
        #expect(DiagramLayout.make(side, area: Rect(x: 0, y: 0, width: 80, height: 16), mode: nil, language: .en, glyphs: .unicode).mode == .ladder)
    }
}
