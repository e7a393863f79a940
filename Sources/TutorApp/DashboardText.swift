import TutorCore
import TutorQuiz
import TutorRender

/// `nettutor progress` as text: mastery by topic, what is due, activity, accuracy, time.
public enum DashboardText {
    public static func plain(_ d: DashboardData, language: Language, streak: Bool = true, glyphs: Glyphs = .unicode) -> String {
        let ko = language == .ko
        var out = (ko ? "학습 현황" : "Study progress") + "\n\n"
        out += (ko ? "주제별 숙달도 (읽은 레슨, 기억 유지율)" : "Mastery by topic (lessons read, recall)") + "\n"
        let nameWidth = d.topics.map { TextWidth.width(of: topicName($0.topic, language)) }.max() ?? 10
        for t in d.topics {
            out += "  " + TextWidth.pad(topicName(t.topic, language), to: nameWidth) + "  " + bar(t.mastery, width: 20, glyphs: glyphs)
            out += "  \(Int((t.mastery * 100).rounded()))%  "
            out += ko ? "레슨 \(t.lessonsRead)/\(t.lessons), 문제 \(t.cards)/\(t.questions), 유지율 \(Int((t.retrievability * 100).rounded()))%\n"
                      : "lessons \(t.lessonsRead)/\(t.lessons), questions \(t.cards)/\(t.questions), recall \(Int((t.retrievability * 100).rounded()))%\n"
        }
        out += "\n"
        out += ko ? "복습 예정: 오늘 \(d.dueToday), 내일 \(d.dueTomorrow), 이번 주 \(d.dueThisWeek). 새 문제 \(d.newAvailable)개.\n"
                  : "Reviews due: today \(d.dueToday), tomorrow \(d.dueTomorrow), this week \(d.dueThisWeek). New questions: \(d.newAvailable).\n"
        if streak { out += ko ? "연속 학습: \(d.streak)일 (복습할 것이 없던 날은 끊기지 않습니다)\n" : "Streak: \(d.streak) day\(d.streak == 1 ? "" : "s") (days with nothing due do not break it)\n" }
        out += ko ? "답한 문제 \(d.answered)개, 공부한 시간 \(minutes(d.minutesStudied, ko)) (이번 주 \(minutes(d.minutesThisWeek, ko)))\n"
                  : "Answered \(d.answered), time studied \(minutes(d.minutesStudied, ko)) (this week \(minutes(d.minutesThisWeek, ko)))\n"
        out += "\n" + (ko ? "최근 12주 활동 (열 = 주, 행 = 요일, 오른쪽 끝이 오늘)" : "Activity, last 12 weeks (columns = weeks, rows = days, today at the right end)") + "\n"
        for line in heatmapLines(d.heatmap, glyphs: glyphs) { out += "  " + line + "\n" }
        out += "\n" + (ko ? "주별 정답률 (최근 8주)" : "Accuracy by week (last 8 weeks)") + "\n  "
        out += d.accuracyByWeek.map { $0.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }.map { TextWidth.pad($0, to: 5) }.joined(separator: " ") + "\n"
        return out
    }

    public static func topicName(_ raw: String, _ language: Language) -> String {
        Topic(rawValue: raw)?.title[language] ?? raw
    }

    static func minutes(_ m: Double, _ ko: Bool) -> String {
        m < 60 ? (ko ? "\(Int(m.rounded()))분" : "\(Int(m.rounded())) min") : (ko ? "\(Int(m / 60))시간 \(Int(m.truncatingRemainder(dividingBy: 60)))분" : "\(Int(m / 60)) h \(Int(m.truncatingRemainder(dividingBy: 60))) min")
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

/// `nettutor export anki`: a tab-separated file with the header lines Anki reads.
public enum AnkiExport {
    public static func tsv(_ banks: [QuizBank], language: Language) -> String {
        var out = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:nettutor\n#tags column:3\n#columns:Front\tBack\tTags\n"
        for bank in banks {
            for q in bank.questions {
                var front = html(q.prompt[language])
                var back = ""
                switch q.answer {
                case .choices(let cs):
                    front += "<br>" + cs.enumerated().map { "\($0.offset + 1)) \(html($0.element.text[language]))" }.joined(separator: "<br>")
                    back = cs.enumerated().filter(\.element.correct).map { "\($0.offset + 1)) \(html($0.element.text[language]))" }.joined(separator: "<br>")
                case .trueFalse(let b): back = language == .ko ? (b ? "참" : "거짓") : (b ? "True" : "False")
                case .short(let accept): back = html(accept[language].first ?? "")
                case .cloze(let text):
                    let parts = Cloze.parts(text[language])
                    front = html(q.prompt[language]) + "<br>" + parts.text.enumerated().map { i, s in html(s) + (i < parts.blanks.count ? "[…]" : "") }.joined()
                    back = parts.blanks.map { html($0.first ?? "") }.joined(separator: ", ")
                case .order(let items): back = items[language].map(html).joined(separator: " → ")
                case .numeric(let v, _, let unit): back = (v == v.rounded() ? "\(Int(v))" : "\(v)") + (unit.map { " \(html($0))" } ?? "")
                case .open(let rubric, let model): back = html(model[language]) + "<br>" + rubric.map { "• " + html($0[language]) }.joined(separator: "<br>")
                case .generated: continue  // made fresh from a seed each time: not a fixed card
                }
                back += "<br><br>" + html(q.explain[language])
                out += "\(front)\t\(back)\tnettutor \(bank.lesson) \(q.kind.rawValue)\n"
            }
        }
        return out
    }

    static func html(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\t": o += " "
            case "\n": o += "<br>"
            default: o.append(c)
            }
        }
        return o
    }
}
