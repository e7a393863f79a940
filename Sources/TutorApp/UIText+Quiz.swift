import TutorCore
import TutorQuiz

/// The quiz screen, `quiz --plain`, the dashboard and `progress`'s text, in both languages.
extension UIText {
    // MARK: Quiz screen

    static let finished = Localized(ko: "끝났습니다", en: "Finished")
    static func correctOf(_ correct: Int, _ total: Int, _ l: Language) -> String {
        l == .ko ? "\(total)문제 중 \(correct)개 정답." : "\(correct) of \(total) correct."
    }
    static let lookAgain = Localized(ko: "다시 볼 문제:", en: "To look at again:")
    static let allSaved = Localized(ko: "답은 모두 저장되었습니다. 틀린 문제는 곧 다시 나옵니다.", en: "Every answer is saved; the ones you missed come back soon.")
    static let level = Localized(ko: "난이도", en: "level")
    /// Before the explanation, on the screen and in the plain quiz.
    static let why = Localized(ko: "설명: ", en: "Why: ")
    static let trueOption = Localized(ko: "참 (t)", en: "True (t)")
    static let falseOption = Localized(ko: "거짓 (f)", en: "False (f)")
    /// "빈칸 2" / "Blank 2" (`n` counts from 1); the caller adds the colon.
    static func blank(_ n: Int, _ l: Language) -> String { l == .ko ? "빈칸 \(n)" : "Blank \(n)" }
    static let yourAnswer = Localized(ko: "내 답: ", en: "Your answer: ")
    static let modelAnswer = Localized(ko: "모범 답안: ", en: "Model answer: ")
    static let markCovered = Localized(ko: "다룬 항목을 Space로 고르세요:", en: "Mark the points you covered with Space:")
    static let rating = Localized(ko: "평가: ", en: "Rating: ")
    static let suggestedMark = Localized(ko: " (제안)", en: " (suggested)")
    /// The label of a typed answer; the caller adds the colon.
    static let answer = Localized(ko: "답", en: "Answer")
    static func unit(_ unit: String, _ l: Language) -> String { l == .ko ? "(단위: \(unit))" : "(unit: \(unit))" }
    /// Enter with no option chosen: nothing is submitted.
    static let chooseFirst = Localized(ko: "먼저 답을 고르세요: ↑↓로 고른 뒤 Enter, 또는 번호 키.", en: "Choose an answer first: ↑↓ then Enter, or press its number.")
    static let markFirst = Localized(ko: "먼저 답을 고르세요: Space나 번호로 표시한 뒤 Enter.", en: "Choose first: mark options with Space or their numbers, then Enter.")
    static let chooseTrueFalse = Localized(ko: "먼저 답을 고르세요: t(참) 또는 f(거짓).", en: "Choose first: t for true or f for false.")
    /// The interview countdown reached 0:00.
    static func timeUp(_ seconds: Int, _ l: Language) -> String {
        l == .ko ? "시간 종료(\(seconds / 60)분): 쓴 데까지의 답을 제출했습니다. 이제 채점하세요."
                 : "Time's up (\(seconds / 60) min): your answer as it stood was handed in. Now grade it."
    }
    /// A rating key's short name, with the interval it would give.
    static func ratingKey(_ r: Rating) -> Localized {
        switch r {
        case .again: Localized(ko: "다시", en: "Again")
        case .hard: Localized(ko: "어려움", en: "Hard")
        case .good: Localized(ko: "좋음", en: "Good")
        case .easy: Localized(ko: "쉬움", en: "Easy")
        }
    }
    /// A span of time, short: "10 min", "5 h", "3 days".
    static func interval(_ seconds: Double, _ l: Language) -> String {
        if seconds < 3600 { let m = max(1, Int((seconds / 60).rounded())); return l == .ko ? "\(m)분" : "\(m) min" }
        if seconds < 86_400 { let h = Int((seconds / 3600).rounded()); return l == .ko ? "\(h)시간" : "\(h) h" }
        let d = Int((seconds / 86_400).rounded())
        return l == .ko ? "\(d)일" : "\(d) day\(d == 1 ? "" : "s")"
    }
    /// When a card comes back: "in 3 days".
    static func after(_ seconds: Double, _ l: Language) -> String {
        l == .ko ? interval(seconds, l) + " 뒤" : "in " + interval(seconds, l)
    }

    static func kindTitle(_ k: QuestionKind) -> Localized {
        switch k {
        case .choice: Localized(ko: "객관식", en: "Choice")
        case .multi: Localized(ko: "복수 선택", en: "Select all")
        case .truefalse: Localized(ko: "참/거짓", en: "True or false")
        case .short: Localized(ko: "단답형", en: "Short answer")
        case .cloze: Localized(ko: "빈칸 채우기", en: "Fill in the blanks")
        case .order: Localized(ko: "순서 맞추기", en: "Put in order")
        case .numeric: Localized(ko: "계산", en: "Numeric")
        case .open: Localized(ko: "면접 질문", en: "Interview question")
        case .generated: Localized(ko: "시뮬레이터 문제", en: "From the simulator")
        }
    }

    // MARK: Starting a quiz, `quiz --plain`

    static let nothingToDoShort = Localized(ko: "지금 풀 문제가 없습니다.", en: "Nothing to do now: no reviews are due and no new questions are left.")
    static let nothingToDo = Localized(ko: "지금 풀 문제가 없습니다. 오늘 복습할 카드도 새 문제도 없습니다.", en: "Nothing to do now: no reviews are due and no new questions are left.")
    static func plainIntro(_ total: Int, _ saving: SaveState, _ l: Language) -> String {
        let kept = switch saving {
        case .saved: l == .ko ? "답한 것은 저장됨" : "answers given are saved"
        case .savingLater: l == .ko ? "답한 것은 나중에 저장됨" : "answers given are saved later"
        case .notSaved: l == .ko ? "답은 저장되지 않음" : "answers are not saved"
        }
        return l == .ko ? "문제 \(total)개. 빈 줄은 건너뛰기, q는 그만두기(\(kept))." : "\(total) questions. An empty line skips, q stops (\(kept))."
    }
    static let stopping = Localized(ko: "그만둡니다.", en: "Stopping.")
    static func overTime(_ seconds: Int, limit: Int, _ l: Language) -> String {
        l == .ko ? "시간 초과: \(seconds)초(제한 \(limit)초)." : "Over time: \(seconds) s (limit \(limit) s)."
    }
    static let nextReview = Localized(ko: "다음 복습: ", en: "Next review: ")
    static func plainResult(_ correct: Int, _ total: Int, _ l: Language) -> String {
        l == .ko ? "결과: \(total)문제 중 \(correct)개 정답." : "Done: \(correct) of \(total) correct."
    }
    /// `quiz --plain` asks again: the typed answer is not one it can take.
    static func problem(_ p: AnswerInput.Problem, _ l: Language) -> String {
        switch p {
        case .noSuchNumber(let n, let count):
            l == .ko ? "\(n)번은 없습니다: 1부터 \(count)까지의 번호로 답하세요(빈 줄은 건너뛰기)." : "There is no \(n): answer with numbers from 1 to \(count) (an empty line skips)."
        case .notTrueOrFalse:
            l == .ko ? "t(참) 또는 f(거짓)로 답하세요(빈 줄은 건너뛰기)." : "Answer t (true) or f (false); an empty line skips."
        case .notARating:
            l == .ko ? "again, hard, good, easy 또는 1-4로 답하세요(Enter는 제안대로)." : "Answer again, hard, good, easy or 1-4 (Enter takes the suggestion)."
        }
    }
    static let numbersPrompt = Localized(ko: "번호들(예: 1 3):", en: "Numbers (e.g. 1 3):")
    static let numberPrompt = Localized(ko: "번호:", en: "Number:")
    static let trueFalsePrompt = Localized(ko: "참/거짓 (t/f):", en: "True or false (t/f):")
    static let orderPrompt = Localized(ko: "올바른 순서의 번호(예: 3 1 2):", en: "The numbers in the right order (e.g. 3 1 2):")
    static let twoMinutes = Localized(ko: "(제한 시간 2분)", en: "(two minutes)")
    static let openPrompt = Localized(ko: "답(한 줄, 빈 줄은 건너뛰기):", en: "Your answer (one line; empty skips):")
    static let coveredPrompt = Localized(ko: "다룬 항목 번호(예: 1 3, 없으면 빈 줄):", en: "Points you covered (e.g. 1 3; empty for none):")
    static func ratingPrompt(_ suggested: String, _ l: Language) -> String {
        l == .ko ? "평가 again/hard/good/easy (Enter: \(suggested)):" : "Rating again/hard/good/easy (Enter: \(suggested)):"
    }

    static func minutes(_ m: Double, _ l: Language) -> String {
        m < 60 ? (l == .ko ? "\(Int(m.rounded()))분" : "\(Int(m.rounded())) min")
               : (l == .ko ? "\(Int(m / 60))시간 \(Int(m.truncatingRemainder(dividingBy: 60)))분" : "\(Int(m / 60)) h \(Int(m.truncatingRemainder(dividingBy: 60))) min")
    }
    static let trueWord = Localized(ko: "참", en: "True")
    static let falseWord = Localized(ko: "거짓", en: "False")
}
