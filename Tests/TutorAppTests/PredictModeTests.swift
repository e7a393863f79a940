import Foundation
import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Predict mode cannot be read off the screen (issue 13): stepping through every scene with
/// predict mode on, no frame shows anything of a segment not yet guessed: not its fields
/// (`seq=5000`), not its flags (`SYN+ACK`), not its answer (`SYN+ACK 5000 1001`), not its label. The prompt's example is
/// never a real answer, and what the user could not know (a chosen ISN) is announced.
@Suite("Predict mode shows nothing from the future")
struct PredictModeTests {
    /// The strings of a send that give it away, less those an earlier send already showed.
    static func secrets(of f: TraceEvent, rule: PredictionRule, shown: [TraceEvent], known: [String] = []) -> [String] {
        let seen = Set(known + shown.flatMap { ($0.label ?? "").split(separator: " ").map(String.init) } + shown.map { rule.answer($0) } + shown.compactMap(\.label))
        // The fields (seq=5000) and the flags (SYN+ACK: the label's first word).
        let words = (f.label ?? "").split(separator: " ").map(String.init)
        // A bare ACK or pkt says nothing: every exchange has them.
        let fields = words.filter { $0.contains("=") } + words.prefix(1).filter { !["ACK", "pkt"].contains($0) }
        return (fields + [rule.answer(f), f.label ?? ""]).filter { !$0.isEmpty && !seen.contains($0) }
    }

    /// Whether `secret` is on screen as whole words (`len=1` is not in `len=1000`).
    static func shows(_ text: String, _ secret: String) -> Bool {
        let pattern = "(^|[^A-Za-z0-9=+])" + NSRegularExpression.escapedPattern(for: secret) + "($|[^A-Za-z0-9])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test("Every frame of every scene in predict mode: no future segment's fields, answer or label",
          arguments: SceneCatalog.all.filter { $0.kind == .sequence }.map(\.id))
    func nothingFromTheFuture(id: String) throws {
        let spec = try SceneCatalog.lookup(id)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = try playerHarness(spec, size: size)
            h.press("p")
            let rule = h.state.player!.prediction
            var frames = 0
            while !h.state.player!.atEnd || h.state.player!.awaitingGuess != nil {
                if h.state.player!.awaitingGuess != nil { h.type("zzz"); h.press("enter") } else { h.press("right") }
                let p = h.state.player!
                let shown = p.trace.events.prefix(max(0, p.revealed + 1)).filter { $0.kind == .send }
                let text = h.screenText
                frames += 1
                for f in p.trace.events.dropFirst(p.revealed + 1) where f.kind == .send {
                    // What the scene's title says (tcp-syn-retransmit is about a SYN) is no secret.
                    let title = (spec.title.en + " " + spec.title.ko).split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).map(String.init)
                    for secret in Self.secrets(of: f, rule: rule, shown: Array(shown), known: title) {
                        #expect(!Self.shows(text, secret), "\(id) \(size.width)x\(size.height) at event \(p.cursor): \"\(secret)\" of #\(f.n ?? 0) is on screen\n\(text)")
                    }
                }
                if frames > 400 { break }
            }
            #expect(frames > 5)
        }
    }

    /// Rule: the prompt's example has the answer's format but answers no segment of the scene.
    @Test("The prompt's example is never a real answer", arguments: SceneCatalog.all.filter { $0.kind == .sequence }.map(\.id))
    func exampleIsNoAnswer(id: String) throws {
        let spec = try SceneCatalog.lookup(id)
        let trace = try spec.simulate(SceneOptions())
        let rule = spec.prediction ?? .label
        for send in trace.events where send.kind == .send {
            let prompt = rule.prompt(for: send, in: trace).en
            let example = try #require(prompt.split(separator: "e.g. ").last?.split(separator: ")").first.map(String.init))
            #expect(!trace.events.contains { $0.kind == .send && rule.check(example, against: $0) }, "\(id): \(example)")
        }
    }

    /// Rule: an ISN is chosen, not derived (RFC 9293 §3.4.1), so the prompt for a SYN says
    /// which ISN its sender chose; the rest (ack = the peer's ISN + 1) is for the user to know.
    @Test("The SYN+ACK's prompt announces the server's ISN, not the ack")
    func isnAnnounced() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p")
        while h.state.player!.awaitingGuess == nil || h.state.player!.trace.events[h.state.player!.awaitingGuess!].n != 2 {
            if h.state.player!.awaitingGuess != nil { h.type("syn 1000"); h.press("enter") } else { h.press("right") }
        }
        let text = h.screenText
        #expect(text.contains("ISN 5000") && !text.contains("1001"))
    }
}
