import NetSim
import TutorApp
import TutorCLI
import TutorShell

struct Journey: Command {
    static let spec = CommandSpec("journey",
        abstract: "What happens when you type a URL: the page load as an animated journey over the hops, or a stage list.",
        discussion: "Without --live the journey is modelled (addresses from the documentation ranges). With --live the URL is really resolved and fetched with libcurl, and the journey plays with the measured DNS, TCP, TLS, first-byte and transfer times; a failure is shown at the stage where it happened.",
        arguments: [.init("url", help: "The URL (http or https; a bare host means https).", defaultText: "https://www.example.com/")],
        options: [.flag("live", "Really fetch the URL and use the measured times."),
                  .choice("variant", "A variant of the model (not with --live).", JourneyVariant.self),
                  .value("client", "Which client of the DNS round robin (rotates the A records).", default: "0"),
                  .value("timeout", "Live mode: give up after this many seconds.", default: "10"),
                  .flag("insecure", "Live mode: accept certificates that do not verify (self-signed)."),
                  .flag("plain", "A readable stage list with the phase ruler (the default when not on a terminal)."),
                  Output.traceOption("Print the journey: one JSON object per message."),
                  Output.exportOption("Export: a Mermaid sequence diagram of the messages between the devices.")])
    let global: GlobalOptions, url: String, live: Bool, variant: JourneyVariant?, client: Int, timeout: Double, insecure: Bool, output: Output

    init(_ p: ParsedCommand) throws {
        global = try GlobalOptions(p); url = p.argument("url") ?? "https://www.example.com/"; live = p.flag("live")
        variant = try p.choice("variant"); client = try p.value("client", default: 0); timeout = try p.value("timeout", default: 10)
        insecure = p.flag("insecure"); output = try Output(p, plain: p.flag("plain"))
    }

    func execute() throws {
        let p = try CommandRequests.journey(url: url, client: client, variant: variant, live: live, timeout: timeout, insecure: insecure)
        try global.show(CommandRequests.journey(p, output: output, language: global.language))
        if let f = p.measured?.failure {
            printError("\(f.stage.rawValue): \(f.message)")
            throw Exit(code: ExitStatus.failure)
        }
    }
}
