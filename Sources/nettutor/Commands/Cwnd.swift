import ArgumentParser
import TutorCapture
import TutorShell
import NetSim
import TutorApp
import TutorRender

struct Cwnd: Command {
    static let configuration = CommandConfiguration(commandName: "cwnd", 
        abstract: "The congestion-window lab: cwnd per round as a chart you can steer, or a table.",
        discussion: """
        Models: 'textbook' (per transmission round, in MSS, Kurose & Ross rules; CUBIC per RFC 9438 with one round = one RTT) \
        and 'rfc5681' (per ACK, in bytes, fast retransmit and fast recovery, RFC 6298 timer). \
        Events: --events 3dup@8,timeout@14 (the loss is detected in that round; the next round uses the reduced window).
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The congestion control.") var algo: CongestionAlgorithm = .reno
    @Flag(help: "Tahoe, Reno and CUBIC on the same loss pattern in one chart.") var compare = false
    @Option(help: "Per round (textbook) or per ACK (rfc5681).") var model: CwndModel = .textbook
    @Option(help: "Initial ssthresh in segments.") var ssthresh: Double = 8
    @Option(help: "Initial window in segments (default: 1 in the textbook model, RFC 5681's IW otherwise).") var iw: Double?
    @Option(help: "Number of rounds (RTTs).") var rounds: Int = 20
    @Option(help: "Scripted losses, e.g. 3dup@8,timeout@14 ('none' for no scripted loss; default 3dup@8 when --rounds reaches 8).") var events: String?
    @Option(help: "Random loss probability per segment, 0..0.5 (with --seed).") var loss: Double = 0
    @Option(help: "Seed for random loss.") var seed: UInt64 = 1
    @Option(help: "Receiver window in segments: at most min(cwnd, rwnd) in flight.") var rwnd: Double?
    @Option(help: "Round-trip time in ms (CUBIC's clock; the rfc5681 model's ACK clock).") var rtt: Double = 100
    @Option(help: "How the chart is drawn.") var chart: BrailleCanvas.Mode = .braille
    @Flag(help: "A table of rounds and a text chart (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: one JSON object per round (per ACK in rfc5681; per TCP_INFO sample with --real).") var trace: TraceFormat?
    @Flag(help: "The kernel's own TCP: a real transfer in a private network namespace through a bottleneck (root, or unprivileged user namespaces), its TCP_INFO beside the model.") var real = false
    @Option(help: "--real: the bottleneck's rate (tc tbf), e.g. 20mbit.") var rate = "20mbit"
    @Option(help: "--real: the bottleneck's queue, e.g. 64kb.") var queue = "64kb"
    @Option(help: "--real: bytes to send.") var bytes = 8_000_000
    @Option(help: "--real: stop sending after this many seconds.") var seconds = 10.0
    @Option(help: "--real: the kernel's congestion control (TCP_CONGESTION): cubic or reno.") var cc = "cubic"
    @Option(help: "--real: save the packets to this pcap file (open it with 'nettutor trace').") var save: String?

    func validate() throws {
        guard real else { return }
        if !["cubic", "reno"].contains(cc) { throw ValidationError("--cc must be cubic or reno") }
        if !(0...0.5).contains(loss) { throw ValidationError("--loss must be between 0 and 0.5") }
        if bytes < 10_000 || bytes > 1_000_000_000 { throw ValidationError("--bytes must be between 10000 and 1000000000") }
        if !(0.5...120).contains(seconds) { throw ValidationError("--seconds must be between 0.5 and 120") }
        for (name, v) in [("--rate", rate), ("--queue", queue)] where v.range(of: #"^[0-9]+(\.[0-9]+)?[a-zA-Z]*$"#, options: .regularExpression) == nil {
            throw ValidationError("\(name) must be a number with a tc unit, e.g. 20mbit or 64kb")
        }
    }

    func execute() throws {
        if real { return try runReal() }
        var p = CwndParameters()
        p.algorithm = compare && model == .rfc5681 && algo == .cubic ? .reno : algo
        p.model = model; p.ssthresh = ssthresh; p.initialWindow = iw; p.rounds = rounds
        p.lossRate = loss; p.seed = seed; p.rwnd = rwnd; p.rtt = rtt
        p = try CommandRequests.cwnd(p, events: events)
        try Self.output(p, compare: compare, chart: global.ascii ? .ascii : chart, to: try Output(plain: plain, trace: trace), global: global)
    }

    /// `--real`: the transfer, then its text or JSON lines (and the capture, when asked).
    func runReal() throws {
        var o = RealLabOptions()
        o.rate = rate; o.queue = queue; o.loss = loss; o.bytes = bytes; o.seconds = seconds; o.cc = cc
        let out = try RealLab.run(o)
        if let save { try RealLab.savePcap(out.packets, to: save); printError("saved \(out.packets.count) packets to \(save)") }
        if trace == .json { return Output.write(RealLabText.jsonLines(out.result)) }
        let settings = "\(cc), \(rate) bottleneck, queue \(queue), loss \(loss * 100)%, \(bytes) bytes"
        Output.write(try RealLabText.plain(out.result, settings: settings, language: global.language))
    }

    /// The lab on a terminal, else the table, JSON lines or Mermaid.
    static func output(_ p: CwndParameters, compare: Bool, chart: BrailleCanvas.Mode, to output: Output, global: GlobalOptions) throws {
        let traces = compare ? try CongestionLab.compare(p) : [try CongestionLab.run(p)]
        switch output {
        case .tui: try global.runTUI(.cwnd(p, compare: compare, chart: chart))
        case .json: Output.write(TraceExport.cwndJSONLines(traces))
        case .mermaid: Output.write(TraceExport.cwndMermaid(traces))
        case .plain: Output.write(TraceExport.cwndPlain(traces, language: global.language))
        }
    }
}
