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
    @Flag(help: "A table of rounds and a text chart; with --real the kernel's rounds beside the model's (the default when not on a terminal).") var plain = false
    @Option(help: "Print the trace: one JSON object per round (per ACK in rfc5681; per TCP_INFO sample with --real).") var trace: TraceFormat?
    @Flag(help: "The kernel's own TCP: a real transfer in a private network namespace through a bottleneck (root, or unprivileged user namespaces), its TCP_INFO beside the model.") var real = false
    @Option(help: "--real: the bottleneck's rate (tc tbf), e.g. 20mbit.") var rate = "20mbit"
    @Option(help: "--real: the bottleneck's queue, e.g. 64kb.") var queue = "64kb"
    @Option(help: "--real: bytes to send.") var bytes = 8_000_000
    @Option(help: "--real: stop sending after this many seconds.") var seconds = 10.0
    @Option(help: "--real: the kernel's congestion control (TCP_CONGESTION): cubic or reno.") var cc = "cubic"
    @Option(help: "--real: save the packets to this pcap file (open it with 'nettutor trace').") var save: String?

    var realOptions: RealLabOptions {
        var o = RealLabOptions()
        o.rate = rate; o.queue = queue; o.loss = loss; o.bytes = bytes; o.seconds = seconds; o.cc = cc
        return o
    }

    func validate() throws {
        if real, let problem = realOptions.problem { throw ValidationError(problem) }
    }

    func execute() throws {
        if real { return try runReal() }
        var p = CwndParameters()
        p.algorithm = compare && model == .rfc5681 && algo == .cubic ? .reno : algo
        p.model = model; p.ssthresh = ssthresh; p.initialWindow = iw; p.rounds = rounds
        p.lossRate = loss; p.seed = seed; p.rwnd = rwnd; p.rtt = rtt
        p = try CommandRequests.cwnd(p, events: events)
        try global.show(CommandRequests.cwnd(p, compare: compare, chart: global.ascii ? .ascii : chart, output: try Output(plain: plain, trace: trace), language: global.language))
    }

    /// `--real`: the transfer, then its text or JSON lines (and the capture, when asked).
    func runReal() throws {
        let (shown, saved) = try CaptureRequests.realLab(realOptions, save: save, output: try Output(plain: plain, trace: trace), language: global.language)
        if let saved { printError(saved) }
        try global.show(shown)
    }
}
