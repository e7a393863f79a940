import ArgumentParser
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
    @Option(help: "Print the trace: one JSON object per round (per ACK in rfc5681).") var trace: TraceFormat?

    func execute() throws {
        var p = CwndParameters()
        p.algorithm = compare && model == .rfc5681 && algo == .cubic ? .reno : algo
        p.model = model; p.ssthresh = ssthresh; p.initialWindow = iw; p.rounds = rounds
        p.lossRate = loss; p.seed = seed; p.rwnd = rwnd; p.rtt = rtt
        p = try CommandRequests.cwnd(p, events: events)
        try Self.output(p, compare: compare, chart: global.ascii ? .ascii : chart, to: try Output(plain: plain, trace: trace), global: global)
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
