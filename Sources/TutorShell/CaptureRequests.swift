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

    /// `cwnd --real`: the transfer, then its screen, text or JSON lines; saves the capture when
    /// asked (the second value says where).
    public static func realLab(_ o: RealLabOptions, save: String?, output: Output, language: Language) throws -> (shown: Shown, saved: String?) {
        if output == .tui { Console.error(UIText.realLabRunning(o.seconds, language)) }
        let out = try RealLab.run(o)
        var saved: String?
        if let save { try RealLab.savePcap(out.packets, to: save); saved = "saved \(out.packets.count) packets to \(save)" }
        switch output {
        case .json, .mermaid: return (.text(RealLabText.jsonLines(out.result)), saved)
        case .plain:
            let settings = "\(o.cc), \(o.rate) bottleneck, queue \(o.queue), loss \(o.loss * 100)%, \(o.bytes) bytes"
            return (.text(try RealLabText.plain(out.result, settings: settings, language: language)), saved)
        case .tui:
            var capture: SceneSpec?
            if let stream = CaptureFile.analyse(out.packets).stream, !stream.segments.isEmpty {
                let trace = CaptureTrace.trace(stream, name: "cwnd --real")
                capture = SceneSpec(id: "capture", order: 0, title: UIText.captureTitle(save ?? "cwnd --real", stream: 0), summary: UIText.captureSummary,
                                    options: [], prediction: .label, stateMachine: .tcp, simulate: { _ in trace })
            }
            let offset = out.started - (out.packets.first?.time ?? out.started)
            // The title keeps to what shapes the curve: the bottleneck, and the loss when there is some.
            let settings = "\(o.rate), queue \(o.queue)" + (o.loss > 0 ? ", loss \(o.loss * 100)%" : "")
            return (.player(.realLab(try RealLabScreen.State(result: out.result, settings: settings, capture: capture, captureOffset: offset))), saved)
        }
    }
}
