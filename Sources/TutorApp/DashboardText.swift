import TutorCore
import TutorQuiz
import TutorRender

/// `nettutor progress` as text: mastery by topic, what is due, activity, accuracy, time.
public enum DashboardText {
    public static func plain(_ d: DashboardData, language: Language, streak: Bool = true, glyphs: Glyphs = .unicode) -> String {
        var out = UIText.studyProgress[language] + "\n\n"
        out += UIText.masteryHeading[language] + "\n"
        let nameWidth = d.topics.map { TextWidth.width(of: topicName($0.topic, language)) }.max() ?? 10
        for t in d.topics {
            out += "  " + TextWidth.pad(topicName(t.topic, language), to: nameWidth) + "  " + bar(t.mastery, width: 20, glyphs: glyphs)
            out += "  \(Int((t.mastery * 100).rounded()))%  "
            out += UIText.topicLine(t, language)
        }
        out += "  " + UIText.figuresLegend[language] + "\n\n"
        out += UIText.dueLine(d, language)
        if streak { out += UIText.streakLine(d.streak, language) }
        out += UIText.answeredLine(d, language)
        out += "\n" + UIText.activityHeading[language] + "\n"
        for line in heatmapLines(d.heatmap, glyphs: glyphs) { out += "  " + line + "\n" }
        out += "\n" + UIText.accuracyHeading[language] + "\n  "
        out += d.accuracyByWeek.map { $0.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }.map { TextWidth.pad($0, to: 5) }.joined(separator: " ") + "\n"
        return out
    }

    public static func topicName(_ raw: String, _ language: Language) -> String {
        Topic(rawValue: raw)?.title[language] ?? raw
    }

    static func minutes(_ m: Double, _ ko: Bool) -> String {
        UIText.minutes(m, ko ? .ko : .en)
    }

    static func bar(_ share: Double, width: Int, glyphs: Glyphs) -> String {
        let full = Int((share * Double(width)).rounded())
        return String(repeating: glyphs.segment, count: full) + String(repeating: glyphs == .ascii ? "." : "·", count: width - full)
    }

    /// 7 rows (days) × 12 columns (weeks); the level glyphs say how many answers (no colour needed).
    public static func heatmapLines(_ counts: [Int], glyphs: Glyphs) -> [String] {
        let levels = glyphs == .ascii ? [".", ":", "+", "#"] : ["·", "░", "▒", "█"]
        func glyph(_ n: Int) -> String { n == 0 ? levels[0] : n < 5 ? levels[1] : n < 15 ? levels[2] : levels[3] }
        let padded = Array(repeating: 0, count: max(0, 84 - counts.count)) + counts.suffix(84)
        return (0..<7).map { row in (0..<12).map { week in glyph(padded[week * 7 + row]) }.joined(separator: " ") }
    }
}
