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
    @Argument(help: "The capture file (pcap or pcapng).", completion: .file()) var file: String
    @Flag(help: "List the TCP and UDP conversations (like 'tshark -q -z conv,tcp') and stop.") var list = false
    @Option(help: "Which TCP stream (0 is the first; see --list).") var stream: Int = 0
    @Flag(help: "The stream as text: one line per segment with its findings (the default when not on a terminal).") var plain = false
    @Option(help: "Print the stream: one JSON object per segment.") var trace: TraceFormat?
    @Option(help: "Export: a Mermaid sequence diagram of the stream.") var export: ExportFormat?

    func validate() throws {
        if stream < 0 { throw ValidationError("--stream must be 0 or more") }
    }

    func execute() throws {
        let (shown, warning) = try CaptureRequests.trace(file, list: list, stream: stream, output: try Output(plain: plain, trace: trace, export: export), language: global.language)
        if let warning { printError(warning) }
        try global.show(shown)
    }
}
