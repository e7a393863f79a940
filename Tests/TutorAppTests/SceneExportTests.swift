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
                // Split at the arrow itself, so a participant may contain an x (proxy).
                let head = a.trimmingPrefix("    ").split(separator: ":")[0]
                let ends = head.split(separator: head.contains("->>") ? "->>" : "-x")
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

/// `play flow-control --plain`: the gauge's readings as text, printed where they change.
@Suite("Plain flow-control export")
struct FlowPlainExportTests {
    /// Reviewer: the initial readings under the header, then the server's row after each ACK
    /// that changes its window, the client's after each change of what it has in flight.
    @Test("The receive buffer and the sender's window are printed where they change, in English and Korean")
    func flowLines() throws {
        let en = try SceneExport.text(.flowControl, format: .plain, language: .en).split(separator: "\n").map(String.init)
        let header = try #require(en.firstIndex { $0.hasSuffix("server") && $0.contains("client") })
        #expect(en[header + 1] == "          |  server receive buffer 0/3000 B unread | no rwnd advertised yet")
        #expect(en[header + 2] == "          |  client 0 B in flight | no rwnd heard yet")
        let ack = try #require(en.firstIndex { $0.contains("#9 ACK seq=5001 ack=4001 win=0") })
        #expect(en[ack + 1] == "          |  server receive buffer 3000/3000 B unread | advertised rwnd 0 B")
        #expect(en.contains("          |  client 0 B in flight | heard rwnd 0: waits, persist timer probes"))
        // Printed again only when it changed: no reading twice in a row.
        for side in ["          |  server ", "          |  client "] {
            let readings = en.filter { $0.hasPrefix(side) }
            #expect(readings.count > 5 && zip(readings, readings.dropFirst()).allSatisfy { $0 != $1 }, "\(side)")
        }
        #expect(en.allSatisfy { $0.count <= 80 })
        let ko = try SceneExport.text(.flowControl, format: .plain, language: .ko)
        #expect(ko.contains("|  서버       수신 버퍼 읽지 않은 3000/3000 B | 광고한 rwnd 0 B"))
        #expect(ko.contains("|  클라이언트 전송 중 0 B | 받은 rwnd 0: 대기 중, persist 타이머 동작"))
    }
}

@Suite("Trace JSON lines escape what a terminal acts on")
struct TraceJSONEscapeTests {
    @Test("DEL, C1, line separators and bidi controls in a label come out as \\u escapes")
    func c1() {
        #expect(TraceExport.quote("a\u{1b}\u{7f}\u{9b}\u{2028}\u{202e}\u{2069}é") == #""a\u001b\u007f\u009b\u2028\u202e\u2069é""#)
    }
}
