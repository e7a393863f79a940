import Foundation
import NetSim
import Testing
import TutorCore
import TutorQuiz
import TutorRender
@testable import TutorContent

/// The shipped curriculum (issue 19): at least 34 lessons, every one in both languages, a quiz
/// bank of at least 12 questions per lesson and 480 in all using every kind, and a glossary of
/// at least 220 terms.
@Suite("Shipped content bank")
struct ContentBankTests {
    static let lessonIDs = [
        "network-layers", "tcp-handshake", "tcp-vs-udp", "flow-control", "congestion-control",
        "error-control", "http-basics", "http-methods", "http-vs-https", "http1-vs-http2", "cors",
        "cookie-session", "rest-api", "dns-round-robin", "url-to-page", "ipv4-vs-ipv6",
        "load-balancer", "blocking-async", "ip-addressing", "proxy-cdn", "web-realtime",
        // Issue 19: the topics interviews reach beyond the first 21.
        "network-devices", "network-performance", "sockets", "web-security", "routing", "dns",
        "tls-certificates", "quic-http3", "api-styles", "web-server-was", "email-protocols",
        "vpn-tunnels", "network-troubleshooting",
    ]
    let library = ContentLibrary(root: repoRoot, knownScenes: scenes, knownGenerators: QuestionGenerators.names)

    @Test("Every lesson exists in Korean and English")
    func allLessonsInBothLanguages() throws {
        let (catalog, diags) = library.loadCatalog()
        #expect(diags.isEmpty, "\(diags)")
        for language in Language.allCases {
            #expect(Set(catalog.lessons(in: language).map(\.id)) == Set(Self.lessonIDs), "\(language)")
        }
        #expect(Self.lessonIDs.count >= 34)
    }

    @Test("Each lesson has a misconceptions part and a sources part, and a short summary")
    func lessonParts() throws {
        for id in Self.lessonIDs {
            for (language, misconceptions, sources) in [(Language.ko, "흔한 오해", "출처"), (.en, "Common misconceptions", "Sources")] {
                let lesson = try library.loadLesson(id: id, language: language).get()
                let headings = lesson.blocks.compactMap { b -> String? in
                    if case .heading(_, let inl) = b { return inl.map(\.plainText).joined() } else { return nil }
                }
                #expect(headings.contains { $0.contains(misconceptions) }, "\(language)/\(id) misconceptions")
                #expect(headings.contains { $0.contains(sources) }, "\(language)/\(id) sources")
                #expect(TextWidth.width(of: lesson.meta.summary) <= 90, "\(language)/\(id) summary width")
                #expect(!lesson.meta.sources.isEmpty, "\(language)/\(id) cites sources")
            }
        }
    }

    @Test("At least 12 questions per lesson, 480 in all, 2 open questions per lesson, every kind used")
    func quizBank() throws {
        let (banks, diags) = library.loadQuizzes()
        #expect(diags.allSatisfy { $0.severity == .warning }, "\(diags.map(\.description).joined(separator: "\n"))")
        let byLesson = Dictionary(uniqueKeysWithValues: banks.map { ($0.lesson, $0) })
        for id in Self.lessonIDs {
            let bank = try #require(byLesson[id], "no quiz for \(id)")
            #expect(bank.questions.count >= 12, "\(id): \(bank.questions.count) questions")
            let open = bank.questions.filter { q in
                if case .open(let rubric, _) = q.answer { return rubric.count >= 2 } else { return false }
            }
            #expect(open.count >= 2, "\(id): \(open.count) open questions")
        }
        let all = banks.flatMap(\.questions)
        #expect(all.count >= 480)
        #expect(Set(all.map(\.kind)) == Set(QuestionKind.allCases))
        // Every wrong option explains itself (the parser rejects the file otherwise).
        for q in all { if case .choices(let cs) = q.answer { #expect(cs.allSatisfy { $0.correct || $0.why != nil }) } }
    }

    @Test("The notes' own interview questions are in the bank")
    func notesQuestions() throws {
        let ids = Set(library.loadQuizzes().0.flatMap(\.questions).map(\.id))
        #expect(ids.contains("tcp-vs-udp/netflix"))
        let all = library.loadQuizzes().0.flatMap(\.questions)
        #expect(all.contains { $0.lesson == "tcp-handshake" && $0.kind == .open && $0.prompt.en.lowercased().contains("final ack") })
        #expect(all.contains { $0.prompt.en.lowercased().contains("flow control") && $0.prompt.en.lowercased().contains("congestion control") })
    }

    @Test("The glossary has at least 220 terms, each defined in both languages")
    func glossary() {
        let (entries, diags) = library.loadGlossary()
        #expect(diags.isEmpty, "\(diags)")
        #expect(entries.count >= 220)
    }
}
