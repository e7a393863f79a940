import NetSim
import TutorCore

/// `cwnd --real` as text: what the kernel did (its largest cwnd, each loss response, the RTT
/// unloaded and with the queue full) and its cwnd per round trip beside the model's on the
/// same losses; or one JSON object per TCP_INFO sample.
public enum RealLabText {
    public static func plain(_ r: RealLabResult, settings: String, language: Language) throws -> String {
        var out = UIText.realLabHeader(settings, seconds: CaptureTrace.fixed(r.samples.last?.t ?? 0, 2), language) + "\n"
        out += UIText.realLabRTT(CaptureTrace.fixed(r.baseRTTms, 2), CaptureTrace.fixed(r.maxRTTms, 1), language) + "\n"
        let responses = r.lossResponses
        out += UIText.realLabCwnd(r.maxCwnd, responses.count, r.samples.last?.retrans ?? 0, language) + "\n"
        for l in responses.prefix(12) {
            out += "  " + UIText.realLabResponse(CaptureTrace.fixed(l.t, 3), l.from, l.to, timeout: l.timeout, language) + "\n"
        }
        out += "\n" + UIText.realLabColumns(r.algorithm.rawValue, language) + "\n"
        for row in try r.rounds() {
            let k = String(row.kernel), m = CaptureTrace.fixed(row.model, 1)
            out += pad(String(row.round), 6) + pad(k, 14) + pad(m, 14) + "\n"
        }
        return out
    }

    static func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }

    public static func jsonLines(_ r: RealLabResult) -> String {
        r.samples.map { s in
            var f: [(String, String)] = [("t", CaptureTrace.fixed(s.t, 4)), ("cwnd", "\(s.cwnd)"), ("ssthresh", s.ssthresh.map(String.init) ?? "null"),
                                         ("rtt_ms", CaptureTrace.fixed(s.rttMs, 3)), ("retrans", "\(s.retrans)"), ("state", "\"\(s.state)\"")]
            if let d = s.deliveryRate { f.append(("delivery_rate", "\(Int(d))")) }
            f.append(("bytes_acked", "\(s.bytesAcked)"))
            return "{" + f.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
        }.joined()
    }
}
