import Foundation
import NetSim
import Testing
import TutorQuiz
import TutorCore
@testable import TutorContent

let generators: Set<String> = QuestionGenerators.names

func parseQuiz(_ yaml: String) -> QuizParser.Result {
    QuizParser.parse(yaml, file: "Quizzes/t.yaml", knownScenes: scenes, knownGenerators: generators)
}

@Suite("Quiz files")
struct QuizParserTests {
    @Test("Every kind parses into its typed answer")
    func allKinds() throws {
        let r = parseQuiz("""
        lesson: t
        questions:
          - id: t/choice
            kind: choice
            level: 1
            prompt: {ko: "넷플릭스는?", en: "Netflix?"}
            scene: udp-vs-tcp
            choices:
              - {text: {ko: TCP, en: TCP}, correct: true}
              - {text: {ko: UDP, en: UDP}, why: {ko: "버퍼가 있어서", en: "it buffers"}}
            explain: {ko: "설명", en: "explain"}
          - id: t/multi
            kind: multi
            level: 2
            prompt: {ko: "p", en: "p"}
            choices:
              - {text: {ko: a, en: a}, correct: true}
              - {text: {ko: b, en: b}, correct: true}
              - {text: {ko: c, en: c}, why: {ko: w, en: w}}
            explain: {ko: e, en: e}
          - {id: t/tf, kind: truefalse, level: 1, prompt: {ko: p, en: p}, answer: false, explain: {ko: e, en: e}}
          - {id: t/short, kind: short, level: 1, prompt: {ko: p, en: p}, accept: {ko: [흐름 제어], en: [flow control]}, explain: {ko: e, en: e}}
          - {id: t/cloze, kind: cloze, level: 2, prompt: {ko: p, en: p}, text: {ko: "{{흐름 제어|flow control}}는 수신자를 보호", en: "{{flow control}} protects the receiver"}, explain: {ko: e, en: e}}
          - {id: t/order, kind: order, level: 2, prompt: {ko: p, en: p}, items: {ko: [SYN, SYN+ACK, ACK], en: [SYN, SYN+ACK, ACK]}, explain: {ko: e, en: e}}
          - {id: t/num, kind: numeric, level: 2, prompt: {ko: p, en: p}, answer: 1001, tolerance: 0, unit: byte, explain: {ko: e, en: e}}
          - id: t/open
            kind: open
            level: 3
            prompt: {ko: p, en: p}
            rubric:
              - {ko: 하나, en: one}
              - {ko: 둘, en: two}
            model_answer: {ko: 모범, en: model}
            explain: {ko: e, en: e}
          - {id: t/gen, kind: generated, level: 2, generator: tcp-handshake-numbers, prompt: {ko: p, en: p}, explain: {ko: e, en: e}}
        """)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let bank = try #require(r.bank)
        #expect(bank.questions.map(\.kind) == QuestionKind.allCases)
        #expect(bank.questions[0].scene == "udp-vs-tcp")
        #expect(bank.questions[0].answer == .choices([Choice(text: Localized(ko: "TCP", en: "TCP"), correct: true),
                                                      Choice(text: Localized(ko: "UDP", en: "UDP"), correct: false, why: Localized(ko: "버퍼가 있어서", en: "it buffers"))]))
        #expect(bank.questions[2].answer == .trueFalse(false))
        #expect(bank.questions[6].answer == .numeric(answer: 1001, tolerance: 0, unit: "byte"))
        #expect(bank.questions[8].answer == .generated(generator: "tcp-handshake-numbers"))
        #expect(Cloze.blanks(in: "{{흐름 제어|flow control}}는 {{x}}") == [["흐름 제어", "flow control"], ["x"]])
    }

    @Test("Rule violations are reported with the line of the offending question")
    func violations() {
        let r = parseQuiz("""
        lesson: t
        questions:
          - id: t/a
            kind: choice
            level: 4
            prompt: {ko: p, en: p}
            choices:
              - {text: {ko: a, en: a}, correct: true}
              - {text: {ko: b, en: b}}
            explain: {ko: e, en: e}
          - id: other/b
            kind: essay
            level: 1
            prompt: {ko: p}
            explain: {ko: e, en: e}
          - {id: t/c, kind: cloze, level: 1, prompt: {ko: p, en: p}, text: {ko: "{{a}} {{b}}", en: "{{a}}"}, explain: {ko: e, en: e}}
          - {id: t/d, kind: generated, level: 1, generator: nope, prompt: {ko: p, en: p}, explain: {ko: e, en: e}}
          - {id: t/c, kind: truefalse, level: 1, prompt: {ko: p, en: p}, answer: true, explain: {ko: e, en: e}}
        """)
        let d = r.diagnostics.map(\.description)
        #expect(r.bank == nil)
        #expect(d.contains("Quizzes/t.yaml:5: question 't/a': level must be 1, 2 or 3"))
        #expect(d.contains("Quizzes/t.yaml:9: question 't/a': wrong choice 'b' needs a 'why'"))
        #expect(d.contains("Quizzes/t.yaml:11: question 'other/b': id must start with 't/'"))
        #expect(d.contains { $0.hasPrefix("Quizzes/t.yaml:12: question 'other/b': unknown kind 'essay'") })
        #expect(d.contains("Quizzes/t.yaml:14: question 'other/b' prompt: missing 'en'"))
        #expect(d.contains("Quizzes/t.yaml:16: question 't/c': cloze has 2 blanks in Korean but 1 in English"))
        #expect(d.contains("Quizzes/t.yaml:17: question 't/d': unknown generator 'nope' (known: arq-resend-count, cwnd-after-event, tcp-handshake-numbers, tls-request-time)"))
        #expect(d.contains("Quizzes/t.yaml:18: duplicate question id 't/c' (also on line 16)"))
    }

    @Test("A choice question needs exactly one correct option")
    func exactlyOneCorrect() {
        let r = parseQuiz("""
        lesson: t
        questions:
          - id: t/a
            kind: choice
            level: 1
            prompt: {ko: p, en: p}
            choices:
              - {text: {ko: a, en: a}, correct: true}
              - {text: {ko: b, en: b}, correct: true}
            explain: {ko: e, en: e}
        """)
        #expect(r.diagnostics.map(\.message) == ["question 't/a': a choice question needs exactly one correct choice (has 2)"])
    }

    @Test("Bad YAML in a quiz is one clear diagnostic")
    func badYAML() {
        let r = parseQuiz("lesson: t\nquestions:\n  - {id: t/a, kind: [\n")
        #expect(r.bank == nil)
        #expect(r.diagnostics.count == 1 && r.diagnostics[0].message.hasPrefix("bad YAML"))
    }

    @Test("check: a quiz must name an existing lesson and match its file name; ids are unique across files")
    func crossFileRules() throws {
        let q = { (lesson: String, id: String) in
            "lesson: \(lesson)\nquestions:\n  - {id: \(id), kind: truefalse, level: 1, prompt: {ko: p, en: p}, answer: true, explain: {ko: e, en: e}}\n"
        }
        let root = try makeRoot([
            "Content/ko/a.md": lessonText(id: "a"), "Content/en/a.md": lessonText(id: "a"),
            "Quizzes/a.yaml": q("a", "a/x"),
            "Quizzes/b.yaml": q("a", "a/x"),
            "Quizzes/ghost.yaml": q("ghost", "ghost/y"),
        ])
        let d = ContentLibrary(root: root, knownScenes: scenes, knownGenerators: generators).check().map(\.description)
        #expect(d.contains("Quizzes/b.yaml:1: lesson 'a' does not match the file name 'b.yaml'"))
        #expect(d.contains("Quizzes/b.yaml:1: question id 'a/x' is also used in Quizzes/a.yaml"))
        #expect(d.contains("Quizzes/ghost.yaml:1: no lesson 'ghost' in Content/"))
        #expect(d.count == 3)
    }
}

@Suite("Glossary")
struct GlossaryTests {
    @Test("Entries parse; duplicates (any case) and missing definitions are reported")
    func glossary() {
        let (entries, diags) = GlossaryParser.parse("""
        - term: ACK
          ko: 확인 응답
          en: Acknowledgment
        - term: ack
          ko: 중복
          en: duplicate
        - term: RTO
          ko: 재전송 타임아웃
        """, file: "Content/glossary.yaml")
        #expect(entries == [GlossaryEntry(term: "ACK", definition: Localized(ko: "확인 응답", en: "Acknowledgment"))])
        #expect(diags.map(\.description) == ["Content/glossary.yaml:4: duplicate glossary term 'ack' (also on line 1)",
                                              "Content/glossary.yaml:7: glossary term 'RTO': missing 'en'"])
    }
}
