import NetSim
import Testing
import TutorContent
import TutorCore
import TutorQuiz
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// One question of every kind, in both languages, on the fixture lesson "udp".
enum QuizFixtures {
    static let yaml = """
    lesson: udp
    questions:
      - id: udp/choice
        kind: choice
        level: 1
        prompt: {ko: "넷플릭스는 TCP를 쓸까, UDP를 쓸까?", en: "Does Netflix stream over TCP or UDP?"}
        choices:
          - {text: {ko: TCP, en: TCP}, correct: true}
          - {text: {ko: UDP, en: UDP}, why: {ko: "주문형은 버퍼가 있어 TCP", en: "On-demand video buffers, over TCP"}}
          - {text: {ko: SCTP, en: SCTP}, why: {ko: "브라우저가 쓰지 않음", en: "Browsers do not speak it"}}
        explain: {ko: "HTTPS 위 DASH/HLS", en: "DASH/HLS over HTTPS"}
        scene: udp-vs-tcp
      - id: udp/multi
        kind: multi
        level: 1
        prompt: {ko: "UDP가 어울리는 것을 모두 고르세요", en: "Pick every good fit for UDP"}
        choices:
          - {text: {ko: 화상 통화, en: video calls}, correct: true}
          - {text: {ko: DNS 질의, en: DNS queries}, correct: true}
          - {text: {ko: 파일 다운로드, en: file downloads}, why: {ko: "모든 바이트가 필요", en: "every byte is needed"}}
        explain: {ko: "지연에 민감한 것", en: "latency-sensitive ones"}
      - id: udp/tf
        kind: truefalse
        level: 1
        prompt: {ko: "UDP는 순서를 보장한다", en: "UDP guarantees order"}
        answer: false
        explain: {ko: "보장하지 않습니다", en: "it does not"}
      - id: udp/short
        kind: short
        level: 2
        prompt: {ko: "수신자를 보호하는 TCP 기능은?", en: "Which TCP mechanism protects the receiver?"}
        accept: {ko: [흐름 제어], en: [flow control]}
        explain: {ko: "rwnd", en: "rwnd"}
      - id: udp/cloze
        kind: cloze
        level: 2
        prompt: {ko: "빈칸을 채우세요", en: "Fill in the blanks"}
        text: {ko: "UDP 헤더는 {{8}}바이트입니다", en: "The UDP header is {{8}} bytes"}
        explain: {ko: "포트, 길이, 체크섬", en: "ports, length, checksum"}
      - id: udp/order
        kind: order
        level: 1
        prompt: {ko: "핸드셰이크 순서", en: "Handshake order"}
        items: {ko: [SYN, SYN+ACK, ACK], en: [SYN, SYN+ACK, ACK]}
        explain: {ko: "3-way", en: "3-way"}
      - id: udp/numeric
        kind: numeric
        level: 2
        prompt: {ko: "ISN 1000의 SYN에 대한 ack는?", en: "What acknowledges a SYN with ISN 1000?"}
        answer: 1001
        tolerance: 0
        explain: {ko: "SYN은 번호 하나", en: "a SYN takes one number"}
      - id: udp/generated
        kind: generated
        level: 2
        generator: tcp-handshake-numbers
        prompt: {ko: "핸드셰이크 번호", en: "Handshake numbers"}
        explain: {ko: "ISN + 1", en: "ISN + 1"}
      - id: udp/open
        kind: open
        level: 3
        prompt: {ko: "TCP와 UDP의 차이를 설명하세요", en: "Explain how TCP and UDP differ"}
        rubric:
          - {ko: "연결 지향", en: "connection-oriented"}
          - {ko: "신뢰성과 순서", en: "reliability and order"}
        model_answer: {ko: "TCP는 …", en: "TCP is …"}
        explain: {ko: "면접 단골", en: "an interview favourite"}
    """
    static let bank: QuizBank = {
        let r = QuizParser.parse(yaml, file: "udp.yaml", knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
        guard let b = r.bank else { fatalError("\(r.diagnostics)") }
        return b
    }()
}

func quizHarness(size: Size = Size(width: 80, height: 24), language: Language = .en, ascii: Bool = false) -> AppHarness {
    var h = AppHarness(size: size, language: language, lessons: Fixtures.all, ascii: ascii)
    h.quizBanks = [QuizFixtures.bank]
    h.send(.clockAdvanced(to: 1_767_225_600))
    h.state.home?.selectedID = "udp"
    h.press("t")
    return h
}

extension AppHarness {
    var quiz: QuizScreen.State { state.quiz! }
    var currentKind: QuestionKind? { state.quiz?.item?.question.kind }
    /// The number key of the option authored at `authored`, where the shuffle put it.
    func key(ofAuthored authored: Int) -> String { String(quiz.item!.choiceOrder.firstIndex(of: authored)! + 1) }

    /// Answers whatever is asked, right or not, and goes on (to reach a later question).
    mutating func answerAnything() {
        switch quiz.phase {
        case .feedback, .rubric: press("enter")
        case .summary: return
        case .answering:
            if quiz.isTyping { press("enter") }
            else if currentKind == .truefalse { press("t") }
            else if currentKind == .multi { press("1", "enter") }
            else if currentKind == .choice { press("1") }
            else { press("enter") }  // order: the shuffled arrangement
        }
    }
}

@Suite("Quiz screen")
struct QuizScreenTests {
    @Test("t on a lesson starts its quiz; a wrong choice shows its why; every answer is recorded with its time and duration")
    func choiceAndRecord() {
        var h = quizHarness()
        #expect(h.state.screen == .quiz && h.currentKind == .choice)
        h.send(.clockAdvanced(to: 1_767_225_607))
        h.press(h.key(ofAuthored: 1))          // UDP, wherever it is shown
        #expect(h.quiz.phase == .feedback && h.quiz.grade?.correct == false)
        #expect(h.screenText.contains("On-demand video buffers, over TCP") && h.screenText.contains("Why: DASH/HLS over HTTPS"))
        #expect(h.recorded.count == 1 && h.recorded[0].questionID == "udp/choice" && h.recorded[0].durationMS == 7000)
        #expect(h.state.cards["udp/choice"]?.state == .learning, "the card is scheduled (Again: back to the first step)")
        h.press("enter")
        #expect(h.currentKind == .multi)
    }

    @Test("multi: Space and numbers toggle; true/false by t/f; short answers typed with Hangul")
    func multiTrueFalseShort() {
        var h = quizHarness(language: .ko)
        h.press(h.key(ofAuthored: 0)); h.press("enter")          // choice: TCP, right
        h.press(h.key(ofAuthored: 0), h.key(ofAuthored: 1), "enter")  // multi: calls and DNS
        #expect(h.quiz.grade?.correct == true)
        h.press("enter")
        h.press("f")                            // UDP does not guarantee order
        #expect(h.quiz.grade?.correct == true)
        h.press("enter")
        #expect(h.currentKind == .short && h.quiz.isTyping)
        h.type("흐름 제어")
        h.press("backspace")                    // removes the whole syllable 어
        #expect(h.quiz.input.text == "흐름 제")
        h.type("어")
        h.press("left", "left")
        #expect(h.quiz.input.cursor == 3)
        h.press("enter")
        #expect(h.quiz.grade?.correct == true && h.recorded.last?.response == "흐름 제어")
    }

    @Test("cloze, order (grab with Space, move, drop), numeric, open with rubric and rating override")
    func remainingKinds() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 0), "enter")
        h.press(h.key(ofAuthored: 0), h.key(ofAuthored: 1), "enter", "enter")
        h.press("f", "enter")
        h.type("flow control"); h.press("enter", "enter")
        #expect(h.currentKind == .cloze)
        h.type("8"); h.press("enter")
        #expect(h.quiz.grade?.correct == true)
        h.press("enter")
        #expect(h.currentKind == .order)
        // Put the shuffled items in order by grabbing and moving.
        var q = h.quiz
        for target in 0..<q.arrangement.count {
            let from = q.arrangement.firstIndex(of: target)!
            h.state.quiz!.cursor = from
            h.press("space")
            for _ in 0..<(from - target) { h.press("up") }
            h.press("space")
            q = h.quiz
        }
        #expect(h.quiz.arrangement == [0, 1, 2])
        h.press("enter")
        #expect(h.quiz.grade?.correct == true)
        h.press("enter")
        h.type("1000"); h.press("enter")
        #expect(h.quiz.grade?.correct == false && h.screenText.contains("Answer: 1001"))
        h.press("enter")
        #expect(h.currentKind == .generated)
        let generated = h.quiz.item!.generated!
        #expect(h.screenText.contains("ISN"))
        h.type(String(Int(generated.answer))); h.press("enter")
        #expect(h.quiz.grade?.correct == true)
        h.press("enter")
        #expect(h.currentKind == .open)
        h.type("TCP is connection-oriented"); h.press("enter")
        #expect(h.quiz.phase == .rubric && h.screenText.contains("Model answer: TCP is …"))
        h.press("space")                         // covered point 1 of 2
        #expect(h.screenText.contains("Rating: Good (suggested)"))
        h.press("2")                             // override: Hard
        h.press("enter")
        #expect(h.recorded.last?.rating == .hard && h.recorded.last?.source == "quiz")
        h.press("enter")
        #expect(h.quiz.phase == .summary && h.screenText.contains("of 9 correct"))
        h.press("enter")
        #expect(h.state.screen == .home)
    }

    @Test("Esc stops a quiz at once; the answers given so far are already recorded")
    func stopKeepsAnswers() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 0))
        h.press("escape")
        #expect(h.state.screen == .home && h.recorded.count == 1)
    }

    @Test("Review: due cards first, then new ones; the home title counts what is due")
    func review() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 0), "enter", "escape")  // udp/choice answered Good: due in 10 minutes
        #expect(h.state.dueCount == 0)
        h.send(.clockAdvanced(to: 1_767_225_600 + 3600))
        #expect(h.state.dueCount == 1 && h.screenText.contains("due now 1"))
        h.press("r")
        #expect(h.state.screen == .quiz && h.quiz.session.items.first?.question.id == "udp/choice")
        #expect(h.quiz.session.items.count == 9, "the due card, then the 8 new ones")
    }

    @Test("Interview mode: open questions with a visible countdown; the run loop ticks once a second")
    func interview() {
        var h = quizHarness()
        h.press("escape", "i")
        #expect(h.quiz.isInterview && h.currentKind == .open)
        #expect(h.screenText.contains("2:00"))
        #expect(h.state.tickInterval == 1000 && !h.state.isAnimating)
        h.send(.clockAdvanced(to: 1_767_225_600 + 75))
        #expect(h.screenText.contains("0:45"))
    }

    @Test("v on the feedback of a question with a scene replays it, and q comes back to the quiz")
    func replayScene() {
        var h = quizHarness()
        h.press("1")
        h.press("v")
        #expect(h.state.screen == .player && h.state.player?.scene == .udpVsTcp)
        h.press("q")
        #expect(h.state.screen == .quiz && h.quiz.phase == .feedback)
    }

    @Test("s opens the dashboard with what was answered")
    func dashboard() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 0), "enter", "escape", "s")
        #expect(h.state.screen == .dashboard && h.state.dashboard?.answered == 1)
        #expect(h.screenText.contains("Mastery by topic") && h.screenText.contains("answered 1"))
        h.press("q")
        #expect(h.state.screen == .home)
    }

    @Test("Reading positions are saved on leaving a lesson and restored on opening it; scenes opened are recorded")
    func positionsAndSceneRuns() {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.press("enter")                       // the long fixture lesson
        h.press("pgdn", "pgdn")
        let block = h.state.reader!.anchorBlock(size: h.state.size, glyphs: h.state.glyphs)
        #expect(block > 0)
        h.press("q")
        #expect(h.effects.contains(.savePosition(lessonID: h.state.home!.selectedID!, block: block)))
        h.press("enter")
        #expect(h.state.reader!.anchorBlock(size: h.state.size, glyphs: h.state.glyphs) == block)
        #expect(h.effects.contains(.lessonOpened(lessonID: h.state.reader!.lessonID)))
        h.press("home")
        h.press("enter")                        // the scene card at the top plays
        #expect(h.effects.contains(.sceneStarted("tcp-3way")))
    }

    @Test("When the database cannot be used the home title says nothing is saved")
    func notSaving() {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        h.state.notSaving = true
        #expect(h.screenText.contains("not saving"))
    }

    @Test("Predictions in the scene player are recorded as attempts (not scheduled)")
    func predictionsRecorded() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p", "right", "right")
        h.type("syn 1000")
        h.press("enter")
        #expect(h.recorded.last?.source == "predict" && h.recorded.last?.correct == true)
        #expect(h.state.cards.isEmpty)
    }

    @Test("Every question kind renders whole rows at 80x24 and 93x27, answering and in feedback")
    func rendersEverywhere() {
        for (size, language) in [(Size(width: 80, height: 24), Language.en), (Size(width: 93, height: 27), .ko)] {
            var h = quizHarness(size: size, language: language)
            var steps = 0
            while h.state.screen == .quiz && steps < 40 {
                let grid = h.frame()
                for y in 0..<grid.height { #expect(TextWidth.width(of: grid.rowText(y)) == size.width) }
                // The question asked (or answered) is on screen.
                if let item = h.quiz.phase == .feedback ? h.quiz.answered : h.quiz.item {
                    #expect(grid.snapshotText().contains(String(item.prompt[language].prefix(8))), "\(size) \(item.question.id)")
                }
                h.answerAnything()
                steps += 1
            }
        }
    }
}

@Suite("Quiz snapshots")
struct QuizSnapshotTests {
    /// Reviewer: each kind as asked (options, checkboxes, typed answer with its cursor, blanks,
    /// the arrangement to reorder, the interview question), then a feedback screen.
    @Test("Each kind at 80x24", arguments: Array(0..<9))
    func kinds(index: Int) {
        var h = quizHarness(language: index % 2 == 0 ? .en : .ko)
        // Skip ahead to question `index` by answering with Enter (typing kinds skip on empty).
        while h.quiz.session.index < index || h.quiz.phase == .feedback { h.answerAnything() }
        expectSnapshot(h, "quiz-\(h.currentKind!.rawValue)-80x24")
    }

    /// Reviewer: the verdict with ✕, the chosen option's why, the answer and the explanation.
    @Test("Feedback after a wrong choice, 80x24")
    func feedback() {
        var h = quizHarness()
        h.press(h.key(ofAuthored: 1))
        expectSnapshot(h, "quiz-feedback-80x24")
    }

    /// Reviewer: the rubric with one point marked and the suggested rating.
    @Test("Open question rubric, Korean, 80x24")
    func rubric() {
        var h = quizHarness(language: .ko)
        while h.currentKind != .open || h.quiz.phase == .feedback { h.answerAnything() }
        h.type("연결 지향입니다"); h.press("enter", "space")
        expectSnapshot(h, "quiz-rubric-ko-80x24")
    }

    /// Reviewer: mastery bars per topic, due counts, the heatmap with today's answers, accuracy.
    @Test("Dashboard, 80x24 and 120x40")
    func dashboard() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var h = quizHarness(size: size)
            h.press(h.key(ofAuthored: 0), "enter")
            h.press(h.key(ofAuthored: 0), h.key(ofAuthored: 1), "enter", "enter", "escape", "s")
            expectSnapshot(h, "dashboard-\(size.width)x\(size.height)")
        }
    }
}
