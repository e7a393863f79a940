import NetSim
import Testing
import TutorCore
@testable import TutorQuiz

func q(_ kind: QuestionKind, _ answer: Answer) -> Question {
    Question(id: "t/\(kind.rawValue)", lesson: "t", kind: kind, level: 1, prompt: Localized(ko: "?", en: "?"),
             explain: Localized(ko: "설명", en: "explain"), answer: answer)
}

@Suite("Grading")
struct GradingTests {
    let choices = [Choice(text: Localized(ko: "TCP", en: "TCP"), correct: true),
                   Choice(text: Localized(ko: "UDP", en: "UDP"), correct: false, why: Localized(ko: "주문형 스트리밍은 버퍼가 있어 TCP", en: "On-demand streaming buffers, over TCP"))]

    @Test("choice: the right option; a wrong one shows its why and the answer")
    func choice() {
        #expect(Grader.grade(q(.choice, .choices(choices)), .choice(0)).correct)
        let g = Grader.grade(q(.choice, .choices(choices)), .choice(1))
        #expect(!g.correct && g.rating == .again)
        #expect(g.feedback.contains { $0.en == "On-demand streaming buffers, over TCP" })
        #expect(g.feedback.contains { $0.ko == "정답: TCP" })
    }

    @Test("multi: exactly the right set; partial credit; wrong picks explained, misses listed")
    func multi() {
        let opts = [Choice(text: Localized(ko: "가", en: "a"), correct: true), Choice(text: Localized(ko: "나", en: "b"), correct: true),
                    Choice(text: Localized(ko: "다", en: "c"), correct: false, why: Localized(ko: "다는 아님", en: "c is not"))]
        let question = q(.multi, .choices(opts))
        #expect(Grader.grade(question, .multi([0, 1])).correct)
        let half = Grader.grade(question, .multi([0]))
        #expect(!half.correct && half.score == 0.5 && half.rating == .again && half.feedback.contains { $0.en == "Missed: b" }, "partial credit is kept in the score; the answer is wrong")
        let bad = Grader.grade(question, .multi([0, 2]))
        #expect(bad.score == 0 && bad.feedback.contains { $0.en.contains("c is not") })
    }

    @Test("short: case, width, spaces, punctuation and hyphens fold; Korean spacing too; decomposed Hangul equals syllables")
    func shortFolding() {
        let question = q(.short, .short(accept: LocalizedList(ko: ["흐름 제어"], en: ["flow control"])))
        for answer in ["Flow Control", "flow-control", "ｆｌｏｗ　ｃｏｎｔｒｏｌ", " flow  control. ", "흐름제어", "흐름 제어!",
                       "\u{1112}\u{1173}\u{1105}\u{1173}\u{11B7} \u{110C}\u{1166}\u{110B}\u{1165}"] {
            #expect(Grader.grade(question, .text(answer)).correct, "\(answer)")
        }
        #expect(!Grader.grade(question, .text("congestion control")).correct)
    }

    @Test("short: small typos pass on longer answers with 'close', never on numbers or short tokens like SYN")
    func typos() {
        let long = q(.short, .short(accept: LocalizedList(ko: ["혼잡 윈도우"], en: ["congestion window"])))
        let g = Grader.grade(long, .text("congestoin window"))
        #expect(g.correct && g.close && g.rating == .hard && g.feedback.contains { $0.en == "It is spelled: congestion window" })
        #expect(!Grader.grade(long, .text("cngstn wndw")).correct, "too many edits")
        let syn = q(.short, .short(accept: LocalizedList(ko: ["SYN"], en: ["SYN"])))
        #expect(!Grader.grade(syn, .text("SYM")).correct)
        let num = q(.short, .short(accept: LocalizedList(ko: ["RFC 9293"], en: ["RFC 9293"])))
        #expect(!Grader.grade(num, .text("RFC 9283")).correct)
        #expect(Grader.grade(num, .text("rfc9293")).correct)
    }

    @Test("cloze: every blank graded; either language accepted; alternatives with |")
    func cloze() {
        let question = q(.cloze, .cloze(text: Localized(ko: "수신자를 보호하는 것은 {{흐름 제어}}, 네트워크는 {{혼잡 제어|congestion control}}",
                                                       en: "The receiver is protected by {{flow control}}, the network by {{congestion control}}")))
        #expect(Grader.grade(question, .blanks(["flow control", "혼잡제어"])).correct)
        let half = Grader.grade(question, .blanks(["흐름 제어", "routing"]))
        #expect(!half.correct && half.score == 0.5 && half.feedback.contains { $0.en == "Blank 2: congestion control" })
    }

    @Test("numeric: tolerance, thousands separators, units (a wrong unit says so)")
    func numeric() {
        let question = q(.numeric, .numeric(answer: 1001, tolerance: 0, unit: "byte"))
        #expect(Grader.grade(question, .text("1001")).correct)
        #expect(Grader.grade(question, .text("1,001 bytes")).correct)
        #expect(Grader.grade(question, .text("1001바이트")).correct)
        let unit = Grader.grade(question, .text("1001 ms"))
        #expect(!unit.correct && unit.feedback.contains { $0.en == "Wrong unit: the answer is in byte, not ms." })
        #expect(!Grader.grade(question, .text("1000")).correct)
        #expect(!Grader.grade(question, .text("about a thousand")).correct)
        let tol = q(.numeric, .numeric(answer: 0.5, tolerance: 0.05, unit: nil))
        #expect(Grader.grade(tol, .text("0.53")).correct && !Grader.grade(tol, .text("0.6")).correct)
    }

    @Test("order: partial credit shows which positions were right")
    func order() {
        let question = q(.order, .order(items: LocalizedList(ko: ["SYN", "SYN+ACK", "ACK"], en: ["SYN", "SYN+ACK", "ACK"])))
        #expect(Grader.grade(question, .order([0, 1, 2])).correct)
        let g = Grader.grade(question, .order([0, 2, 1]))
        #expect(!g.correct && abs(g.score - 1.0 / 3) < 1e-9)
        #expect(g.feedback.contains { $0.en == "In the right place: 1 (1/3)" } && g.feedback.contains { $0.ko == "맞는 자리: 1 (1/3)" })
    }

    @Test("true/false and skipping")
    func trueFalse() {
        let question = q(.truefalse, .trueFalse(false))
        #expect(Grader.grade(question, .trueFalse(false)).correct)
        #expect(Grader.grade(question, .trueFalse(true)).feedback.contains { $0.ko == "정답: 거짓" })
        #expect(Grader.grade(question, .skipped).rating == .again)
    }

    @Test("open: the share of rubric points covered suggests the rating; the learner may override it")
    func open() {
        let rubric = (0..<4).map { Localized(ko: "점\($0)", en: "point \($0)") }
        let question = q(.open, .open(rubric: rubric, modelAnswer: Localized(ko: "모범", en: "model")))
        #expect(Grader.grade(question, .open(text: "", covered: [], rating: nil)).rating == .again)
        #expect(Grader.grade(question, .open(text: "x", covered: [0], rating: nil)).rating == .hard)
        #expect(Grader.grade(question, .open(text: "x", covered: [0, 1, 2], rating: nil)).rating == .good)
        #expect(Grader.grade(question, .open(text: "x", covered: [0, 1, 2, 3], rating: nil)).rating == .easy)
        #expect(Grader.grade(question, .open(text: "x", covered: [0], rating: .good)).rating == .good, "override")
    }

    @Test("generated: every generator is deterministic per seed and graded against NetSim", arguments: QuestionGenerators.names.sorted())
    func generated(name: String) throws {
        let question = q(.generated, .generated(generator: name))
        var answers = Set<Double>()
        for seed in UInt64(1)...20 {
            let g = try #require(QuestionGenerators.make(name, seed: seed))
            #expect(g == QuestionGenerators.make(name, seed: seed))
            #expect(Grader.grade(question, .text(TraceFormat.number(g.answer)), generated: g).correct)
            #expect(!Grader.grade(question, .text(TraceFormat.number(g.answer + 1)), generated: g).correct)
            answers.insert(g.answer)
        }
        #expect(answers.count > 2, "different seeds give different questions")
    }

    @Test("arq-resend-count: Go-Back-N resends the rest of the window, Selective Repeat only the lost packet")
    func arqGenerator() throws {
        var gbn = false, sr = false
        for seed in UInt64(1)...40 {
            let g = try #require(QuestionGenerators.make("arq-resend-count", seed: seed))
            if g.prompt.en.hasPrefix("Selective Repeat") {
                let lost = g.prompt.en.components(separatedBy: "first copy of packet ").last?.split(separator: " ").first ?? ""
                #expect(g.answer == 1 && g.explain.en.hasSuffix("resent: pkt \(lost)."))
                sr = true
            } else {
                #expect(g.answer >= 1 && g.explain.en.components(separatedBy: "pkt ").count - 1 == Int(g.answer), "the packets listed are the ones counted")
                gbn = true
            }
        }
        #expect(gbn && sr)
    }

    @Test("arq-resend-count and cwnd-after-event state what their answer depends on: the clock, and RFC 5681's rules")
    func generatorsStateTheirAssumptions() throws {
        for seed in UInt64(1)...10 {
            let arq = try #require(QuestionGenerators.make("arq-resend-count", seed: seed))
            for text in [arq.prompt.en, arq.prompt.ko] { #expect(text.contains("10 ms") && text.contains("50 ms") && text.contains("250 ms"), "\(text)") }
            let cwnd = try #require(QuestionGenerators.make("cwnd-after-event", seed: seed))
            for text in [cwnd.prompt.en, cwnd.prompt.ko] { #expect(text.contains("max(⌊FlightSize/2⌋, 2)"), "\(text)") }
        }
    }

    @Test("tls-request-time: the request leaves 2 RTT after the SYN with TLS 1.3 (RFC 8446 §2), 3 RTT with TLS 1.2 (RFC 5246 §7.3)")
    func tlsGenerator() throws {
        var seen: Set<String> = []
        for seed in UInt64(1)...40 {
            let g = try #require(QuestionGenerators.make("tls-request-time", seed: seed))
            let rtt = try #require(Double(g.prompt.en.split(separator: " ").drop { $0 != "server" }.dropFirst().first ?? ""))
            let v12 = g.prompt.en.contains("TLS 1.2")
            #expect(g.answer == (v12 ? 3 : 2) * rtt, "\(g.prompt.en)")
            #expect(g.unit == "ms")
            seen.insert(v12 ? "1.2" : "1.3")
        }
        #expect(seen == ["1.2", "1.3"])
    }
}
