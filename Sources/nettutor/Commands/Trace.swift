import TutorCLI
import TutorShell

/// `nettutor trace FILE`: a real capture as a scene. The conversations, then one TCP stream
/// analysed segment by segment, in the player on a terminal or as text.
struct TraceCommand: Command {
    static let spec = CommandSpec("trace",
        abstract: "Open a packet capture (pcap or pcapng): its conversations, and a TCP stream analysed segment by segment.",
        discussion: """
        Each segment gets relative sequence and ACK numbers, both ends' TCP states, bytes in flight, RTT samples and \
        what it shows (retransmission, fast-retransmission, spurious-retransmission, dup-ack, out-of-order, lost-segment, \
        zero-window, window-full, window-probe, window-update, keep-alive, rst), each with the lesson that explains it. \
        Make a capture with e.g. 'tcpdump -i lo -w out.pcap port 8080'.
        """,
        arguments: [.init("file", help: "The capture file (pcap or pcapng).", optional: true, completion: .file)],
        options: [.flag("live", "Capture live instead (needs CAP_NET_RAW: root) and play each segment as it arrives."),
                  .value("interface", "--live: the interface ('any' for all).", short: "i", default: "lo"),
                  .value("filter", "--live: a capture filter (pcap-filter syntax).", default: "tcp"),
                  .value("count", "--live without a terminal: stop after this many packets."),
                  .flag("list", "List the TCP and UDP conversations (like 'tshark -q -z conv,tcp') and stop."),
                  .value("stream", "Which TCP stream (0 is the first; see --list). Without it: the first, or on a terminal a chooser when there are several."),
                  .flag("plain", "The stream as text: one line per segment with its findings (the default when not on a terminal)."),
                  Output.traceOption("Print the stream: one JSON object per segment."),
                  Output.exportOption("Export: a Mermaid sequence diagram of the stream.")])
    let global: GlobalOptions, file: String?, live: Bool, interface: String, filter: String, count: Int?, list: Bool, stream: Int?, output: Output

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); file = p.argument("file"); live = p.flag("live"); interface = p.string("interface") ?? "lo"
        filter = p.string("filter") ?? "tcp"; count = try p.value("count"); list = p.flag("list"); stream = try p.value("stream")
        if let problem = CaptureRequests.problem(file: file, live: live, list: list, export: p.string("export") != nil, stream: stream, count: count) {
            throw UsageError(problem, path: p.path)
        }
        output = try Output(p, plain: p.flag("plain"))
    }

    func execute() throws {
        if live { return try global.show(CaptureRequests.live(device: interface, filter: filter, stream: stream ?? 0, count: count, output: output, language: global.language)) }
        let (shown, warning) = try CaptureRequests.trace(file ?? "", list: list, stream: stream, output: output, language: global.language)
        if let warning { printError(warning) }
        try global.show(shown)
    }
}
