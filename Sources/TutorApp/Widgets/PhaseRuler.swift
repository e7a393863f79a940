import NetSim
import TutorCore
import TutorRender

/// httpstat-like ruler, two rows: one band per phase (DNS, TCP, TLS, server, transfer) as wide
/// as its share of the total time, the current one bold; below it the cumulative times where
/// each band ends (curl's namelookup, connect, appconnect, starttransfer, total).
struct PhaseRuler: Sendable {
    var phases: [JourneyPhase]
    /// Simulated time of the packet on screen: the phase it falls in is highlighted.
    var now: Double
    var language: Language

    static let height = 2

    func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let y = area.y
        let total = max(1, phases.last?.end ?? 1)
        let width = area.width - 2
        func name(_ ph: JourneyPhase) -> String { language == .ko ? ph.title.ko : ph.title.en }
        func short(_ ph: JourneyPhase) -> String {
            [JourneyPhase.Kind.dns: "DNS", .connect: "TCP", .tls: "TLS", .server: UIText.phaseServer[language], .transfer: UIText.phaseTransfer[language]][ph.kind]!
        }
        let ms = JourneyLabels.milliseconds
        // Proportional widths, but wide enough for the longest labels that fit: full names with
        // times, else short names with times, else short names.
        let proportional = phases.map { Int((Double(width) * $0.duration / total).rounded()) }
        func fit(_ mins: [Int]) -> [Int]? {
            guard mins.reduce(0, +) <= width else { return nil }
            var w = zip(proportional, mins).map { max($0, $1) }
            while w.reduce(0, +) > width, let i = w.indices.filter({ w[$0] > mins[$0] }).max(by: { w[$0] - mins[$0] < w[$1] - mins[$1] }) { w[i] -= 1 }
            return w
        }
        let full = phases.map { TextWidth.width(of: "\(name($0)) \(ms($0.duration))") + 2 }
        let medium = phases.map { TextWidth.width(of: "\(short($0)) \(ms($0.duration))") + 2 }
        let tiny = phases.map { TextWidth.width(of: short($0)) + 2 }
        let widths = fit(full) ?? fit(medium) ?? fit(tiny) ?? phases.map { _ in max(1, width / max(1, phases.count)) }
        var x = area.x + 1
        var marks: [(x: Int, text: String)] = [(x, "0")]
        let roles: [Role] = [.syn, .ack, .fin, .timer, .data]
        for (i, ph) in phases.enumerated() {
            let w = widths[i]
            let current = now >= ph.start && now < ph.end || (i == phases.count - 1 && now >= ph.end)
            let dur = ms(ph.duration)
            var label = "\(name(ph)) \(dur)"
            if TextWidth.width(of: label) > w - 1 { label = "\(short(ph)) \(dur)" }
            if TextWidth.width(of: label) > w - 1 { label = short(ph) }
            let text = TextWidth.pad(" " + TextWidth.truncate(label, to: w - 1, ellipsis: ""), to: w)
            grid.put(text, x: x, y: y, style: Style(roles[i % roles.count], bold: current, reverse: true), clip: area)
            x += w
            marks.append((x - 1, ms(ph.end)))
        }
        // Cumulative times, right-aligned to the end of their band; one that would touch the
        // previous is left out.
        var lastEnd = -1
        for (i, mark) in marks.enumerated() {
            let w = TextWidth.width(of: mark.text)
            let mx = i == 0 ? mark.x : min(max(area.x, mark.x - w + 1), area.maxX - w)
            guard mx > lastEnd else { continue }
            grid.put(mark.text, x: mx, y: y + 1, style: Style(.dim), clip: area)
            lastEnd = mx + w
        }
    }
}
