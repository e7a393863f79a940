import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

func journeyHarness(size: Size = Size(width: 80, height: 24), language: Language = .en, ascii: Bool = false,
                    configure: (inout JourneyParameters) -> Void = { _ in }) -> AppHarness {
    var h = AppHarness(size: size, language: language, lessons: Fixtures.all, ascii: ascii)
    var p = JourneyParameters()
    configure(&p)
    h.state.push(.journey(try! JourneyScreen.State(parameters: p)))
    return h
}

extension AppHarness {
    var trip: JourneyScreen.State { state.journey! }
    /// Steps (→) until the current message has this label and the packet is on the given link.
    mutating func goTo(_ label: String, from: HopID? = nil) {
        press("home")
        while !(trip.message.label == label && (from == nil || trip.step?.from == from)) && trip.cursor < trip.frames.count - 1 { press("right") }
    }
}

@Suite("URL journey screen")
struct JourneyScreenTests {
    @Test("→ moves the packet one link, ↓ to the next message, ← and ↑ back; the map marks the link's ends")
    func stepping() {
        var h = journeyHarness()
        #expect(h.state.screen == .journey && h.trip.cursor == 0 && h.trip.message.stage == .url)
        h.goTo("DNS query A? AAAA? www.example.com", from: .router)
        #expect(h.trip.step?.to == .isp)
        #expect(h.screenText.contains("On the wire: Router/NAT → ISP"))
        #expect(h.screenText.contains("203.0.113.7 → 198.51.100.53  TTL 63 ← changed"), "NAT rewrote the source")
        let m = h.trip.frame.message
        h.press("down")
        #expect(h.trip.frame.message == m + 1 && h.trip.frame.step == 0)
        h.press("up")
        #expect(h.trip.frame.message == m && h.trip.frame.step == 0)
        h.press("left")
        #expect(h.trip.frame.message == m - 1)
        h.press("end")
        #expect(h.trip.cursor == h.trip.frames.count - 1 && h.trip.message.stage == .close)
    }

    @Test("The phase ruler shows each phase with its time, like httpstat")
    func ruler() {
        let h = journeyHarness(size: Size(width: 120, height: 40))
        let text = h.screenText
        for name in ["DNS lookup", "TCP connection", "TLS handshake", "Server processing", "Content transfer"] {
            #expect(text.contains(name), "\(name)")
        }
    }

    @Test("1-5 switch variants (TLS 1.2 adds a round trip, HTTP drops TLS); n rotates the DNS round robin")
    func variants() {
        var h = journeyHarness()
        h.press("5")
        #expect(h.trip.parameters.variant == .tls12 && h.trip.journey.messages.filter { $0.stage == .tls }.count == 4)
        #expect(h.state.message == "variant: TLS 1.2 (2-RTT)")
        h.press("4")
        #expect(h.trip.journey.url.scheme == "http" && !h.trip.journey.messages.contains { $0.stage == .tls })
        h.press("2")
        #expect(h.trip.parameters.variant == .cdnHit)
        h.press("1", "n")
        #expect(h.trip.journey.remoteIP == "192.0.2.81")
        #expect(h.state.message?.contains("192.0.2.81, 192.0.2.82, 192.0.2.80") == true)
    }

    @Test("v opens the TCP part in the sequence player with this path's RTT, and the TLS part as a diagram; q comes back")
    func diagrams() {
        var h = journeyHarness()
        h.goTo("SYN seq=1000")
        let oneWay = h.trip.journey.oneWayToEdge
        h.press("v")
        #expect(h.state.screen == .player && h.state.player?.scene == .tcp3Way)
        #expect(h.state.player?.options.rtt == (2 * oneWay).rounded())
        h.press("q")
        #expect(h.state.screen == .journey && h.trip.message.label == "SYN seq=1000")
        h.goTo("ClientHello")
        h.press("v")
        #expect(h.state.player?.fixedTrace == true && h.state.player?.trace.events.filter { $0.kind == .send }.map { $0.segment!.label } == ["ClientHello", "ServerHello … Finished", "Finished"])
        h.press("d")
        #expect(h.state.message?.contains("part of the journey") == true)
        h.press("q")
        #expect(h.state.screen == .journey)
    }

    @Test("Space plays (links per second on ticks), stops at the end; idle does not animate")
    func playback() {
        var h = journeyHarness()
        #expect(!h.state.isAnimating)
        h.press("space")
        #expect(h.state.isAnimating && h.trip.progress == 0)
        h.tick(1.25)  // 2 links a second at 1x
        #expect(h.trip.cursor == 2 && abs(h.trip.progress - 0.5) < 1e-9)
        h.press("space")
        #expect(!h.state.isAnimating)
        h.press("space")
        for _ in 0..<200 { h.tick(0.5) }
        #expect(!h.state.isAnimating && h.trip.cursor == h.trip.frames.count - 1)
    }

    @Test("The Labs list and the lesson's scene card open the journey")
    func opens() {
        var h = AppHarness(lessons: Fixtures.all)
        h.press("end")  // the labs come last, in catalog order
        for _ in SceneCatalog.all where h.state.home?.selectedID != "scene:url-journey" { h.press("up") }
        #expect(h.state.home?.selectedID == "scene:url-journey")
        h.press("enter")
        #expect(h.state.screen == .journey)
        h.press("q")
        #expect(h.state.screen == .home && h.state.journey == nil)
    }

    @Test("Every frame renders whole rows at 80x24, 93x27, 120x40 and 200x60, in both languages and ASCII")
    func rendersEverywhere() {
        for (size, language, ascii) in [(Size(width: 80, height: 24), Language.en, false), (Size(width: 93, height: 27), .ko, false),
                                        (Size(width: 120, height: 40), .ko, true), (Size(width: 200, height: 60), .en, false)] {
            for variant in ["1", "5"] {
                var h = journeyHarness(size: size, language: language, ascii: ascii)
                h.press(variant)
                for _ in 0..<h.trip.frames.count {
                    let grid = h.frame()
                    for y in 0..<grid.height { #expect(TextWidth.width(of: grid.rowText(y)) == size.width, "\(size) row \(y)") }
                    // Every frame names the URL and the message on the wire.
                    let text = grid.snapshotText()
                    #expect(text.contains(String(h.trip.journey.url.text.prefix(20))), "\(size) URL")
                    #expect(text.contains(String(h.trip.message.label.prefix(12))), "\(size) message \(h.trip.message.label)")
                    h.press("right")
                }
            }
        }
    }

    @Test("A failed live journey ends on the failure, in the error style")
    func failure() {
        var m = MeasuredFetch(nameLookup: 0, connect: 0, tlsDone: 0, startTransfer: 0, total: 0, remoteIP: "", remotePort: 0,
                              httpVersion: "HTTP/1.1", tlsVersion: nil, status: 0, bytes: 0)
        m.failure = (.dns, "Could not resolve host: nowhere.invalid")
        var h = journeyHarness { $0.url = "http://nowhere.invalid/"; $0.measured = m }
        h.press("end")
        #expect(h.screenText.contains("Could not resolve host: nowhere.invalid"))
        h.press("5")
        #expect(h.state.message == "A live journey has no variants: it is what was measured.")
    }

    /// `journey https://… --live` without a network printed "TLSv1.3, HTTP/1.1" above "failed (DNS)".
    @Test("Never show what was not measured: a live fetch that failed at DNS reports no TLS or HTTP version")
    func unmeasuredVersionsAreNotShown() throws {
        var m = MeasuredFetch(nameLookup: 0, connect: 0, tlsDone: 0, startTransfer: 0, total: 0, remoteIP: "", remotePort: 0,
                              httpVersion: "HTTP/1.1", tlsVersion: nil, status: 0, bytes: 0)
        m.failure = (.dns, "Could not resolve host: www.example.com")
        var p = JourneyParameters(); p.url = "https://www.example.com/"; p.measured = m
        let j = try URLJourney.build(p)
        #expect(j.tlsVersion == nil && j.httpVersion == nil)
        let header = TraceExport.journeyPlain(j, language: .en).split(separator: "\n").prefix(2).joined(separator: "\n")
        #expect(!header.contains("TLS") && !header.contains("HTTP/"), "\(header)")
        // The model (not live) still names its versions.
        let model = try URLJourney.build(JourneyParameters())
        #expect(model.tlsVersion == "TLSv1.3" && model.httpVersion == "HTTP/2")
    }
}

@Suite("URL journey snapshots")
struct JourneySnapshotTests {
    /// Reviewer: the DNS query crossing the NAT (source rewritten, marked "changed"), the
    /// resolver above the ISP, the ruler with DNS current; the TLS ClientHello at the core;
    /// the 200 OK leaving the edge with the cache headers.
    @Test("Steps of the standard journey at 80x24 and 120x40",
          arguments: [("DNS query A? AAAA? www.example.com", HopID.router), ("ClientHello", .core), ("200 OK", .cache)])
    func steps(label: String, from: HopID) {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = journeyHarness(size: size)
            h.goTo(label, from: from)
            let name = label.split(separator: " ").prefix(2).joined(separator: "-").lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
            expectSnapshot(h, "journey-\(name)-\(size.width)x\(size.height)")
        }
    }

    /// Reviewer: Korean at an odd size: the ARP broadcast flooded by the switch.
    @Test("Korean, ARP request at the switch, 93x27")
    func korean() {
        var h = journeyHarness(size: Size(width: 93, height: 27), language: .ko)
        h.goTo("ARP who-has 192.168.0.1", from: .lanSwitch)
        expectSnapshot(h, "journey-arp-ko-93x27")
    }

    /// Reviewer: ASCII only, TLS 1.2's second round trip.
    @Test("ASCII, TLS 1.2, 80x24")
    func ascii() {
        var h = journeyHarness(ascii: true) { $0.variant = .tls12 }
        h.goTo("ChangeCipherSpec, Finished", from: .core)
        expectSnapshot(h, "journey-tls12-ascii-80x24")
    }
}
