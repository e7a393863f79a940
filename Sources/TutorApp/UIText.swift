import TutorCore
import TutorRender

/// Every UI string in both languages: the shared ones, home and the reader here; the player,
/// the labs and the quiz in `UIText+Player.swift`, `UIText+Labs.swift`, `UIText+Quiz.swift`.
public enum UIText {
    static let appTitle = Localized(ko: "nettutor - 네트워크 면접 튜터", en: "nettutor - networking interview tutor")
    static let lessons = Localized(ko: "레슨", en: "Lessons")
    static let noLessons = Localized(ko: "레슨이 없습니다. 'nettutor check'로 콘텐츠를 확인하세요.", en: "No lessons found. Run 'nettutor check' to see why.")
    static let noMatch = Localized(ko: "검색어와 일치하는 레슨이 없습니다.", en: "No lesson title matches the filter.")
    static let filterPrompt = Localized(ko: "제목 검색: ", en: "Filter titles: ")
    static let readCount = Localized(ko: "읽음", en: "read")
    static let scenesLabel = Localized(ko: "장면", en: "scenes")
    static let loading = Localized(ko: "불러오는 중…", en: "Loading…")
    static let tooSmallTitle = Localized(ko: "터미널 창을 키워 주세요", en: "Please enlarge the terminal")
    static let tooSmallBody = Localized(ko: "최소 80×24가 필요합니다. 지금:", en: "nettutor needs at least 80×24. Now:")
    static let helpTitle = Localized(ko: "도움말: 키", en: "Help: keys")
    static let helpClose = Localized(ko: "아무 키나 누르면 닫힙니다", en: "Press any key to close")
    static func helpScroll(_ g: Glyphs) -> Localized {
        Localized(ko: "\(g.arrowUp)\(g.arrowDown) PgUp PgDn 스크롤, 다른 키는 닫기", en: "\(g.arrowUp)\(g.arrowDown) PgUp PgDn scroll, any other key closes")
    }
    static let helpReadRule = Localized(ko: "레슨은 끝까지 스크롤하면 읽음(✓)으로 표시됩니다.", en: "A lesson is marked read (✓) once you scroll to its end.")
    static let globalSection = Localized(ko: "어디서나", en: "Everywhere")
    static let homeSection = Localized(ko: "홈", en: "Home")
    static let readerSection = Localized(ko: "레슨 읽기", en: "Reading a lesson")
    static let filterSection = Localized(ko: "검색 입력 중", en: "While filtering")
    static let sceneCard = Localized(ko: "장면", en: "Scene")
    static let sceneUnknown = Localized(ko: "알 수 없는 장면입니다.", en: "Unknown scene.")
    static let end = Localized(ko: "끝", en: "End")
    static let firstLesson = Localized(ko: "첫 레슨입니다.", en: "This is the first lesson.")
    static let lastLesson = Localized(ko: "마지막 레슨입니다.", en: "This is the last lesson.")
    static let koreanNeedsUTF8 = Localized(ko: "한국어를 보려면 UTF-8 터미널이 필요합니다.", en: "Korean needs a UTF-8 terminal (set LANG=C.UTF-8 or similar).")
    static let skipped = Localized(ko: "건너뛴 레슨", en: "skipped lessons")
    static let onlyOtherLanguage = Localized(ko: "(영어만)", en: "(Korean only)")
    static let nothingToDrop = Localized(ko: "더 보낼 메시지가 없습니다.", en: "No message is left to be sent.")
    static let dropped = Localized(ko: "떨어뜨림:", en: "Dropped:")
    static let noMoreFindings = Localized(ko: "뒤에는 분석 표시가 더 없습니다.", en: "No more findings after this point.")
    static let noFindingYet = Localized(ko: "여기까지는 분석 표시가 없습니다. n으로 다음 표시로 가세요.", en: "No finding up to here; n goes to the next one.")
    static let nothingToUndo = Localized(ko: "취소할 손실이 없습니다.", en: "No injected drop to undo.")
    static let undone = Localized(ko: "손실 취소:", en: "Undid drop")
    static let labs = Localized(ko: "실습", en: "Labs")
    static let playerSection = Localized(ko: "장면 재생", en: "Playing a scene")
    static let scenePlay = Localized(ko: "Enter를 누르면 재생합니다.", en: "Press Enter to play it.")
    static let scenePlayInReader = Localized(ko: "화면에 보일 때 Enter로 재생합니다.", en: "Press Enter while it is on screen to play it.")
    static let predictOn = Localized(ko: "예측 모드: →로 넘어갈 때마다 세그먼트를 먼저 맞혀 보세요.", en: "Predict mode: each → asks you for the segment before showing it.")
    static let round = Localized(ko: "라운드", en: "Round")
    static let injectedTimeout = Localized(ko: "타임아웃 주입:", en: "Timeout injected in")
    static let injectedDupAcks = Localized(ko: "중복 ACK 3개 주입:", en: "3 dup ACKs injected in")
    static let undoneLoss = Localized(ko: "손실 취소:", en: "Undid the loss:")
    static let timeoutLoss = Localized(ko: "타임아웃", en: "timeout")
    static let dupAckLoss = Localized(ko: "중복 ACK 3개", en: "3 dup ACKs")
    static let initialWindow = Localized(ko: "초기 윈도우", en: "initial window")
    static let cwndSection = Localized(ko: "혼잡 윈도우 실험실", en: "Congestion window lab")
    static let fixedTrace = Localized(ko: "이 다이어그램은 여정의 일부라 손실을 넣을 수 없습니다. TCP 장면(tcp-3way)에서 해 보세요.", en: "This diagram is part of the journey: drops work in the TCP scenes (e.g. tcp-3way).")
    static let liveNoVariants = Localized(ko: "실측 여정에는 변형이 없습니다. 측정한 그대로입니다.", en: "A live journey has no variants: it is what was measured.")
    static let notSaving = Localized(ko: "저장 안 됨", en: "not saving")
    static let pickLesson = Localized(ko: "퀴즈를 풀 레슨을 고르세요.", en: "Select a lesson to quiz.")
    static let quizSection = Localized(ko: "퀴즈: 지금", en: "Quiz: now")
    static let quizAnsweringSection = Localized(ko: "답할 때(문제 종류별)", en: "Answering (by kind of question)")
    static let quizRubricSection = Localized(ko: "주관식 답 평가", en: "Rating an open answer")
    static let quizFeedbackSection = Localized(ko: "답한 뒤", en: "After an answer")
    static let dashboardSection = Localized(ko: "학습 현황", en: "Progress")
    public static let reviewTitle = Localized(ko: "오늘의 복습", en: "Today's review")
    public static let interviewTitle = Localized(ko: "면접 모드", en: "Interview mode")
    public static let quizTitle = Localized(ko: "퀴즈", en: "Quiz")
    static let journeySection = Localized(ko: "URL 여정", en: "URL journey")
    static let onTheWire = Localized(ko: "선 위의 헤더", en: "On the wire")
    static let insideBrowser = Localized(ko: "브라우저 안의 일이라 선 위에는 아무것도 없습니다.", en: "This happens inside the machine: nothing is on the wire.")
    static let changed = Localized(ko: "바뀜", en: "changed")
    static let variantLabel = Localized(ko: "변형", en: "variant")
    static let predictOff = Localized(ko: "예측 모드를 끕니다.", en: "Predict mode off.")
    static let noStateDiagram = Localized(ko: "이 장면에는 그릴 상태 다이어그램이 없습니다.", en: "This scene has no state diagram to draw.")
    static let noDrops = Localized(ko: "이 장면에는 손실을 넣을 수 없습니다.", en: "This scene takes no injected drops.")
    static let searchSection = Localized(ko: "본문 검색 입력 중", en: "While typing a search")
    static let contentsSection = Localized(ko: "목차", en: "Contents")
    static let contentsTitle = Localized(ko: "목차", en: "Contents")
    static let searchPrompt = Localized(ko: "찾기: ", en: "Search: ")
    static let searchHint = Localized(ko: "Enter 확정  Esc 취소", en: "Enter keep  Esc cancel")
    static func noMatchInLesson(_ query: String) -> Localized {
        Localized(ko: "이 레슨에 '\(query)'이(가) 없습니다.", en: "'\(query)' is not in this lesson.")
    }
    static let noSceneInView = Localized(ko: "화면에 장면 카드가 없습니다.", en: "No scene card is on screen.")
    static let noContents = Localized(ko: "이 레슨에는 절 제목이 없습니다.", en: "This lesson has no section headings.")
    static let glossaryTitle = Localized(ko: "용어집", en: "Glossary")
    static func lessonTerms(_ title: String) -> Localized { Localized(ko: "이 레슨의 용어: \(title)", en: "Terms in: \(title)") }
    static let glossarySection = Localized(ko: "용어집", en: "Glossary")
    static let glossaryFilterSection = Localized(ko: "용어 검색 입력 중", en: "While typing a search")
    static let glossaryPrompt = Localized(ko: "용어 검색: ", en: "Search terms: ")
    static let glossaryNone = Localized(ko: "일치하는 용어가 없습니다.", en: "No term matches.")
    static let glossaryEmpty = Localized(ko: "용어집이 비어 있습니다(Content/glossary.yaml).", en: "The glossary is empty (Content/glossary.yaml).")
    static let noLessonTerms = Localized(ko: "이 레슨에서 찾은 용어가 없습니다. a로 전체 용어를 봅니다.", en: "No glossary term found in this lesson; a shows them all.")
    static let allTerms = Localized(ko: "전체 용어", en: "all terms")
    static let glossaryNote = Localized(ko: "영어 용어나 정의의 낱말 앞부분으로 찾습니다(한글도 됩니다).", en: "Search matches the start of a term or of a word in its definitions (Hangul or English).")
    static func glossaryNoMatch(_ term: String) -> String { "no glossary term or definition word starts with '\(term)' (see 'nettutor glossary')" }
    static let resume = Localized(ko: "이어 읽기", en: "continue")
    static let nothingToResume = Localized(ko: "아직 읽던 레슨이 없습니다.", en: "No lesson was opened yet.")
    static func quizAnsweredShort(_ n: Int) -> Localized { Localized(ko: "퀴즈 \(n)", en: "quiz \(n)") }
    static func quizDueShort(_ n: Int) -> Localized { Localized(ko: "복습 \(n)", en: "due \(n)") }
    static func lessonProgress(percent: Int?, answered: Int, due: Int) -> Localized {
        let readKo = percent.map { "\($0)%까지 읽음. " } ?? "", readEn = percent.map { "Read to \($0)%. " } ?? ""
        let quizKo = answered > 0 ? "퀴즈 \(answered)문제 풂, 지금 복습할 것 \(due)개." : ""
        let quizEn = answered > 0 ? "Quiz: \(answered) answered, \(due) due now." : ""
        return Localized(ko: readKo + quizKo, en: readEn + quizEn)
    }
    static let homeMarks = Localized(
        ko: "✓ 읽음(끝까지 스크롤하면), 40% 읽던 곳, 퀴즈 3 답한 문제 수, 복습 1 지금 복습할 문제 수. c는 마지막에 연 레슨을 이어 읽습니다.",
        en: "✓ read (scrolled to its end), 40% how far a started lesson was read, quiz 3 questions answered, due 1 due now. c continues the lesson opened last.")
    /// The title bar's language tag.
    static let languageTag = Localized(ko: "[한국어]", en: "[English]")
    static let quit = Localized(ko: "종료", en: "quit")
}
