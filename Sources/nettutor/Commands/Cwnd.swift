import NetSim
import TutorApp
import TutorCapture
import TutorCLI
import TutorRender
import TutorShell

struct Cwnd: Command {
    static let spec = CommandSpec("cwnd",
        abstract: "The congestion-window lab: cwnd per round as a chart you can steer, or a table.",
        discussion: """
        Models: 'textbook' (per transmission round, in MSS, Kurose & Ross rules; CUBIC per RFC 9438 with one round = one RTT) \
        and 'rfc5681' (per ACK, in bytes, fast retransmit and fast recovery, RFC 6298 timer). \
        Events: --events 3dup@8,timeout@14 (the loss is detected in that round; the next round uses the reduced window).
        """,
        options: [.choice("algo", "The congestion control.", CongestionAlgorithm.self, default: .reno),
                  .flag("compare", "Tahoe, Reno and CUBIC on the same loss pattern in one chart."),
                  .choice("model", "Per round (textbook) or per ACK (rfc5681).", CwndModel.self, default: .textbook),
                  .value("ssthresh", "Initial ssthresh in segments.", default: "8"),
                  .value("iw", "Initial window in segments (default: 1 in the textbook model, RFC 5681's IW otherwise)."),
                  .value("rounds", "Number of rounds (RTTs).", default: "20"),
                  .value("events", "Scripted losses, e.g. 3dup@8,timeout@14 ('none' for no scripted loss; default 3dup@8 when --rounds reaches 8)."),
                  .value("loss", "Random loss probability per segment, 0..0.5 (with --seed).", default: "0"),
                  .value("seed", "Seed for random loss.", default: "1"),
                  .value("rwnd", "Receiver window in segments: at most min(cwnd, rwnd) in flight."),
                  .value("rtt", "Round-trip time in ms (CUBIC's clock; the rfc5681 model's ACK clock).", default: "100"),
                  .choice("chart", "How the chart is drawn.", BrailleCanvas.Mode.self, default: .braille),
                  .flag("plain", "A table of rounds and a text chart; with --real the kernel's rounds beside the model's (the default when not on a terminal)."),
                  Output.traceOption("Print the trace: one JSON object per round (per ACK in rfc5681; per TCP_INFO sample with --real)."),
                  .flag("real", "The kernel's own TCP: a real transfer in a private network namespace through a bottleneck (root, or unprivileged user namespaces), its TCP_INFO beside the model."),
                  .value("rate", "--real: the bottleneck's rate (tc tbf), e.g. 20mbit.", default: "20mbit"),
                  .value("queue", "--real: the bottleneck's queue, e.g. 64kb.", default: "64kb"),
                  .value("bytes", "--real: bytes to send.", default: "8000000"),
                  .value("seconds", "--real: stop sending after this many seconds.", default: "10.0"),
                  .value("cc", "--real: the kernel's congestion control (TCP_CONGESTION): cubic or reno.", default: "cubic"),
                  .value("save", "--real: save the packets to this pcap file (open it with 'nettutor trace').", valueName: "file", completion: .file)])
    let global: GlobalOptions, compare: Bool, chart: BrailleCanvas.Mode, output: Output, events: String?, save: String?
    var parameters = CwndParameters(), real: RealLabOptions?

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); compare = p.flag("compare"); chart = try p.choice("chart") ?? .braille
        output = try Output(p, plain: p.flag("plain"), export: false); events = p.string("events"); save = p.string("save")
        let algo: CongestionAlgorithm = try p.choice("algo") ?? .reno, model: CwndModel = try p.choice("model") ?? .textbook
        parameters.algorithm = compare && model == .rfc5681 && algo == .cubic ? .reno : algo
        parameters.model = model; parameters.ssthresh = try p.value("ssthresh", default: 8); parameters.initialWindow = try p.value("iw")
        parameters.rounds = try p.value("rounds", default: 20); parameters.lossRate = try p.value("loss", default: 0)
        parameters.seed = try p.value("seed", default: 1); parameters.rwnd = try p.value("rwnd"); parameters.rtt = try p.value("rtt", default: 100)
        guard p.flag("real") else { return }
        var o = RealLabOptions()
        o.rate = p.string("rate") ?? "20mbit"; o.queue = p.string("queue") ?? "64kb"; o.loss = parameters.lossRate
        o.bytes = try p.value("bytes", default: 8_000_000); o.seconds = try p.value("seconds", default: 10); o.cc = p.string("cc") ?? "cubic"
        if let problem = o.problem { throw UsageError(problem, path: p.path) }
        real = o
    }

    func execute() throws {
        if let real {
            // The transfer, then its text or JSON lines (and the capture, when asked).
            let (shown, saved) = try CaptureRequests.realLab(real, save: save, output: output, language: global.language)
            if let saved { printError(saved) }
            return try global.show(shown)
        }
        let p = try CommandRequests.cwnd(parameters, events: events)
        try global.show(CommandRequests.cwnd(p, compare: compare, chart: global.ascii ? .ascii : chart, output: output, language: global.language))
    }
}
