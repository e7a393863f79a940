import NetSim
import TutorCore
import TutorQuiz
import TutorRender

/// `nettutor cwnd --plain / --trace json` and `play cwnd-lab --export mermaid`.
extension TraceExport {
    /// A table of rounds (one column group per algorithm), then a text chart of cwnd.
    public static func cwndPlain(_ traces: [CwndTrace], language: Language) -> String {
        guard let first = traces.first else { return "" }
        let p = first.parameters
        var out = "\(SceneSpec.cwndLab.title[language]): \(traces.map(\.algorithm.title).joined(separator: ", ")) (\(p.model.rawValue))\n"
        out += UIText.cwndSettings(ssthresh: formatWindow(p.ssthresh), window: formatWindow(first.rounds.first?.cwnd ?? 1), rtt: Int(p.rtt),
                                   events: p.events.isEmpty ? nil : p.events.map(\.spec).joined(separator: ","), language)
        if p.lossRate > 0 { out += ", loss \(p.lossRate) seed \(p.seed)" }
        if let rwnd = p.rwnd { out += ", rwnd \(formatWindow(rwnd))" }
        out += p.model == .rfc5681 ? (UIText.smssUnit(p.smss, language) + "\n\n") : "\n\n"

        func pad(_ s: String, _ w: Int) -> String { TextWidth.pad(s, to: w) }
        func phaseShort(_ ph: CwndPhase) -> String { ph == .slowStart ? "SS" : ph == .fastRecovery ? "FR" : "CA" }
        var header = pad(UIText.roundColumn[language], 7)
        for t in traces { header += pad(t.algorithm.title + " cwnd", 12) + pad("ssthresh", 10) + pad(UIText.phaseColumn[language], 7) }
        header += UIText.eventColumn[language]
        out += header + "\n"
        for i in 0..<p.rounds {
            var line = pad("\(i + 1)", 7)
            for t in traces {
                let r = t.rounds[i]
                line += pad(formatWindow(r.cwnd), 12) + pad(formatWindow(r.ssthresh), 10) + pad(phaseShort(r.phase), 7)
            }
            // The same loss pattern for every algorithm; the rfc5681 model may detect it apart.
            let kinds = Set(traces.compactMap { $0.rounds[i].event })
            line += kinds.map { $0 == .timeout ? "timeout" : "3 dup ACKs" }.sorted().joined(separator: ", ")
            out += line.trimmingSpaces() + "\n"
        }
        out += "\n" + UIText.phaseKey[language] + "\n\n"

        // The chart: one row per round, a bar of cwnd, a mark where ssthresh is.
        let maxValue = traces.flatMap { $0.rounds.map { max($0.cwnd, $0.ssthresh) } }.max() ?? 1
        let scale = maxValue > 60 ? 60 / maxValue : 1
        let marks = ["t", "r", "c"]
        for t in traces {
            out += "\(t.algorithm.title) cwnd (# = \(formatWindow(1 / scale)) \(p.model == .rfc5681 ? "SMSS" : "MSS"), | = ssthresh)\n"
            for r in t.rounds {
                let bar = Int((r.cwnd * scale).rounded())
                let ss = Int((r.ssthresh * scale).rounded())
                var cells = Array(repeating: Character(" "), count: max(bar, ss + 1))
                for k in 0..<bar { cells[k] = "#" }
                if ss < cells.count, cells[ss] == " " { cells[ss] = "|" }
                let mark = traces.count > 1 ? marks[CongestionAlgorithm.allCases.firstIndex(of: t.algorithm) ?? 0] : ""
                out += pad("\(r.round)", 4) + pad(formatWindow(r.cwnd), 6) + mark + String(cells).trimmingSpaces()
                if let e = r.event { out += "  x " + (e == .timeout ? "timeout" : "3 dup ACKs") }
                out += "\n"
            }
            out += "\n"
        }
        if traces.count == 1 {
            out += UIText.roundByRound[language] + "\n"
            for r in first.rounds { out += "  \(r.round). " + (language == .ko ? r.narration.ko : r.narration.en) + "\n" }
        }
        return out
    }

    /// One JSON object per round (textbook) or per ACK and timer expiry (rfc5681), with at
    /// least round, cwnd, ssthresh, phase, event.
    public static func cwndJSONLines(_ traces: [CwndTrace]) -> String {
        var out = ""
        for t in traces {
            let algo = quote(t.algorithm.rawValue), model = quote(t.parameters.model.rawValue)
            if t.parameters.model == .rfc5681 {
                for a in t.acks {
                    let event: String = switch a.kind {
                    case .fastRetransmit: quote("3dup")
                    case .timeout: quote("timeout")
                    default: "null"
                    }
                    out += "{\"algo\":\(algo),\"model\":\(model),\"round\":\(a.round),\"t\":\(number(a.t)),\"kind\":\(quote(a.kind.rawValue)),\"event\":\(event),"
                        + "\"ack\":\(a.ack),\"cwnd\":\(a.cwnd),\"ssthresh\":\(a.ssthresh),\"flight\":\(a.flight),\"rto\":\(number(a.rto)),"
                        + "\"phase\":\(quote(a.phase.rawValue)),\"smss\":\(t.parameters.smss)}\n"
                }
            } else {
                for r in t.rounds {
                    out += "{\"algo\":\(algo),\"model\":\(model),\"round\":\(r.round),\"cwnd\":\(number(r.cwnd)),\"ssthresh\":\(number(r.ssthresh)),"
                        + "\"effective\":\(number(r.effective)),\"phase\":\(quote(r.phase.rawValue)),\"event\":\(r.event.map { quote($0.rawValue) } ?? "null"),"
                        + "\"sent\":\(r.sent),\"lost\":[\(r.lost.map(String.init).joined(separator: ","))],\"dup_acks\":\(r.dupAcks),"
                        + "\"note_en\":\(quote(r.narration.en)),\"note_ko\":\(quote(r.narration.ko))}\n"
                }
            }
        }
        return out
    }

    /// A Mermaid xychart: one line per algorithm, cwnd per round.
    public static func cwndMermaid(_ traces: [CwndTrace]) -> String {
        guard let first = traces.first else { return "" }
        let maxValue = traces.flatMap { $0.rounds.map { max($0.cwnd, $0.ssthresh) } }.max() ?? 1
        var out = "xychart-beta\n"
        out += "    title \"cwnd per round: \(traces.map(\.algorithm.title).joined(separator: ", "))\"\n"
        out += "    x-axis \"round\" [\(first.rounds.map { "\($0.round)" }.joined(separator: ", "))]\n"
        out += "    y-axis \"cwnd (\(first.parameters.model == .rfc5681 ? "SMSS" : "MSS"))\" 0 --> \(formatWindow((maxValue * 1.1).rounded(.up)))\n"
        for t in traces { out += "    line [\(t.rounds.map { formatWindow($0.cwnd) }.joined(separator: ", "))]\n" }
        return out
    }
}

