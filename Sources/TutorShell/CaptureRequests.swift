import NetSim
import TutorApp
import TutorCapture
import TutorCore

/// What `trace` and `cwnd --real` show, from their arguments: the command files only parse.
public enum CaptureRequests {
    /// The text or the player; and a warning about the file, if any.
    public static func trace(_ file: String, list: Bool, stream: Int, output: Output, language: Language) throws -> (shown: Shown, warning: String?) {
        let outcome = try CaptureFile.read(file, stream: list ? -1 : stream)
        let c = outcome.analysis, name = file.split(separator: "/").last.map(String.init) ?? file
        if list { return (.text(CaptureText.list(c, file: name, language: language)), outcome.warning) }
        guard let s = c.stream, !s.segments.isEmpty else {
            throw CLIError(c.tcpStreams == 0 ? "\(name): no TCP stream in this capture (see --list)" : "\(name): no TCP stream \(stream); the capture has \(c.tcpStreams) (0 to \(c.tcpStreams - 1))",
                           code: ExitStatus.failure)
        }
        let trace = CaptureTrace.trace(s, name: name)
        switch output {
        case .json: return (.text(CaptureText.jsonLines(s)), outcome.warning)
        case .mermaid: return (.text(TraceExport.mermaid(trace)), outcome.warning)
        case .plain: return (.text(CaptureText.plain(s, index: stream, file: name, language: language)), outcome.warning)
        case .tui:
            // The capture is a scene whose simulation is the capture itself (no options, no drops).
            let spec = SceneSpec(id: "capture", order: 0, title: UIText.captureTitle(name, stream: stream), summary: UIText.captureSummary,
                                 options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in trace })
            return (.player(.scene(spec, SceneOptions())), outcome.warning)
        }
    }

    /// `cwnd --real`: the transfer, then its text or JSON lines; saves the capture when asked
    /// (the second value says where).
    public static func realLab(_ o: RealLabOptions, save: String?, json: Bool, language: Language) throws -> (text: String, saved: String?) {
        let out = try RealLab.run(o)
        var saved: String?
        if let save { try RealLab.savePcap(out.packets, to: save); saved = "saved \(out.packets.count) packets to \(save)" }
        if json { return (RealLabText.jsonLines(out.result), saved) }
        let settings = "\(o.cc), \(o.rate) bottleneck, queue \(o.queue), loss \(o.loss * 100)%, \(o.bytes) bytes"
        return (try RealLabText.plain(out.result, settings: settings, language: language), saved)
    }
}
