import TutorShell
import ArgumentParser
import NetSim
import TutorApp

struct Journey: Command {
    static let configuration = CommandConfiguration(commandName: "journey", 
        abstract: "What happens when you type a URL: the page load as an animated journey over the hops, or a stage list.",
        discussion: "Without --live the journey is modelled (addresses from the documentation ranges). With --live the URL is really resolved and fetched with libcurl, and the journey plays with the measured DNS, TCP, TLS, first-byte and transfer times; a failure is shown at the stage where it happened.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The URL (http or https; a bare host means https).") var url: String = "https://www.example.com/"
    @Flag(help: "Really fetch the URL and use the measured times.") var live = false
    @Option(help: "A variant of the model (not with --live).") var variant: JourneyVariant?
    @Option(help: "Which client of the DNS round robin (rotates the A records).") var client: Int = 0
    @Option(help: "Live mode: give up after this many seconds.") var timeout: Double = 10
    @Flag(help: "Live mode: accept certificates that do not verify (self-signed).") var insecure = false
    @Flag(help: "A readable stage list with the phase ruler (the default when not on a terminal).") var plain = false
    @Option(help: "Print the journey: one JSON object per message.") var trace: TraceFormat?
    @Option(help: "Export: a Mermaid sequence diagram of the messages between the devices.") var export: ExportFormat?

    func execute() throws {
        let p = try CommandRequests.journey(url: url, client: client, variant: variant, live: live, timeout: timeout, insecure: insecure)
        try global.show(CommandRequests.journey(p, output: try Output(plain: plain, trace: trace, export: export), language: global.language))
        if let f = p.measured?.failure {
            printError("\(f.stage.rawValue): \(f.message)")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
