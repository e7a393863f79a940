import NetSim
import Testing
import TutorCore
@testable import TutorApp

@Suite("Every scene exports without a terminal")
struct SceneExportTests {
    /// What `nettutor play SCENE --plain | --trace json | --export mermaid` prints, for every
    /// scene of the catalog: the title in the plain text, one JSON object per line, a Mermaid
    /// diagram of the right type with at least one message or point.
    @Test("--plain, --trace json and --export mermaid for every scene in the catalog", arguments: SceneCatalog.all)
    func exports(scene: SceneSpec) throws {
        for language in Language.allCases {
            let plain = try SceneExport.text(scene, format: .plain, language: language)
            #expect(plain.contains(scene.title[language]), "\(scene.id) \(language)")
            #expect(plain.split(separator: "\n").count > 5, "\(scene.id) \(language)")
            // The content, not only the frame: what happens in it.
            switch scene.kind {
            case .sequence:
                let trace = try scene.simulate()
                let sends = trace.events.filter { $0.kind == .send }.compactMap(\.label)
                #expect(sends.allSatisfy { plain.contains($0) }, "\(scene.id) \(language)")
            case .chart:
                #expect(plain.contains("3 dup ACKs"), "\(scene.id) \(language)")  // the default loss, round 8
            case .map:
                let journey = try URLJourney.build(JourneyParameters())
                #expect(journey.messages.allSatisfy { plain.contains($0.label) }, "\(scene.id) \(language)")
            }
        }
        let json = try SceneExport.text(scene, format: .json, language: .en)
        let lines = json.split(separator: "\n")
        #expect(lines.count > 2, "\(scene.id)")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"") && $0.hasSuffix("}") && $0.contains("\"note_en\":\"") }, "\(scene.id)")
        let mermaid = try SceneExport.text(scene, format: .mermaid, language: .en)
        switch scene.kind {
        case .chart:
            #expect(mermaid.hasPrefix("xychart-beta"), "\(scene.id)")
            #expect(mermaid.contains("line ["), "\(scene.id)")
        case .sequence, .map:
            #expect(mermaid.hasPrefix("sequenceDiagram\n"), "\(scene.id)")
            let arrows = mermaid.split(separator: "\n").filter { $0.contains("->>") || $0.contains("-x") }
            #expect(arrows.count >= 3, "\(scene.id)")
            // Every arrow goes between declared participants.
            let participants = Set(mermaid.split(separator: "\n").filter { $0.hasPrefix("    participant ") }.map { $0.split(separator: " ")[1] })
            for a in arrows {
                let ends = a.trimmingPrefix("    ").split(separator: ":")[0].split(whereSeparator: { $0 == "-" || $0 == ">" || $0 == "x" })
                #expect(ends.count == 2 && ends.allSatisfy { participants.contains($0) }, "\(scene.id): \(a)")
            }
        }
    }

    /// The URL journey's Mermaid diagram: its messages between its devices, in order, with a
    /// note for what happens inside a device and each stage marked.
    @Test("url-journey as a Mermaid sequence diagram of its messages between its devices")
    func journeyMermaid() throws {
        let j = try URLJourney.build(JourneyParameters())
        let m = TraceExport.journeyMermaid(j, language: .en)
        let lines = m.split(separator: "\n").map(String.init)
        #expect(lines.contains("    participant h_os as OS/NIC"))
        #expect(!lines.contains { $0.contains("participant h_switch") })  // a switch only forwards: no message starts or ends there
        let sent = j.messages.filter { $0.from != $0.to }
        let arrows = lines.filter { $0.contains("->>") }
        #expect(arrows.count == sent.count)
        #expect(arrows.first == "    h_browser->>h_os: getaddrinfo(www.example.com)")
        #expect(arrows.contains("    h_os->>h_cache: SYN seq=1000"))
        #expect(lines.contains("    Note over h_browser,h_authoritative: TLS HANDSHAKE"))
        #expect(lines.contains("    Note over h_browser: HSTS: https"))
        #expect(!m.contains(";") || m.contains("#59;"))
    }
}
