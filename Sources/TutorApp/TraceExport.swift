import NetSim
import TutorCore
import TutorRender

/// A trace as text without a terminal (DESIGN §5): a plain ladder with narration, JSON lines,
/// or a Mermaid sequence diagram.
public enum TraceExport {
    /// A ladder: time on the left, one lifeline per endpoint, arrows with their label and
    /// ordinal, `x` where a segment is lost, state changes beside the lifelines, and the
    /// narration of each event wrapped under it.
    public static func plain(_ trace: Trace, language: Language, width: Int = 80, glyphs: Glyphs = .ascii) -> String {
        let left = 10, right = max(left + 30, min(width - 2, 70))
        var out: [String] = []
        let title = SceneCatalog.title(trace.scene, language)
        out.append("\(title) [\(trace.scene)]")
        if let note = trace.scaleNote { out += Wrap.wrap(language == .ko ? note.ko : note.en, width: width).map(\.plainText) }
        out.append("")
        if trace.endpoints.count != 2 { return list(trace, language: language, width: width, header: out) }
        let names = trace.endpoints.map { UIText.laneName($0, language) }
        var header = String(repeating: " ", count: left - 2) + names[0]
        header = TextWidth.pad(header, to: right - TextWidth.width(of: names[1]) + 2) + names[1]
        out.append(header)
        let lane = String(repeating: " ", count: left) + "|" + String(repeating: " ", count: right - left - 1) + "|"
        var lastWindow: String?
        // The flow gauge's rows (without the bar), each printed again only when it changes.
        func flowRows(_ panel: SidePanel?) -> [String]? {
            panel?.flowWindow.map { ReceiveBufferGauge.rows($0, language: language, glyphs: glyphs, barWidth: nil).map(\.plainText) }
        }
        var lastFlow = flowRows(trace.initialPanel) ?? []
        for r in lastFlow { out.append(String(repeating: " ", count: left) + "|  " + r) }
        for event in trace.events {
            let time = TextWidth.pad(String(repeating: " ", count: max(0, 7 - String(Int(event.t)).count)) + "\(Int(event.t))ms", to: left)
            let fromLeft = event.from == trace.endpoints[0]
            var line: String?
            switch event.kind {
            case .send:
                guard let name = event.label else { continue }
                let lost = trace.isLost(event)
                let label = " #\(event.n ?? 0) \(name) "
                let span = right - left - 1
                let body: String
                if lost {
                    let dashes = max(2, span / 2 - TextWidth.width(of: label) / 2)
                    let raw = fromLeft ? String(repeating: "-", count: 2) + label + String(repeating: "-", count: max(0, dashes - 2)) + "x"
                                       : "x" + String(repeating: "-", count: max(0, dashes - 2)) + label + "--"
                    body = fromLeft ? TextWidth.pad(raw, to: span) : String(repeating: " ", count: max(0, span - TextWidth.width(of: raw))) + raw
                } else {
                    let fill = max(2, span - TextWidth.width(of: label) - 1)
                    body = fromLeft ? "--" + label + String(repeating: "-", count: max(0, fill - 2)) + ">"
                                    : "<" + String(repeating: "-", count: max(0, fill - 2)) + label + "--"
                }
                line = time + "|" + TextWidth.pad(body, to: span) + "|"
            case .state:
                guard let s = event.state else { continue }
                let onLeft = event.endpoint == trace.endpoints[0]
                let tag = "[\(trace.stateName(s, language))]"
                line = onLeft ? time + "|" + TextWidth.pad(" " + tag, to: right - left - 1) + "|"
                              : time + "|" + String(repeating: " ", count: max(0, right - left - 2 - TextWidth.width(of: tag))) + tag + " |"
            case .timerStart, .timerFire:
                let onLeft = event.endpoint == trace.endpoints[0]
                let name = UIText.timerName(event.timer ?? "timer", language)
                let what = event.kind == .timerStart ? "\(name) \(event.duration.map { "\(Int($0))ms" } ?? "")" : "\(name) \(UIText.timerFires[language])"
                let tag = "(\(what))"
                line = onLeft ? time + "|" + TextWidth.pad(" " + tag, to: right - left - 1) + "|"
                              : time + "|" + String(repeating: " ", count: max(0, right - left - 2 - TextWidth.width(of: tag))) + tag + " |"
            case .deliver, .drop, .note:
                line = nil
            }
            if let line { out.append(line) }
            if let arq = event.panel?.arqWindow, event.kind == .note {  // notes follow each window or buffer change
                let w = windowLine(arq, language: language)
                if w != lastWindow { out.append(String(repeating: " ", count: left) + "|  " + w); lastWindow = w }
            }
            if let rows = flowRows(event.panel) {
                for (i, r) in rows.enumerated() where i >= lastFlow.count || r != lastFlow[i] {
                    out.append(String(repeating: " ", count: left) + "|  " + r)
                }
                lastFlow = rows
            }
            let text = language == .ko ? event.narration.ko : event.narration.en
            if event.kind != .deliver && !text.isEmpty {
                for l in Wrap.wrap(text, width: right - left - 4) {
                    out.append(TextWidth.pad(lane.prefix(left + 1) + "  " + l.plainText, to: right) + "|")
                }
            }
        }
        out.append("")
        if let arq = trace.events.last?.panel?.arqWindow {
            out.append(UIText.deliveredInOrder(arq.delivered, language))
            return out.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
        }
        let finals = trace.endpoints.map { name in "\(UIText.laneName(name, language)): \(trace.state(of: name, at: trace.events.count - 1).map { trace.stateName($0, language) } ?? "-")" }
        out.append(UIText.finalStates[language] + finals.joined(separator: ", "))
        return out.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    /// More than two endpoints (udp-vs-tcp): one line per event, narration under it.
    static func list(_ trace: Trace, language: Language, width: Int, header: [String]) -> String {
        var out = header
        // Lanes and timers as the player names them: Korean mode is Korean here too.
        func lane(_ name: String?) -> String { UIText.laneName(name ?? "", language) }
        func timer(_ e: TraceEvent) -> String { UIText.timerName(e.timer ?? "", language) }
        for e in trace.events {
            let time = TextWidth.pad("\(Int(e.t))ms", to: 8)
            var line: String
            switch e.kind {
            case .send: line = "\(lane(e.from)) -> \(lane(e.to))  \(e.n.map { "#\($0) " } ?? "")\(e.label ?? "")"
            case .deliver: line = "\(lane(e.to)) <- \(e.label ?? "") (\(UIText.arrives[language]))"
            case .drop: line = "x \(e.label ?? "") (\(UIText.lost[language]))"
            case .state: line = "\(lane(e.endpoint)): [\(trace.stateName(e.state ?? "", language))]"
            case .timerStart: line = "\(lane(e.endpoint)): (\(timer(e)) \(e.duration.map { "\(Int($0))ms" } ?? ""))"
            case .timerFire: line = "\(lane(e.endpoint)): (\(timer(e)) \(UIText.timerFires[language]))"
            case .note: line = lane(e.endpoint)
            }
            out.append(time + line)
            for l in Wrap.wrap(language == .ko ? e.narration.ko : e.narration.en, width: width - 10) { out.append("          " + l.plainText) }
        }
        return out.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    /// One JSON object per line with t, kind, n, from, to, flags, seq, ack, len, win (segment
    /// events) and endpoint, state (state events), timer and duration (timer events).
    public static func jsonLines(_ trace: Trace) -> String {
        var out = ""
        for e in trace.events {
            var fields: [(String, String)] = [("t", number(e.t)), ("kind", quote(e.kind.rawValue))]
            if let n = e.n { fields.append(("n", "\(n)")) }
            if let f = e.from { fields.append(("from", quote(f))) }
            if let t = e.to { fields.append(("to", quote(t))) }
            if let s = e.segment {
                fields += [("flags", quote(s.flags.name)), ("seq", "\(s.seq)"), ("ack", "\(s.ack)"), ("len", "\(s.len)"), ("win", "\(s.win)")]
            }
            if let label = e.label { fields.append(("label", quote(label))) }
            if let ep = e.endpoint { fields.append(("endpoint", quote(ep))) }
            if let st = e.state { fields.append(("state", quote(st))) }
            if let tm = e.timer { fields.append(("timer", quote(tm))) }
            if let d = e.duration { fields.append(("duration", number(d))) }
            fields.append(("note_en", quote(e.narration.en)))
            fields.append(("note_ko", quote(e.narration.ko)))
            out += "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
        }
        return out
    }

    /// A Mermaid sequence diagram: arrows for segments (`-x` for lost ones), notes for state
    /// changes and timers.
    public static func mermaid(_ trace: Trace) -> String {
        var out = "sequenceDiagram\n"
        func id(_ name: String) -> String { name.filter { $0.isLetter || $0.isNumber } }
        for name in trace.endpoints { out += "    participant \(id(name)) as \(name)\n" }
        for e in trace.events {
            switch e.kind {
            case .send:
                guard let label = e.label, let from = e.from, let to = e.to else { continue }
                let lost = trace.isLost(e)
                out += "    \(id(from))\(lost ? "-x" : "->>")\(id(to)): \(e.n.map { "#\($0) " } ?? "")\(label)\(lost ? " (lost)" : "")\n"
            case .state:
                if let ep = e.endpoint, let st = e.state { out += "    Note over \(id(ep)): \(st)\n" }
            case .timerStart:
                if let ep = e.endpoint, let tm = e.timer { out += "    Note over \(id(ep)): start \(tm) \(e.duration.map { "\(Int($0)) ms" } ?? "")\n" }
            case .timerFire:
                if let ep = e.endpoint, let tm = e.timer { out += "    Note over \(id(ep)): \(tm) fires\n" }
            default: break
            }
        }
        return out
    }

    /// "window [2 3 4 5] base=2 next=6 | receiver expects 2, holds {3, 4}".
    public static func windowLine(_ a: ARQSnapshot, language: Language) -> String {
        let inWindow = (a.base..<(a.base + a.window)).map { p -> String in
            let n = "\(p % a.sequenceSpace)"
            if a.ackedInWindow.contains(p) { return n + "*" }
            return p < a.next ? n : n + "'"
        }
        var s = UIText.windowOpen[language] + inWindow.joined(separator: " ") + "] base=\(a.base % a.sequenceSpace) next=\(a.next % a.sequenceSpace)"
        s += UIText.receiverExpects(a.expected % a.sequenceSpace, language)
        if !a.buffered.isEmpty {
            let held = a.buffered.sorted().map { "\($0 % a.sequenceSpace)" }.joined(separator: ",")
            s += UIText.holds(held, language)
        }
        return s
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if JSONText.mustEscape(u.value) { out += JSONText.escape(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
