import TutorCore
import TutorQuiz

/// The figures of progress (`StudyFigures`) as the home screen, the dashboard, `progress` and the
/// review message label them, in both languages; and what the plain quiz says when not saving.
extension UIText {
    /// `quiz --plain` with a data folder it cannot use (the TUI's banner says `notSaving`).
    public static func notSavingPlain(_ l: Language) -> String {
        l == .ko ? "저장 안 됨: 진행 상황 폴더를 쓸 수 없어 이번 답은 채점만 하고 저장하지 않습니다."
                 : "Not saving: the progress folder cannot be used, so these answers are graded but not kept."
    }
}
