import ArgumentParser
import TutorShell

/// `nettutor trace FILE`: a real capture as a scene. The conversations, then one TCP stream
/// analysed segment by segment, in the player on a terminal or as text.
struct TraceCommand: Command {
    static let configuration = CommandConfiguration(commandName: "trace",
        abstract: "Open a packet capture (pcap or pcapng): its conversations, and a TCP stream analysed segment by segment.",
        discussion: """
        Each segment gets relative sequence and ACK numbers, both ends' TCP states, bytes in flight, RTT samples and \
        what it shows (retransmission, fast-retransmission, spurious-retransmission, dup-ack, out-of-order, lost-segment, \
        zero-window, window-full, window-probe, window-update, keep-alive, rst), each with the lesson that explains it. \
        Make a capture with e.g. 'tcpdump -i lo -w out.pcap port 8080'.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The capture file (pcap or pcapng).", completion: .file()) var file: String?
    @Flag(help: "Capture live instead (needs CAP_NET_RAW: root) and play each segment as it arrives.") var live = false
    @Option(name: [.short, .customLong("interface")], help: "--live: the interface ('any' for all).") var interface = "lo"
    @Option(help: "--live: a capture filter (pcap-filter syntax).") var filter = "tcp"
    @Option(help: "--live without a terminal: stop after this many packets.") var count: Int?
    @Flag(help: "List the TCP and UDP conversations (like 'tshark -q -z conv,tcp') and stop.") var list = false
    @Option(help: "Which TCP stream (0 is the first; see --list). Without it: the first, or on a terminal a chooser when there are several.") var stream: Int?
    @Flag(help: "The stream as text: one line per segment with its findings (the default when not on a terminal).") var plain = false
    @Option(help: "Print the stream: one JSON object per segment.") var trace: TraceFormat?
    @Option(help: "Export: a Mermaid sequence diagram of the stream.") var export: ExportFormat?

    func validate() throws {
        if let problem = CaptureRequests.problem(file: file, live: live, list: list, export: export != nil, stream: stream, count: count) { throw ValidationError(problem) }
    }

    func execute() throws {
        let output = try Output(plain: plain, trace: trace, export: export)
        if live { return try global.show(CaptureRequests.live(device: interface, filter: filter, stream: stream ?? 0, count: count, output: output, language: global.language)) }
        let (shown, warning) = try CaptureRequests.trace(file ?? "", list: list, stream: stream, output: output, language: global.language)
        if let warning { printError(warning) }
        try global.show(shown)
    }
}
