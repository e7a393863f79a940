import NetSim
import TutorCore
import TutorRender

/// `nettutor trace` as text: the conversation list (like `tshark -q -z conv,tcp`), the analysed
/// stream as a ladder with what each segment shows, and one JSON object per segment.
public enum CaptureText {
    public static func list(_ c: CaptureAnalysis, file: String, language: Language) -> String {
        var out = UIText.captureSummary(file, packets: c.frames, link: PacketDecoder.linkName(c.link), language) + "\n"
        for (proto, convs) in [("TCP", c.table.tcp), ("UDP", c.table.udp)] where !convs.isEmpty {
            out += "\n" + UIText.conversations(proto, convs.count, language) + "\n"
            let rows = convs.enumerated().map { i, v in
                [proto == "TCP" ? "\(i)" : "-", v.a.description, v.b.description, "\(v.framesAB)", "\(v.bytesAB)", "\(v.framesBA)", "\(v.bytesBA)",
                 "\(v.frames)", "\(v.bytes)", CaptureTrace.fixed(v.start, 6), CaptureTrace.fixed(v.duration, 6)]
            }
            let header = UIText.conversationHeader[language].split(separator: "|").map(String.init)
            out += table([header] + rows)
        }
        if !c.udpLabels.isEmpty {
            out += "\n" + UIText.recognised(c.udpLabels.count, language) + "\n"
            for l in c.udpLabels.prefix(20) {
                let v = c.table.conversations[l.conversation]
                out += "  #\(l.frame)  \(v.a) <-> \(v.b)  \(l.label)\n"
            }
        }
        if c.undecoded > 0 { out += "\n" + UIText.skippedPackets(c.undecoded, language) + "\n" }
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { i in rows.map { TextWidth.width(of: $0[i]) }.max() ?? 0 }
        return rows.map { r in
            "  " + r.indices.map { i in i < 3 ? TextWidth.pad(r[i], to: widths[i]) : String(repeating: " ", count: widths[i] - TextWidth.width(of: r[i])) + r[i] }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// The stream segment by segment: time, direction, the header fields, options, both
    /// states after it, and each finding with the lesson that explains it.
    public static func plain(_ s: TCPStreamAnalysis, index: Int, file: String, language: Language) -> String {
        var out = UIText.streamHeader(file, index: index, a: s.a.description, b: s.b.description, segments: s.segments.count, language)
        if let rtt = s.handshakeRTT { out += ", " + UIText.handshakeRTT(CaptureTrace.fixed(rtt * 1000, 3), language) }
        out += "\n" + UIText.relativeNumbers[language] + "\n\n"
        for seg in s.segments { out += lines(seg, language: language) }
        let counts = TCPAnalysisFlag.allCases.compactMap { f -> String? in
            let n = s.segments.filter { $0.analysis.contains(f) }.count
            return n > 0 ? "\(f.rawValue) \(n)" : nil
        }
        out += "\n\(UIText.findings[language]): \(counts.isEmpty ? UIText.noFindings[language] : counts.joined(separator: ", "))\n"
        return out
    }

    /// One segment: time, direction, the header fields, options, both states after it; then
    /// each finding with the lesson section that explains it.
    public static func lines(_ seg: AnalyzedSegment, language: Language) -> String {
        let arrow = seg.fromA ? "A -> B" : "B -> A"
        var line = "\(TextWidth.pad(CaptureTrace.fixed(seg.t, 6), to: 10)) #\(seg.frame) \(arrow)  \(CaptureTrace.label(seg))"
        let opts = options(seg.options)
        if !opts.isEmpty { line += " [\(opts)]" }
        var out = line + "   A:\(seg.stateA) B:\(seg.stateB)\n"
        for f in seg.analysis {
            let e = CaptureTrace.explanation(f), section = CaptureTrace.section(f)
            out += "           ! \(f.rawValue): \(e[language]) (nettutor read \(section.lesson): \"\(section.heading[language])\")\n"
        }
        return out
    }

    /// "MSS=1460,WS=7,SACK_PERM,TS", "SACK=1449-2897".
    static func options(_ o: TCPOptions) -> String {
        var parts: [String] = []
        if let m = o.mss { parts.append("MSS=\(m)") }
        if let w = o.windowScale { parts.append("WS=\(w)") }
        if o.sackPermitted { parts.append("SACK_PERM") }
        if !o.sack.isEmpty { parts.append("SACK=" + o.sack.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")) }
        if o.timestamp != nil { parts.append("TS") }
        return parts.joined(separator: ",")
    }

    /// One JSON object per segment: t (s from the first packet), src, dst, flags, seq and ack
    /// (relative), len, win (scaled), analysis, and the states, RTT and options when known.
    public static func jsonLines(_ s: TCPStreamAnalysis) -> String {
        s.segments.map { json($0, s) }.joined()
    }

    /// One segment as a JSON object (and its newline).
    public static func json(_ seg: AnalyzedSegment, _ s: TCPStreamAnalysis) -> String {
        let (src, dst) = seg.fromA ? (s.a, s.b) : (s.b, s.a)
        var fields: [(String, String)] = [
            ("t", CaptureTrace.fixed(seg.t, 6)), ("frame", "\(seg.frame)"), ("src", TraceExport.quote(src.description)), ("dst", TraceExport.quote(dst.description)),
            ("flags", TraceExport.quote(seg.flags.text)), ("seq", "\(seg.seq)"), ("ack", "\(seg.ack)"), ("len", "\(seg.len)"), ("win", "\(seg.win)"),
            ("analysis", "[" + seg.analysis.map { TraceExport.quote($0.rawValue) }.joined(separator: ",") + "]"),
            ("state_a", TraceExport.quote(seg.stateA)), ("state_b", TraceExport.quote(seg.stateB)),
        ]
        if let f = seg.inFlight { fields.append(("in_flight", "\(f)")) }
        if let r = seg.rtt { fields.append(("rtt_ms", CaptureTrace.fixed(r * 1000, 3))) }
        if let m = seg.options.mss { fields.append(("mss", "\(m)")) }
        if let w = seg.options.windowScale { fields.append(("wscale", "\(w)")) }
        if !seg.options.sack.isEmpty { fields.append(("sack", "[" + seg.options.sack.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]")) }
        if let app = seg.appLabel { fields.append(("app", TraceExport.quote(app))) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
