import Glibc
import NetSim
import TutorApp
import TutorCapture
import TutorCore

/// What `trace` and `cwnd --real` show, from their arguments: the command files only parse.
public enum CaptureRequests {
    /// The text or the player; and a warning about the file, if any.
    /// `stream` nil: the first TCP stream, or on a terminal the chooser when there are several.
    public static func trace(_ file: String, list: Bool, stream wanted: Int?, output: Output, language: Language) throws -> (shown: Shown, warning: String?) {
        let stream = wanted ?? 0
        let outcome = try CaptureFile.read(file, stream: list ? -1 : stream)
        let c = outcome.analysis, name = file.split(separator: "/").last.map(String.init) ?? file
        if list { return (.text(CaptureText.list(c, file: name, language: language)), outcome.warning) }
        guard let s = c.stream, !s.segments.isEmpty else {
            // No stream at all is the capture's; a number beyond the last is the asker's (64).
            if c.tcpStreams == 0 { throw CLIError("\(name): no TCP stream in this capture (see --list)", code: ExitStatus.failure) }
            throw CLIError("\(name): no TCP stream \(stream); " + (c.tcpStreams == 1 ? "the capture has one (--stream 0)" : "the capture has \(c.tcpStreams) (--stream 0 to \(c.tcpStreams - 1))"),
                           code: ExitStatus.usage)
        }
        switch output {
        case .json: return (.text(CaptureText.jsonLines(s)), outcome.warning)
        case .mermaid: return (.text(TraceExport.mermaid(CaptureTrace.trace(s, name: name))), outcome.warning)
        case .plain: return (.text(CaptureText.plain(s, index: stream, file: name, language: language)), outcome.warning)
        case .tui where wanted == nil && c.tcpStreams > 1:
            return (.player(.captureChooser(CaptureChooserScreen.State(path: file, conversations: c.table.tcp))), outcome.warning)
        case .tui: return (.player(.scene(scene(s, file: name, stream: stream), SceneOptions())), outcome.warning)
        }
    }

    /// What is wrong with `trace`'s arguments, if anything (a usage error).
    public static func problem(file: String?, live: Bool, list: Bool, export: Bool, stream: Int?, count: Int?) -> String? {
        if file != nil && live { return "give a capture file or --live, not both" }
        if file == nil && !live { return "give a capture file, or --live" }
        if live && (list || export) { return "--live shows the stream as it arrives: --list and --export need a capture file" }
        if !live && count != nil { return "--count is for --live" }
        if let stream, stream < 0 { return "--stream must be 0 or more" }
        if let count, count < 1 { return "--count must be 1 or more" }
        return nil
    }

    /// `trace --live`: on a terminal the player, polling the capture; otherwise each segment of
    /// the stream printed as it arrives (text or JSON), until `count` packets or Ctrl-C.
    public static func live(device: String, filter: String, stream: Int, count: Int?, output: Output, language: Language) throws -> Shown {
        let live = try LiveStream(device: device, filter: filter, stream: stream)
        let source = "\(device)" + (filter.isEmpty ? "" : " (\(filter))")
        if output == .tui { return .live(.liveCapture(source: source, stream: stream), live) }
        defer { live.stop() }
        Console.error(UIText.liveWaiting(source, language))
        var printed = 0
        while count.map({ live.packets < $0 }) ?? true {
            guard live.poll() else { usleep(50_000); continue }
            guard let s = live.analysis.stream else { continue }
            if printed == 0, output == .plain { Output.write(UIText.liveStreamHeader(stream, a: s.a.description, b: s.b.description, language) + "\n") }
            for seg in s.segments.dropFirst(printed) {
                Output.write(output == .plain ? CaptureText.lines(seg, language: language) : CaptureText.json(seg, s))
            }
            printed = s.segments.count
        }
        return .text("")
    }

    /// A TCP stream as a scene for the player.
    public static func scene(_ s: TCPStreamAnalysis, file: String, stream: Int) -> SceneSpec {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return .capture(CaptureTrace.trace(s, name: name), title: UIText.captureTitle(name, stream: stream))
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
            let capture = CaptureFile.analyse(out.packets).stream.flatMap { $0.segments.isEmpty ? nil : scene($0, file: save ?? "cwnd --real", stream: 0) }
            let offset = out.started - (out.packets.first?.time ?? out.started)
            // The title keeps to what shapes the curve: the bottleneck, and the loss when there is some.
            let settings = UIText.realLabSettings(rate: o.rate, queue: o.queue, loss: o.loss > 0 ? "\(o.loss * 100)%" : nil, language)
            return (.player(.realLab(try RealLabScreen.State(result: out.result, settings: settings, capture: capture, captureOffset: offset))), saved)
        }
    }
}
