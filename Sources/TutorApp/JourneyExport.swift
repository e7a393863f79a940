import NetSim
import TutorCore
import TutorRender

/// `nettutor journey --plain / --trace json / --export mermaid`.
extension TraceExport {
    /// The phase ruler (like httpstat), then each stage with its messages, hops and narration.
    public static func journeyPlain(_ j: Journey, language: Language, width: Int = 80) -> String {
        var out = "\(SceneSpec.urlJourney.title[language]): \(j.url.text)"
        out += " \u{2014} " + (j.parameters.measured != nil ? UIText.live[language]
                                                          : (language == .ko ? j.parameters.variant.title.ko : j.parameters.variant.title.en)) + "\n"
        let address = j.remoteIP.isEmpty ? UIText.noAddress[language] : j.remoteIP
        out += "\(UIText.address[language]) \(address)" + [j.tlsVersion, j.httpVersion].compactMap { $0.map { ", " + $0 } }.joined()
        if let m = j.parameters.measured, m.failure == nil { out += ", status \(m.status), \(m.bytes) bytes" }
        out += "\n\n"
        // The ruler: name, duration, cumulative end.
        for ph in j.phases {
            let name = TextWidth.pad(language == .ko ? ph.title.ko : ph.title.en, to: 20)
            let bar = String(repeating: "#", count: max(1, Int((ph.duration / max(1, j.phases.last?.end ?? 1)) * 40)))
            out += "  \(name) \(TextWidth.pad(JourneyLabels.milliseconds(ph.duration), to: 9)) \(TextWidth.pad(bar, to: 41)) \(UIText.cumulative[language]) \(JourneyLabels.milliseconds(ph.end))\n"
        }
        if let f = j.failure { out += "\n" + UIText.failed(f.stage.title[language], language) + f.message + "\n" }
        var stage: JourneyStage?
        for m in j.messages {
            if m.stage != stage {
                stage = m.stage
                out += "\n" + (language == .ko ? m.stage.title.ko : m.stage.title.en).uppercased() + "\n"
            }
            let route = m.steps.isEmpty ? JourneyLabels.hop(m.from, language, room: 30)
                : ([m.steps[0].from] + m.steps.map(\.to)).map { JourneyLabels.hop($0, language, room: 30) }.joined(separator: " > ")
            out += "  \(TextWidth.pad(JourneyLabels.milliseconds(m.t), to: 8)) \(m.label)  [\(m.layer.rawValue)]  \(route)\n"
            for line in Wrap.wrap(language == .ko ? m.narration.ko : m.narration.en, width: max(20, width - 12)) {
                out += "           " + line.plainText + "\n"
            }
        }
        return out
    }

    /// One JSON object per message: stage, from, to, layer, label, t_ms, arrival_ms, hops, and
    /// the headers on each link.
    public static func journeyJSONLines(_ j: Journey) -> String {
        var out = ""
        for m in j.messages {
            var fields: [(String, String)] = [
                ("stage", quote(m.stage.rawValue)), ("from", quote(m.from.rawValue)), ("to", quote(m.to.rawValue)),
                ("layer", quote(m.layer.rawValue)), ("label", quote(m.label)), ("t_ms", number(rounded(m.t))),
                ("arrival_ms", number(rounded(m.arrival))),
                ("hops", "[" + (m.steps.isEmpty ? [quote(m.from.rawValue)] : ([m.steps[0].from] + m.steps.map(\.to)).map { quote($0.rawValue) }).joined(separator: ",") + "]"),
            ]
            let links = m.steps.compactMap { s -> String? in
                guard let h = s.headers else { return nil }
                var parts = ["\"from\":\(quote(s.from.rawValue))", "\"to\":\(quote(s.to.rawValue))"]
                if let e = h.ethernet { parts.append("\"eth\":{\"src\":\(quote(e.src)),\"dst\":\(quote(e.dst))}") }
                if let ip = h.ip { parts.append("\"ip\":{\"src\":\(quote(ip.src)),\"dst\":\(quote(ip.dst)),\"ttl\":\(ip.ttl)}") }
                if let t = h.transport { parts.append("\"\(t.proto.lowercased())\":{\"src\":\(t.srcPort),\"dst\":\(t.dstPort),\"detail\":\(quote(t.detail))}") }
                if let tls = h.tls { parts.append("\"tls\":\(quote(tls))") }
                return "{" + parts.joined(separator: ",") + "}"
            }
            if !links.isEmpty { fields.append(("links", "[" + links.joined(separator: ",") + "]")) }
            fields.append(("note_en", quote(m.narration.en)))
            fields.append(("note_ko", quote(m.narration.ko)))
            out += "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
        }
        return out
    }

    /// A Mermaid sequence diagram: one participant per device a message starts or ends at
    /// (left to right as on the map), one arrow per message, a note for what happens inside a
    /// device, and a note across all of them where each stage begins.
    public static func journeyMermaid(_ j: Journey, language: Language) -> String {
        let devices = HopID.allCases.filter { hop in j.messages.contains { $0.from == hop || $0.to == hop } }
        func id(_ hop: HopID) -> String { "h_" + hop.rawValue }
        // `;` ends a Mermaid statement and `#` starts an entity: write both as entities.
        func text(_ s: String) -> String { s.replacingEntities() }
        var out = "sequenceDiagram\n"
        for hop in devices { out += "    participant \(id(hop)) as \(text(language == .ko ? hop.title.ko : hop.title.en))\n" }
        var stage: JourneyStage?
        for m in j.messages {
            if m.stage != stage, let first = devices.first, let last = devices.last {
                stage = m.stage
                out += "    Note over \(id(first)),\(id(last)): \(text((language == .ko ? m.stage.title.ko : m.stage.title.en).uppercased()))\n"
            }
            if m.from == m.to { out += "    Note over \(id(m.from)): \(text(m.label))\n" }
            else { out += "    \(id(m.from))->>\(id(m.to)): \(text(m.label))\n" }
        }
        return out
    }

    static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}

extension String {
    /// `#` and `;` as Mermaid entity codes.
    func replacingEntities() -> String {
        var out = ""
        for c in self {
            switch c {
            case "#": out += "#35;"
            case ";": out += "#59;"
            default: out.append(c)
            }
        }
        return out
    }
}
