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
        let width = grid.width
        // Left: mastery by topic and what is due; right (or below): activity and accuracy.
        let wide = width >= 100
        let leftWidth = wide ? width / 2 : width
        var y = 2
        let box = Box(title: UIText.masteryBox[language])
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
            let detail = UIText.topicDetail(t, language)
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
        lines.append([Span(UIText.dueLabel[language], Style(.heading, bold: true)), Span(UIText.dueDetail(d, language))])
        if state.streakEnabled {
            lines.append([Span(UIText.streakLabel[language], Style(.heading, bold: true)), Span(UIText.streakDetail(d.streak, language))])
        }
        lines.append([Span(UIText.timeLabel[language], Style(.heading, bold: true)), Span(UIText.timeDetail(d, language))])
        // What "right" and "recall" count: under the lines here, under the accuracy when wide.
        let figures: Line = [Span(UIText.figuresLegend[language], Style(.dim))]
        if !wide { lines.append(figures) }
        for line in lines where y < grid.height - 1 { grid.put(line, x: 1, y: y, clip: Rect(x: 1, y: y, width: leftWidth - 2, height: 1)); y += 1 }

        // Activity heatmap and accuracy.
        let ax = wide ? leftWidth : 0
        let ay = wide ? 1 : y
        let heat = DashboardText.heatmapLines(d.heatmap, glyphs: glyphs)
        guard ay + 12 <= grid.height - 1 else { renderBottomBar(state, into: &grid, bindings: KeyBindings.dashboard); return }
        let hbox = Box(title: UIText.heatmapBox[language]).render(into: &grid, area: Rect(x: ax, y: ay, width: width - ax, height: 9), glyphs: glyphs)
        for (i, l) in heat.enumerated() { grid.put(l, x: hbox.x + 2, y: hbox.y + i, style: Style(.success), clip: hbox) }
        let legend = glyphs == .ascii ? ". 0  : 1-4  + 5-14  # 15+" : "· 0  ░ 1-4  ▒ 5-14  █ 15+"
        grid.put(legend, x: hbox.x + 27, y: hbox.y + 3, style: Style(.dim), clip: hbox)
        let accY = ay + 9
        if accY + 3 <= grid.height - 1 {
            let abox = Box(title: UIText.accuracyBox[language]).render(into: &grid, area: Rect(x: ax, y: accY, width: width - ax, height: 3), glyphs: glyphs)
            let text = d.accuracyByWeek.map { $0.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }.map { TextWidth.pad($0, to: 5) }.joined(separator: " ")
            grid.put(text, x: abox.x + 1, y: abox.y, clip: abox)
            if wide, accY + 3 < grid.height - 1 { grid.put(figures, x: ax + 1, y: accY + 3, clip: Rect(x: ax + 1, y: accY + 3, width: width - ax - 2, height: 1)) }
        }
        renderBottomBar(state, into: &grid, bindings: KeyBindings.dashboard)
    }
}
