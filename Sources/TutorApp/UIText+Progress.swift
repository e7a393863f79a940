import TutorCore
import TutorQuiz

/// The figures of progress (`StudyFigures`) as the home screen, the dashboard, `progress` and the
/// review message label them, in both languages; and what the plain quiz says when not saving.
/// Each figure keeps one name everywhere: "due now", "later today", "right", "recall".
extension UIText {
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    // MARK: Home

    /// The home title bar's count: `StudyFigures.Due.now`.
    static let dueNow = Localized(ko: "지금 복습", en: "due now")

    /// `r` when a review has nothing to ask: says when the next card is due, in the same words
    /// as the dashboard.
    static func nothingDueNow(_ due: StudyFigures.Due, now: Double, _ l: Language) -> String {
        guard let next = due.next else {
            return l == .ko ? "지금 복습할 카드가 없고, 오늘 남은 새 문제도 없습니다." : "Nothing due now, and no new questions are left for today."
        }
        let wait = waitTime(next - now, l)
        if due.laterToday > 0 {
            return l == .ko ? "지금 복습할 카드가 없습니다. 다음 복습은 \(wait) (오늘 중 \(due.laterToday)장). 오늘 남은 새 문제는 없습니다."
                            : "Nothing due now: the next review is \(wait) (\(due.laterToday) later today). No new questions are left for today."
        }
        return l == .ko ? "지금 복습할 카드가 없습니다. 다음 복습은 \(wait). 오늘 남은 새 문제는 없습니다."
                        : "Nothing due now: the next review is \(wait). No new questions are left for today."
    }

    static func waitTime(_ seconds: Double, _ l: Language) -> String {
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        if minutes < 60 { return l == .ko ? "\(minutes)분 뒤" : "in \(minutes) min" }
        if minutes < 48 * 60 { let h = Int((Double(minutes) / 60).rounded()); return l == .ko ? "\(h)시간 뒤" : "in \(h) h" }
        let d = Int((Double(minutes) / 1440).rounded())
        return l == .ko ? "\(d)일 뒤" : "in \(d) day\(d == 1 ? "" : "s")"
    }

    // MARK: Dashboard screen

    static let masteryBox = Localized(ko: "주제별 숙달도", en: "Mastery by topic")
    static func topicDetail(_ t: DashboardData.Topic, _ l: Language) -> String {
        l == .ko ? "레슨 \(t.lessonsRead)/\(t.lessons) · 맞힘 \(t.lastRight)/\(t.questionsAnswered) · 기억 \(percent(t.recall))"
                 : "lessons \(t.lessonsRead)/\(t.lessons) · right \(t.lastRight)/\(t.questionsAnswered) · recall \(percent(t.recall))"
    }
    /// Under the dashboard: what "right" and "recall" count.
    static let figuresLegend = Localized(
        ko: "맞힘: 마지막 답이 맞은 문제 · 기억: 지금 맞힐 확률(FSRS), 마지막이 틀리면 0",
        en: "right: last answer right · recall: odds of a right answer now, 0 if last wrong")
    static let dueLabel = Localized(ko: "복습 ", en: "Due ")
    static func dueDetail(_ d: DashboardData, _ l: Language) -> String {
        let due = d.due
        return l == .ko ? "지금 \(due.now) · 오늘 중 \(due.laterToday) · 내일 \(due.tomorrow) · 2–6일 뒤 \(due.inTwoToSixDays) · 오늘의 새 문제 \(d.newToday)"
                        : "now \(due.now) · later today \(due.laterToday) · tomorrow \(due.tomorrow) · in 2–6 days \(due.inTwoToSixDays) · new today \(d.newToday)"
    }
    static let streakLabel = Localized(ko: "연속 ", en: "Streak ")
    static func streakDetail(_ days: Int, _ l: Language) -> String {
        l == .ko ? "\(days)일 (복습할 것이 없던 날은 끊기지 않음)" : "\(days) day\(days == 1 ? "" : "s") (days with nothing due do not break it)"
    }
    static let timeLabel = Localized(ko: "시간 ", en: "Time ")
    static func timeDetail(_ d: DashboardData, _ l: Language) -> String {
        l == .ko ? "답 \(d.answered)개 · 공부 \(minutes(d.minutesStudied, l)) · 이번 주 \(minutes(d.minutesThisWeek, l))"
                 : "answered \(d.answered) · studied \(minutes(d.minutesStudied, l)) · this week \(minutes(d.minutesThisWeek, l))"
    }
    static let heatmapBox = Localized(ko: "최근 12주 (오른쪽 아래가 오늘)", en: "Last 12 weeks (today bottom right)")
    static let accuracyBox = Localized(ko: "주별 정답률 (최근 8주)", en: "Accuracy by week (last 8)")

    // MARK: `nettutor progress`

    static let studyProgress = Localized(ko: "학습 현황", en: "Study progress")
    static let masteryHeading = Localized(ko: "주제별 숙달도 (절반은 읽은 레슨, 절반은 전체 문제의 기억)", en: "Mastery by topic (half lessons read, half recall over all questions)")
    static func topicLine(_ t: DashboardData.Topic, _ l: Language) -> String {
        l == .ko ? "레슨 \(t.lessonsRead)/\(t.lessons), 푼 문제 \(t.questionsAnswered)/\(t.questions), 맞힘 \(t.lastRight)/\(t.questionsAnswered), 기억 \(percent(t.recall))\n"
                 : "lessons \(t.lessonsRead)/\(t.lessons), answered \(t.questionsAnswered)/\(t.questions), right \(t.lastRight)/\(t.questionsAnswered), recall \(percent(t.recall))\n"
    }
    static func dueLine(_ d: DashboardData, _ l: Language) -> String {
        let due = d.due
        return l == .ko ? "복습: 지금 \(due.now), 오늘 중 \(due.laterToday), 내일 \(due.tomorrow), 2–6일 뒤 \(due.inTwoToSixDays). 오늘의 새 문제 \(d.newToday)개 (아직 안 푼 문제 \(d.newUnstarted)개).\n"
                        : "Reviews due: now \(due.now), later today \(due.laterToday), tomorrow \(due.tomorrow), in 2–6 days \(due.inTwoToSixDays). New today: \(d.newToday) (of \(d.newUnstarted) not yet answered).\n"
    }
    static func streakLine(_ days: Int, _ l: Language) -> String {
        l == .ko ? "연속 학습: \(days)일 (복습할 것이 없던 날은 끊기지 않습니다)\n" : "Streak: \(days) day\(days == 1 ? "" : "s") (days with nothing due do not break it)\n"
    }
    static func answeredLine(_ d: DashboardData, _ l: Language) -> String {
        l == .ko ? "답한 횟수 \(d.answered)번, 공부한 시간 \(minutes(d.minutesStudied, l)) (이번 주 \(minutes(d.minutesThisWeek, l)))\n"
                 : "Answers given \(d.answered), time studied \(minutes(d.minutesStudied, l)) (this week \(minutes(d.minutesThisWeek, l)))\n"
    }
    static let activityHeading = Localized(ko: "최근 12주 활동 (열 = 주, 행 = 요일, 오른쪽 끝이 오늘)", en: "Activity, last 12 weeks (columns = weeks, rows = days, today at the right end)")
    static let accuracyHeading = Localized(ko: "주별 정답률 (최근 8주)", en: "Accuracy by week (last 8 weeks)")

    // MARK: `quiz --plain` without a usable data folder

    /// The store was damaged and moved aside (said once, when the app starts).
    public static func storeDamaged(aside: String, copied: Int?, lost: Bool, _ l: Language) -> String {
        guard let copied else {
            return l == .ko ? "진행 상황 데이터베이스가 손상되어 \(aside)(으)로 옮기고 새로 시작했습니다."
                            : "The progress database was damaged; it was moved to \(aside) and a new one started."
        }
        if l == .ko {
            return "진행 상황 데이터베이스가 손상되어 \(aside)(으)로 옮기고, 읽을 수 있던 기록 \(copied)개로 새로 시작했습니다" + (lost ? "(일부는 읽지 못함)." : ".")
        }
        return "The progress database was damaged; it was moved to \(aside) and a new one started with the \(copied) records that could be read" + (lost ? " (some could not)." : ".")
    }

    /// Journal lines that were torn or held impossible values (said once, when the app starts).
    public static func journalSkipped(_ n: Int, _ l: Language) -> String {
        l == .ko ? "대기 파일에서 읽을 수 없는 답 \(n)개를 건너뛰었습니다(나머지가 저장되면 지워집니다)."
                 : "\(n) unreadable answer\(n == 1 ? "" : "s") in the journal \(n == 1 ? "was" : "were") skipped (dropped once the others are saved)."
    }

    /// `quiz --plain` after an answer the database could not take at once.
    public static func saveNote(_ state: SaveState, _ l: Language) -> String {
        switch state {
        case .saved: l == .ko ? "저장됨." : "Saved."
        case .savingLater: l == .ko ? "나중에 저장: 데이터베이스가 사용 중이라 답을 대기 파일에 적어 두었고, 쓸 수 있게 되면 저장합니다."
                                    : "Saving later: the database is busy, so the answer is kept in the journal and written when it can be."
        case .notSaved: l == .ko ? "저장 안 됨: 데이터베이스도 대기 파일도 쓸 수 없어 이 답은 이번 실행 동안만 남습니다."
                                 : "Not saved: neither the database nor the journal can be written; this answer lasts only until the program ends."
        }
    }

    /// `quiz --plain` with a data folder it cannot use (the TUI's banner says `notSaving`).
    public static func notSavingPlain(_ l: Language) -> String {
        l == .ko ? "저장 안 됨: 진행 상황 폴더를 쓸 수 없어 이번 답은 채점만 하고 저장하지 않습니다."
                 : "Not saving: the progress folder cannot be used, so these answers are graded but not kept."
    }
}
