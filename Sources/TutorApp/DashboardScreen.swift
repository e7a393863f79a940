import TutorCore
import TutorQuiz
import TutorRender

/// Progress at a glance: mastery by topic, reviews due, a 12-week heatmap, accuracy, time.
public enum DashboardScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        public var data: DashboardData
        public init(data: DashboardData) { self.data = data }
    }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        guard case .command(let command) = input else { return [] }
        switch command {
        case .back, .quit: return [.pop]
        case .startReview: return [.effect(.startQuiz(.review))]
        case .startInterview: return [.effect(.startQuiz(.interview))]
        default: return []
        }
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.dashboard }
    static func helpSection(_ s: State) -> Localized { UIText.dashboardSection }

    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        renderTitleBar(state, into: &grid, title: UIText.dashboardSection[language], right: "")
        let d = s.data
        let ko = language == .ko
        let width = grid.width
        // Left: mastery by topic and what is due; right (or below): activity and accuracy.
        let wide = width >= 100
        let leftWidth = wide ? width / 2 : width
        var y = 2
        let box = Box(title: ko ? "주제별 숙달도" : "Mastery by topic")
        // At 24 rows a topic takes one line, so the heatmap and accuracy still fit below.
        let compact = !wide && grid.height < 36
        let topicRows = d.topics.count * (compact ? 1 : 2) + (compact ? 0 : 1)
        let inner = box.render(into: &grid, area: Rect(x: 0, y: 1, width: leftWidth, height: topicRows + 2), glyphs: glyphs)
        y = inner.y
        let nameWidth = min(14, d.topics.map { TextWidth.width(of: DashboardText.topicName($0.topic, language)) }.max() ?? 8)
        for t in d.topics {
            let name = TextWidth.pad(TextWidth.truncate(DashboardText.topicName(t.topic, language), to: nameWidth, ellipsis: glyphs.ellipsis), to: nameWidth)
            let barWidth = compact ? 16 : max(6, inner.width - nameWidth - 8)
            var x = inner.x + 1
            x += grid.put(name + " ", x: x, y: y, style: Style(.heading, bold: true))
            x += grid.put(DashboardText.bar(t.mastery, width: barWidth, glyphs: glyphs), x: x, y: y, style: Style(.success))
            x += grid.put(" " + TextWidth.pad("\(Int((t.mastery * 100).rounded()))%", to: 5), x: x, y: y, style: Style(.normal, bold: true), clip: inner)
            let detail = ko ? "레슨 \(t.lessonsRead)/\(t.lessons) · 문제 \(t.cards)/\(t.questions) · 기억 \(Int((t.retrievability * 100).rounded()))%"
                            : "lessons \(t.lessonsRead)/\(t.lessons) · cards \(t.cards)/\(t.questions) · recall \(Int((t.retrievability * 100).rounded()))%"
            if compact {
                grid.put(detail, x: x, y: y, style: Style(.dim), clip: inner)
                y += 1
            } else {
                grid.put(detail, x: inner.x + 2 + nameWidth, y: y + 1, style: Style(.dim), clip: inner)
                y += 2
            }
        }
        y = inner.maxY + 1
        var lines: [Line] = []
        lines.append([Span(ko ? "복습 예정 " : "Due ", Style(.heading, bold: true)),
                      Span(ko ? "오늘 \(d.dueToday) · 내일 \(d.dueTomorrow) · 이번 주 \(d.dueThisWeek) · 새 문제 \(d.newAvailable)"
                              : "today \(d.dueToday) · tomorrow \(d.dueTomorrow) · this week \(d.dueThisWeek) · new \(d.newAvailable)")])
        if state.streakEnabled {
            lines.append([Span(ko ? "연속 " : "Streak ", Style(.heading, bold: true)),
                          Span(ko ? "\(d.streak)일 (복습할 것이 없던 날은 끊기지 않음)" : "\(d.streak) day\(d.streak == 1 ? "" : "s") (days with nothing due do not break it)")])
        }
        lines.append([Span(ko ? "시간 " : "Time ", Style(.heading, bold: true)),
                      Span(ko ? "답 \(d.answered)개 · 공부 \(DashboardText.minutes(d.minutesStudied, true)) · 이번 주 \(DashboardText.minutes(d.minutesThisWeek, true))"
                              : "answered \(d.answered) · studied \(DashboardText.minutes(d.minutesStudied, false)) · this week \(DashboardText.minutes(d.minutesThisWeek, false))")])
        for line in lines where y < grid.height - 1 { grid.put(line, x: 1, y: y, clip: Rect(x: 1, y: y, width: leftWidth - 2, height: 1)); y += 1 }

        // Activity heatmap and accuracy.
        let ax = wide ? leftWidth : 0
        let ay = wide ? 1 : y + 1
        let heat = DashboardText.heatmapLines(d.heatmap, glyphs: glyphs)
        guard ay + 12 <= grid.height - 1 else { renderBottomBar(state, into: &grid, bindings: KeyBindings.dashboard); return }
        let hbox = Box(title: ko ? "최근 12주 (오른쪽 아래가 오늘)" : "Last 12 weeks (today bottom right)").render(into: &grid, area: Rect(x: ax, y: ay, width: width - ax, height: 9), glyphs: glyphs)
        for (i, l) in heat.enumerated() { grid.put(l, x: hbox.x + 2, y: hbox.y + i, style: Style(.success), clip: hbox) }
        let legend = glyphs == .ascii ? ". 0  : 1-4  + 5-14  # 15+" : "· 0  ░ 1-4  ▒ 5-14  █ 15+"
        grid.put(legend, x: hbox.x + 27, y: hbox.y + 3, style: Style(.dim), clip: hbox)
        let accY = ay + 9
        if accY + 3 <= grid.height - 1 {
            let abox = Box(title: ko ? "주별 정답률 (최근 8주)" : "Accuracy by week (last 8)").render(into: &grid, area: Rect(x: ax, y: accY, width: width - ax, height: 3), glyphs: glyphs)
            let text = d.accuracyByWeek.map { $0.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }.map { TextWidth.pad($0, to: 5) }.joined(separator: " ")
            grid.put(text, x: abox.x + 1, y: abox.y, clip: abox)
        }
        renderBottomBar(state, into: &grid, bindings: KeyBindings.dashboard)
    }
}
