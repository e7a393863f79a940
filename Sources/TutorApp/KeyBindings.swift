import TutorCore
import TutorRender

/// What a key means. Screens react to commands, never to raw keys, so the help overlay and the
/// key bar are generated from the same table that drives behaviour.
public enum Command: Sendable, Hashable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, filter, nextLesson, previousLesson
    /// The reader's search, contents and scene cards; the glossary.
    case nextHit, previousHit, clearSearch, contents, nextScene, glossary, toggleAllTerms, resume
    case toggleLanguage, help, quit, suspend
    case playPause, nextEvent, previousEvent, nextFinding, toggleGraph, faster, slower, restart, toggleStates, dropNext, undoFault, togglePredict, toggleView
    case injectTimeout, injectDupAcks, cycleAlgorithm, toggleCompare, toggleModel, ssthreshDown, ssthreshUp
    case cycleInitialWindow, cycleChart
    case variant(Int), nextClient, openDiagram
    case startQuiz, startReview, startInterview, showDashboard
    case submit, toggleOption, nextQuestion, replayScene, rate(Int), moveItem
    /// Answers: the n-th option (0-based), true or false, show the expected answer.
    case pick(Int), answerTrue, answerFalse, reveal
    /// Editing typed text: the cursor moves by character.
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, nextBlank, previousBlank
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var label: Localized
    /// Shown in the bottom key bar.
    public var inBar: Bool
    /// Listed in the help overlay (one of a family like 1-9 stands for the rest).
    public var inHelp = true
    /// Shown instead of the keys ("1-9").
    public var display: String? = nil
    /// Keys shown instead of `keys` (the down key of an up/down pair shows both).
    public var shownKeys: [Key]? = nil
    /// A shorter label for the key bar (the help shows `label`), so more keys fit 80 columns.
    public var barLabel: Localized? = nil
}

public enum KeyBindings {
    public static let global: [KeyBinding] = [
        KeyBinding(keys: [.char("?")], command: .help, label: Localized(ko: "도움말", en: "help"), inBar: true),
        KeyBinding(keys: [.char("L")], command: .toggleLanguage, label: Localized(ko: "English", en: "한국어"), inBar: true),
        KeyBinding(keys: [.ctrl("z")], command: .suspend, label: Localized(ko: "일시 중지(셸로)", en: "suspend to shell"), inBar: false),
        KeyBinding(keys: [.ctrl("c")], command: .quit, label: Localized(ko: "종료", en: "quit"), inBar: false),
    ]

    public static let home: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "위", en: "up"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "아래", en: "down"), inBar: false),
        KeyBinding(keys: [.pageUp], command: .pageUp, label: Localized(ko: "한 쪽 위", en: "page up"), inBar: false),
        KeyBinding(keys: [.pageDown], command: .pageDown, label: Localized(ko: "한 쪽 아래", en: "page down"), inBar: false),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "first"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "마지막", en: "last"), inBar: false),
        KeyBinding(keys: [.enter, .right], command: .open, label: Localized(ko: "열기", en: "open"), inBar: true),
        KeyBinding(keys: [.char("c")], command: .resume, label: Localized(ko: "마지막 레슨 이어 읽기", en: "continue the last lesson"), inBar: false),
        KeyBinding(keys: [.char("/")], command: .filter, label: Localized(ko: "검색", en: "filter"), inBar: true),
        KeyBinding(keys: [.char("t")], command: .startQuiz, label: Localized(ko: "퀴즈", en: "quiz"), inBar: true),
        KeyBinding(keys: [.char("r")], command: .startReview, label: Localized(ko: "복습", en: "review"), inBar: true),
        KeyBinding(keys: [.char("i")], command: .startInterview, label: Localized(ko: "면접 모드(주관식, 2분씩)", en: "interview mode (open questions, 2 min each)"), inBar: false),
        KeyBinding(keys: [.char("s")], command: .showDashboard, label: Localized(ko: "현황", en: "progress"), inBar: true),
        KeyBinding(keys: [.char("w")], command: .glossary, label: Localized(ko: "용어집", en: "glossary"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape], command: .quit, label: Localized(ko: "종료", en: "quit"), inBar: true),
    ]

    /// Home with a kept filter: q and Esc clear it first.
    static let homeFiltered: [KeyBinding] = home.map { b in
        guard b.command == .quit else { return b }
        var clear = b
        clear.label = Localized(ko: "검색 지우기", en: "clear filter")
        return clear
    }

    public static let reader: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "한 줄 위", en: "line up"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "한 줄 아래", en: "line down"), inBar: false),
        KeyBinding(keys: [.pageUp, .char("b")], command: .pageUp, label: Localized(ko: "한 쪽 위", en: "page up"), inBar: false),
        KeyBinding(keys: [.pageDown, .char(" ")], command: .pageDown, label: Localized(ko: "한 쪽 아래", en: "page down"), inBar: true),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "맨 위", en: "top"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "맨 아래", en: "bottom"), inBar: false),
        KeyBinding(keys: [.char("/")], command: .filter, label: Localized(ko: "본문 검색", en: "search"), inBar: true),
        KeyBinding(keys: [.char("o")], command: .contents, label: Localized(ko: "목차", en: "contents"), inBar: true),
        KeyBinding(keys: [.char("w")], command: .glossary, label: Localized(ko: "이 레슨의 용어", en: "terms in this lesson"), inBar: false),
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "표시된(▸) 장면 재생", en: "play the marked (▸) scene"), inBar: false),
        KeyBinding(keys: [.tab], command: .nextScene, label: Localized(ko: "화면의 다음 장면 카드 표시", en: "mark the next scene card on screen"), inBar: false,
                   barLabel: Localized(ko: "다음 장면", en: "next scene")),
        KeyBinding(keys: [.char("n")], command: .nextLesson, label: Localized(ko: "다음 레슨", en: "next"), inBar: true),
        KeyBinding(keys: [.char("p")], command: .previousLesson, label: Localized(ko: "이전 레슨", en: "previous"), inBar: true),
        KeyBinding(keys: [.char("t")], command: .startQuiz, label: Localized(ko: "이 레슨 퀴즈", en: "quiz"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape, .left], command: .back, label: Localized(ko: "목록으로", en: "back"), inBar: true),
    ]

    /// The reader with a search kept: n and N step through the hits, Esc clears the search.
    static let readerSearched: [KeyBinding] = [
        KeyBinding(keys: [.char("n")], command: .nextHit, label: Localized(ko: "다음 찾은 곳", en: "next match"), inBar: true),
        KeyBinding(keys: [.char("N")], command: .previousHit, label: Localized(ko: "이전 찾은 곳", en: "previous match"), inBar: true),
        KeyBinding(keys: [.escape], command: .clearSearch, label: Localized(ko: "검색 지우기", en: "clear search"), inBar: true),
    ] + reader.compactMap { b in
        guard b.command != .nextLesson else { return nil }
        var b = b
        if b.command == .back { b.keys = [.char("q"), .left] }
        if b.command == .pageDown || b.command == .previousLesson || b.command == .startQuiz { b.inBar = false }
        return b
    }

    /// While the search text is typed.
    static let readerTyping: [KeyBinding] = [
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "검색 확정", en: "keep the search"), inBar: true),
        KeyBinding(keys: [.escape], command: .back, label: Localized(ko: "검색 취소", en: "cancel the search"), inBar: true),
        KeyBinding(keys: [.backspace, .delete], command: .deleteBackward, label: Localized(ko: "글자 지우기", en: "delete a character"), inBar: false),
    ]

    /// The table of contents over the reader.
    static let readerContents: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "위", en: "up"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "위아래 이동", en: "move"), inBar: true, shownKeys: [.up, .down]),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "first"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "마지막", en: "last"), inBar: false),
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "그 절로 가기", en: "go to the section"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape, .char("o")], command: .back, label: Localized(ko: "목차 닫기", en: "close contents"), inBar: true),
    ]

    public static let player: [KeyBinding] = [
        KeyBinding(keys: [.char(" ")], command: .playPause, label: Localized(ko: "재생/멈춤", en: "play/pause"), inBar: true),
        KeyBinding(keys: [.right, .char("l")], command: .nextEvent, label: Localized(ko: "다음 이벤트", en: "next event"), inBar: true),
        KeyBinding(keys: [.left, .char("h")], command: .previousEvent, label: Localized(ko: "이전 이벤트(되감기)", en: "previous event (rewind)"), inBar: true),
        KeyBinding(keys: [.char("n")], command: .nextFinding, label: Localized(ko: "다음 분석 표시(캡처, 같은 종류가 이어지면 건너뜀)", en: "next finding (captures; a run of one kind is one stop)"), inBar: false,
                   barLabel: Localized(ko: "다음 표시", en: "next finding")),
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "이 분석 표시를 설명하는 수업 절 읽기", en: "read the lesson section on this finding"), inBar: false,
                   barLabel: Localized(ko: "설명 읽기", en: "read about it")),
        KeyBinding(keys: [.char("+"), .char("=")], command: .faster, label: Localized(ko: "빠르게", en: "faster"), inBar: false),
        KeyBinding(keys: [.char("-")], command: .slower, label: Localized(ko: "느리게", en: "slower"), inBar: false),
        KeyBinding(keys: [.char("d")], command: .dropNext, label: Localized(ko: "다음 메시지 떨어뜨리기", en: "drop the next message"), inBar: true),
        KeyBinding(keys: [.char("u")], command: .undoFault, label: Localized(ko: "마지막 손실 취소", en: "undo the last drop"), inBar: false),
        KeyBinding(keys: [.char("r")], command: .restart, label: Localized(ko: "처음부터", en: "restart"), inBar: false),
        KeyBinding(keys: [.char("s")], command: .toggleStates, label: Localized(ko: "상태 다이어그램", en: "state diagram"), inBar: false),
        KeyBinding(keys: [.char("t")], command: .toggleGraph, label: Localized(ko: "시간-순서 번호 그래프", en: "time-sequence graph"), inBar: false),
        KeyBinding(keys: [.home], command: .top, label: Localized(ko: "첫 이벤트", en: "first event"), inBar: false),
        KeyBinding(keys: [.end], command: .bottom, label: Localized(ko: "마지막 이벤트", en: "last event"), inBar: false),
        KeyBinding(keys: [.char("p")], command: .togglePredict, label: Localized(ko: "예측 모드(다음 세그먼트 맞히기)", en: "predict mode (guess each segment)"), inBar: false),
        KeyBinding(keys: [.char("v")], command: .toggleView, label: Localized(ko: "기울기 / 사다리 보기", en: "slanted / ladder view"), inBar: false),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    public static let captureChooser: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "위", en: "up"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "위아래 이동", en: "move"), inBar: true, shownKeys: [.up, .down],
                   barLabel: Localized(ko: "고르기", en: "choose")),
        KeyBinding(keys: [.pageUp], command: .pageUp, label: Localized(ko: "한 쪽 위", en: "page up"), inBar: false),
        KeyBinding(keys: [.pageDown], command: .pageDown, label: Localized(ko: "한 쪽 아래", en: "page down"), inBar: false),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "first"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "마지막", en: "last"), inBar: false),
        KeyBinding(keys: [.enter, .right], command: .open, label: Localized(ko: "이 대화 재생", en: "play this conversation"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    public static let realLab: [KeyBinding] = [
        KeyBinding(keys: [.right, .char("l")], command: .nextEvent, label: Localized(ko: "시각 이동(한 번에 실행의 1%)", en: "move in time (1% of the run a step)"), inBar: true,
                   shownKeys: [.left, .right], barLabel: Localized(ko: "시각 이동", en: "move in time")),
        KeyBinding(keys: [.left, .char("h")], command: .previousEvent, label: Localized(ko: "앞으로(실행의 1%)", en: "earlier (1% of the run)"), inBar: false),
        KeyBinding(keys: [.char("n")], command: .nextHit, label: Localized(ko: "다음 손실 대응", en: "next loss response"), inBar: true, barLabel: Localized(ko: "다음 손실", en: "next loss")),
        KeyBinding(keys: [.char("N")], command: .previousHit, label: Localized(ko: "이전 손실 대응", en: "previous loss response"), inBar: false),
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "이 시각의 패킷 보기", en: "the packets at this moment"), inBar: true, barLabel: Localized(ko: "패킷", en: "packets")),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "start"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "끝", en: "end"), inBar: false),
        KeyBinding(keys: [.char("b")], command: .cycleChart, label: Localized(ko: "그래프: 점자/블록/ASCII", en: "chart: braille/block/ASCII"), inBar: false),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    public static let cwnd: [KeyBinding] = [
        KeyBinding(keys: [.char(" ")], command: .playPause, label: Localized(ko: "재생/멈춤", en: "play/pause"), inBar: true),
        KeyBinding(keys: [.right, .char("l")], command: .nextEvent, label: Localized(ko: "다음 라운드", en: "next round"), inBar: false),
        KeyBinding(keys: [.left, .char("h")], command: .previousEvent, label: Localized(ko: "이전 라운드", en: "previous round"), inBar: false),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "첫 라운드", en: "first round"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "마지막 라운드", en: "last round"), inBar: false),
        KeyBinding(keys: [.char("t")], command: .injectTimeout, label: Localized(ko: "지금 타임아웃", en: "timeout now"), inBar: true),
        KeyBinding(keys: [.char("3")], command: .injectDupAcks, label: Localized(ko: "지금 중복 ACK ×3", en: "dup ACK ×3 now"), inBar: true),
        KeyBinding(keys: [.char("u")], command: .undoFault, label: Localized(ko: "마지막 손실 취소", en: "undo the last loss"), inBar: false),
        KeyBinding(keys: [.char("a")], command: .cycleAlgorithm, label: Localized(ko: "알고리즘 바꾸기", en: "next algorithm"), inBar: true),
        KeyBinding(keys: [.char("c")], command: .toggleCompare, label: Localized(ko: "비교", en: "compare"), inBar: true),
        KeyBinding(keys: [.char("m")], command: .toggleModel, label: Localized(ko: "모델: 교과서 / ACK 단위", en: "model: textbook / per ACK"), inBar: false),
        KeyBinding(keys: [.char("[")], command: .ssthreshDown, label: Localized(ko: "초기 ssthresh 줄이기", en: "lower initial ssthresh"), inBar: false),
        KeyBinding(keys: [.char("]")], command: .ssthreshUp, label: Localized(ko: "초기 ssthresh 늘리기", en: "raise initial ssthresh"), inBar: false),
        KeyBinding(keys: [.char("i")], command: .cycleInitialWindow, label: Localized(ko: "초기 윈도우(1, 2, 4, 10)", en: "initial window (1, 2, 4, 10)"), inBar: false),
        KeyBinding(keys: [.char("b")], command: .cycleChart, label: Localized(ko: "그래프: 점자/블록/ASCII", en: "chart: braille/block/ASCII"), inBar: false),
        KeyBinding(keys: [.char("+"), .char("=")], command: .faster, label: Localized(ko: "빠르게", en: "faster"), inBar: false),
        KeyBinding(keys: [.char("-")], command: .slower, label: Localized(ko: "느리게", en: "slower"), inBar: false),
        KeyBinding(keys: [.char("r")], command: .restart, label: Localized(ko: "처음 설정으로", en: "reset"), inBar: false),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    public static let journey: [KeyBinding] = [
        KeyBinding(keys: [.char(" ")], command: .playPause, label: Localized(ko: "재생/멈춤", en: "play/pause"), inBar: true),
        KeyBinding(keys: [.right, .char("l")], command: .nextEvent, label: Localized(ko: "다음 홉", en: "next hop"), inBar: true),
        KeyBinding(keys: [.left, .char("h")], command: .previousEvent, label: Localized(ko: "이전 홉", en: "previous hop"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "다음 메시지", en: "next message"), inBar: true),
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "이전 메시지", en: "previous message"), inBar: false),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "start"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "끝", en: "end"), inBar: false),
        KeyBinding(keys: [.char("v")], command: .openDiagram, label: Localized(ko: "TCP/TLS 시퀀스 다이어그램", en: "TCP/TLS sequence diagram"), inBar: true),
        KeyBinding(keys: [.char("1")], command: .variant(0), label: Localized(ko: "기본(TLS 1.3, 캐시 미스)", en: "standard (TLS 1.3, miss)"), inBar: false),
        KeyBinding(keys: [.char("2")], command: .variant(1), label: Localized(ko: "CDN 캐시 적중", en: "CDN cache hit"), inBar: false),
        KeyBinding(keys: [.char("3")], command: .variant(2), label: Localized(ko: "DNS 캐시 적중", en: "DNS cached"), inBar: false),
        KeyBinding(keys: [.char("4")], command: .variant(3), label: Localized(ko: "HTTP(TLS 없음)", en: "HTTP (no TLS)"), inBar: false),
        KeyBinding(keys: [.char("5")], command: .variant(4), label: Localized(ko: "TLS 1.2(2-RTT)", en: "TLS 1.2 (2-RTT)"), inBar: false),
        KeyBinding(keys: [.char("n")], command: .nextClient, label: Localized(ko: "다음 클라이언트(DNS 라운드 로빈)", en: "next client (DNS round robin)"), inBar: false),
        KeyBinding(keys: [.char("+"), .char("=")], command: .faster, label: Localized(ko: "빠르게", en: "faster"), inBar: false),
        KeyBinding(keys: [.char("-")], command: .slower, label: Localized(ko: "느리게", en: "slower"), inBar: false),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    public static let glossary: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .up, label: Localized(ko: "위", en: "up"), inBar: false),
        KeyBinding(keys: [.down, .char("j")], command: .down, label: Localized(ko: "위아래 이동", en: "move"), inBar: true, shownKeys: [.up, .down]),
        KeyBinding(keys: [.pageUp], command: .pageUp, label: Localized(ko: "한 쪽 위", en: "page up"), inBar: false),
        KeyBinding(keys: [.pageDown], command: .pageDown, label: Localized(ko: "한 쪽 아래", en: "page down"), inBar: false),
        KeyBinding(keys: [.home, .char("g")], command: .top, label: Localized(ko: "처음", en: "first"), inBar: false),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, label: Localized(ko: "마지막", en: "last"), inBar: false),
        KeyBinding(keys: [.char("/")], command: .filter, label: Localized(ko: "용어 검색", en: "search"), inBar: true),
        KeyBinding(keys: [.char("a")], command: .toggleAllTerms, label: Localized(ko: "이 레슨 / 전체 용어", en: "this lesson's / all terms"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    /// The glossary with a kept search: q and Esc clear it first.
    static let glossaryFiltered: [KeyBinding] = glossary.map { b in
        guard b.command == .back else { return b }
        var clear = b
        clear.label = Localized(ko: "검색 지우기", en: "clear search")
        return clear
    }

    public static let dashboard: [KeyBinding] = [
        KeyBinding(keys: [.char("r")], command: .startReview, label: Localized(ko: "오늘의 복습", en: "review"), inBar: true),
        KeyBinding(keys: [.char("i")], command: .startInterview, label: Localized(ko: "면접 모드", en: "interview"), inBar: true),
        KeyBinding(keys: [.char("q"), .escape], command: .back, label: Localized(ko: "나가기", en: "back"), inBar: true),
    ]

    // The quiz: one keymap per kind of answer and per phase.
    static func stopLabel(_ saving: SaveState) -> Localized {
        switch saving {
        case .saved: Localized(ko: "그만두기(저장됨)", en: "stop (answers are saved)")
        case .savingLater: Localized(ko: "그만두기(나중에 저장)", en: "stop (saving later)")
        case .notSaved: Localized(ko: "그만두기(저장 안 됨)", en: "stop (answers not saved)")
        }
    }
    static let quizBack = KeyBinding(keys: [.char("q"), .escape], command: .back, label: SaveState.saved.stopLabel, inBar: true,
                                     barLabel: Localized(ko: "그만두기", en: "stop"))
    static let quizMove = [
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "선택 이동", en: "move"), inBar: false, inHelp: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "선택 이동", en: "move"), inBar: true, shownKeys: [.up, .down]),
    ]
    static let quizSubmit = KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "제출", en: "submit"), inBar: true)
    /// 1-9 pick an option (the first stands for all nine in the help).
    static func numbers(_ count: Int, label: Localized, command: (Int) -> Command) -> [KeyBinding] {
        (1...count).map { n in
            KeyBinding(keys: [.char(Character("\(n)"))], command: command(n), label: label, inBar: false, inHelp: n == 1, display: "1-\(count)")
        }
    }
    public static let quizChoice: [KeyBinding] = quizMove
        + numbers(9, label: Localized(ko: "번호로 고르기", en: "pick by number"), command: { .pick($0 - 1) }) + [quizSubmit, quizBack]
    public static let quizMulti: [KeyBinding] = quizMove
        + numbers(9, label: Localized(ko: "번호로 켜고 끄기", en: "toggle by number"), command: { .pick($0 - 1) })
        + [KeyBinding(keys: [.char(" ")], command: .toggleOption, label: Localized(ko: "고르기/취소", en: "toggle"), inBar: true), quizSubmit, quizBack]
    public static let quizTrueFalse: [KeyBinding] = [
        KeyBinding(keys: [.up, .down, .left, .right], command: .toggleOption, label: Localized(ko: "참/거짓 이동", en: "move"), inBar: false),
        KeyBinding(keys: [.char("t"), .char("o"), .char("y")], command: .answerTrue, label: Localized(ko: "참", en: "true"), inBar: true),
        KeyBinding(keys: [.char("f"), .char("x"), .char("n")], command: .answerFalse, label: Localized(ko: "거짓", en: "false"), inBar: true),
        quizSubmit, quizBack,
    ]
    public static let quizOrder: [KeyBinding] = [
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "위로(잡았으면 옮기기)", en: "up (moves a grabbed item)"), inBar: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "아래로(잡았으면 옮기기)", en: "down (moves a grabbed item)"), inBar: false),
        KeyBinding(keys: [.char(" ")], command: .toggleOption, label: Localized(ko: "잡기/놓기", en: "grab / drop"), inBar: true),
        quizSubmit, quizBack,
    ]
    /// Editing keys of a typed answer (the text itself is captured).
    static let editing: [KeyBinding] = [
        KeyBinding(keys: [.left], command: .cursorLeft, label: Localized(ko: "커서 왼쪽(글자 단위)", en: "cursor left (by character)"), inBar: false),
        KeyBinding(keys: [.right], command: .cursorRight, label: Localized(ko: "커서 오른쪽", en: "cursor right"), inBar: false),
        KeyBinding(keys: [.home], command: .lineStart, label: Localized(ko: "줄 처음", en: "start of line"), inBar: false),
        KeyBinding(keys: [.end], command: .lineEnd, label: Localized(ko: "줄 끝", en: "end of line"), inBar: false),
        KeyBinding(keys: [.backspace], command: .deleteBackward, label: Localized(ko: "글자 지우기(한글은 음절째)", en: "delete a character (a whole syllable)"), inBar: false),
        KeyBinding(keys: [.delete], command: .deleteForward, label: Localized(ko: "커서 뒤 글자 지우기", en: "delete after the cursor"), inBar: false),
    ]
    static let quizStop = KeyBinding(keys: [.escape], command: .back, label: SaveState.saved.stopLabel, inBar: true)
    public static let quizTyping: [KeyBinding] = editing + [
        KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "제출(빈 답은 건너뛰기)", en: "submit (empty skips)"), inBar: true), quizStop,
    ]
    /// The interview answer: Enter finishes (first, so the bar always shows it); ↑↓ move
    /// between the wrapped lines.
    public static let quizOpenTyping: [KeyBinding] = [
        KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "답 마치기(모범 답안과 비교)", en: "finish (compare with the model answer)"), inBar: true),
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "윗줄로", en: "line up"), inBar: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "아랫줄로", en: "line down"), inBar: false),
    ] + editing + [quizStop]
    /// Scrolling a grading view that is taller than the screen.
    static let quizPaging: [KeyBinding] = [
        KeyBinding(keys: [.pageUp], command: .pageUp, label: Localized(ko: "한 쪽 위", en: "page up"), inBar: false),
        KeyBinding(keys: [.pageDown], command: .pageDown, label: Localized(ko: "한 쪽 아래", en: "page down"), inBar: false),
    ]
    public static let quizCloze: [KeyBinding] = editing + [
        KeyBinding(keys: [.tab, .down], command: .nextBlank, label: Localized(ko: "다음 빈칸", en: "next blank"), inBar: true, shownKeys: [.tab]),
        KeyBinding(keys: [.backTab, .up], command: .previousBlank, label: Localized(ko: "이전 빈칸", en: "previous blank"), inBar: false),
        KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "다음 빈칸/제출", en: "next blank / submit"), inBar: true), quizStop,
    ]
    /// Grading an interview answer: Enter finishes with the rating shown (first in the bar).
    public static let quizRubric: [KeyBinding] = [
        KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "이 평가로 마치기", en: "finish with this rating"), inBar: true),
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "항목 이동/스크롤", en: "move / scroll"), inBar: false, inHelp: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "항목 이동/스크롤", en: "move / scroll"), inBar: true, shownKeys: [.up, .down]),
        KeyBinding(keys: [.char(" ")], command: .toggleOption, label: Localized(ko: "다룬 항목 표시", en: "mark covered"), inBar: true),
    ] + numbers(4, label: Localized(ko: "평가(다시/어려움/좋음/쉬움)", en: "rating (again/hard/good/easy)"), command: { .rate($0) }).map {
        var b = $0; b.inBar = b.inHelp; return b
    } + quizPaging + [quizBack]
    public static let quizFeedback: [KeyBinding] = [
        KeyBinding(keys: [.enter, .char(" "), .right], command: .nextQuestion, label: Localized(ko: "다음 문제", en: "next question"), inBar: true, shownKeys: [.enter, .char(" ")]),
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "위로 스크롤", en: "scroll up"), inBar: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "아래로 스크롤", en: "scroll down"), inBar: false),
    ] + quizPaging + [
        KeyBinding(keys: [.char("v")], command: .replayScene, label: Localized(ko: "관련 장면 다시 보기", en: "replay the question's scene"), inBar: true),
        quizBack,
    ]
    public static let quizSummary: [KeyBinding] = [
        KeyBinding(keys: [.enter, .char("q"), .escape], command: .back, label: Localized(ko: "닫기", en: "close"), inBar: true),
    ]

    /// Predict mode while a guess is typed.
    public static let guessing: [KeyBinding] = [
        KeyBinding(keys: [.enter], command: .submit, label: Localized(ko: "확인", en: "check"), inBar: true),
        KeyBinding(keys: [.escape], command: .reveal, label: Localized(ko: "정답 보기", en: "reveal"), inBar: true),
        KeyBinding(keys: [.backspace, .delete], command: .deleteBackward, label: Localized(ko: "글자 지우기", en: "delete a character"), inBar: false),
    ]

    /// Keys while typing a filter: text goes into the filter, so only these act.
    public static let filtering: [KeyBinding] = [
        KeyBinding(keys: [.enter], command: .open, label: Localized(ko: "검색 확정", en: "keep filter"), inBar: true),
        KeyBinding(keys: [.escape], command: .back, label: Localized(ko: "검색 취소", en: "clear filter"), inBar: true),
        KeyBinding(keys: [.up], command: .up, label: Localized(ko: "위로", en: "up"), inBar: false),
        KeyBinding(keys: [.down], command: .down, label: Localized(ko: "아래로", en: "down"), inBar: false),
        KeyBinding(keys: [.backspace, .delete], command: .deleteBackward, label: Localized(ko: "글자 지우기", en: "delete a character"), inBar: false),
    ]

    /// Global keys that still work while text is typed (the others are text then).
    static let globalWhileTyping = global.filter { $0.command == .suspend || $0.command == .quit }

    /// The command a key means: the screen's keymap first, then the global keys.
    public static func command(for key: Key, in bindings: [KeyBinding], includeGlobal: Bool = true) -> Command? {
        for b in bindings where b.keys.contains(key) { return b.command }
        for b in includeGlobal ? global : globalWhileTyping where b.keys.contains(key) { return b.command }
        return nil
    }

    /// How a binding's keys read in the bar and the help.
    /// The bar shows `shownKeys` when set; the help lists every key that works.
    static func keyText(_ b: KeyBinding, ascii: Bool, separator: String, all: Bool = false) -> String {
        if let display = b.display { return display }
        var keys = b.shownKeys ?? b.keys
        if all { keys += b.keys.filter { !keys.contains($0) } }
        return keys.map { $0.label(ascii: ascii) }.joined(separator: separator)
    }

    /// Key-bar entries: the screen's bar bindings, then the global ones, each with its
    /// priority: `?` always stays, then the keys that leave or finish (back, quit, submit,
    /// open), then the screen's others in order, the language switch last.
    static func bar(_ bindings: [KeyBinding], includeGlobal: Bool, language: Language, ascii: Bool, canSwitchLanguage: Bool = true) -> [(key: String, label: String, priority: Int)] {
        (bindings + (includeGlobal ? global : [])).filter { $0.inBar && (canSwitchLanguage || $0.command != .toggleLanguage) }.map { b in
            (keyText(b, ascii: ascii, separator: "/"), (b.barLabel ?? b.label)[language], priority(b.command))
        }
    }

    static func priority(_ command: Command) -> Int {
        switch command {
        case .help: 0
        // Tab is in the bar only when two scene cards are on screen: then it is what matters.
        case .back, .quit, .submit, .nextQuestion, .open, .nextScene: 1
        case .toggleLanguage: 3
        default: 2
        }
    }
}
