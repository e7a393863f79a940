import NetSim
import TutorCore
import TutorRender

/// Home: lessons grouped by topic, a read mark, a title filter, and the selected lesson's summary.
public enum HomeScreen {
    public struct State: Sendable, Equatable {
        /// Id of the selected lesson (ids are stable across languages and filters).
        public var selectedID: String?
        public var filter: String = ""
        public var isTypingFilter = false
        public var listOffset = 0
        public init() {}
    }

    /// A row of the list: a topic heading, a lesson, the Labs heading or a playable scene.
    enum Row: Equatable { case topic(Topic), lesson(LessonMeta), labsHeading, lab(SceneSpec) }

    static let labPrefix = "scene:"

    /// Playable scenes, filtered by their title like lessons.
    static func visibleLabs(_ state: AppState) -> [SceneSpec] {
        let filter = state.home.filter.lowercased()
        return SceneCatalog.all.filter { scene in
            filter.isEmpty || Language.allCases.contains { scene.title[$0].lowercased().contains(filter) } || scene.id.contains(filter)
        }
    }

    /// Selectable ids in list order: lesson ids, then "scene:<id>" for labs.
    static func itemIDs(_ state: AppState) -> [String] {
        visibleLessons(state).map(\.id) + visibleLabs(state).map { labPrefix + $0.id }
    }

    /// Lessons shown, in reading order: every id once, in the current language when it exists.
    static func visibleLessons(_ state: AppState) -> [LessonMeta] {
        let filter = state.home.filter.lowercased()
        return state.catalog.ids.compactMap { id -> LessonMeta? in
            guard let meta = state.catalog.meta(id: id, language: state.language) else { return nil }
            if filter.isEmpty { return meta }
            let titles = Language.allCases.compactMap { state.catalog.lessons(in: $0).first { $0.id == id }?.title.lowercased() }
            return titles.contains { $0.contains(filter) } || id.contains(filter) ? meta : nil
        }
    }

    static func rows(_ lessons: [LessonMeta], labs: [SceneSpec] = []) -> [Row] {
        var rows: [Row] = []
        var topic: Topic?
        for meta in lessons {
            if meta.topic != topic { rows.append(.topic(meta.topic)); topic = meta.topic }
            rows.append(.lesson(meta))
        }
        if !labs.isEmpty { rows.append(.labsHeading); rows += labs.map { .lab($0) } }
        return rows
    }

    static func selectedIndex(_ state: AppState, in items: [String]) -> Int? {
        guard !items.isEmpty else { return nil }
        if let id = state.home.selectedID, let i = items.firstIndex(of: id) { return i }
        return 0
    }

    static func row(for id: String, in rows: [Row]) -> Int? {
        rows.firstIndex { row in
            switch row {
            case .lesson(let m): m.id == id
            case .lab(let s): labPrefix + s.id == id
            default: false
            }
        }
    }

    static func reduce(_ state: inout AppState, _ command: Command) -> [Effect] {
        let items = itemIDs(state)
        let current = selectedIndex(state, in: items)
        func select(_ i: Int) {
            guard !items.isEmpty else { return }
            state.home.selectedID = items[min(max(0, i), items.count - 1)]
        }
        let page = max(1, listHeight(state.size) - 2)
        switch command {
        case .up: select((current ?? 0) - 1)
        case .down: select((current ?? -1) + 1)
        case .pageUp: select((current ?? 0) - page)
        case .pageDown: select((current ?? 0) + page)
        case .top: select(0)
        case .bottom: select(items.count - 1)
        case .open:
            guard let i = current else { return [] }
            let id = items[i]
            state.home.selectedID = id
            if id.hasPrefix(labPrefix), let scene = SceneCatalog.spec(String(id.dropFirst(labPrefix.count))) {
                return openScene(&state, scene)
            }
            return openLesson(&state, id: id, anchorBlock: state.positions[id] ?? 0)
        case .filter:
            state.home.isTypingFilter = true
        case .startQuiz:
            guard let i = current, !items[i].hasPrefix(labPrefix) else { state.message = UIText.pickLesson[state.language]; break }
            return [.startQuiz(.lesson(items[i]))]
        case .startReview: return [.startQuiz(.review)]
        case .startInterview: return [.startQuiz(.interview)]
        case .showDashboard: return [.loadDashboard]
        case .quit:
            if !state.home.filter.isEmpty { state.home.filter = ""; break }
            return [.quit]
        default: break
        }
        keepSelectionVisible(&state)
        return []
    }

    /// Keys while the filter is being typed: text edits the filter; Enter keeps it, Esc clears it.
    static func reduceFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .enter: state.home.isTypingFilter = false
        case .escape: state.home.isTypingFilter = false; state.home.filter = ""
        case .backspace, .delete: if !state.home.filter.isEmpty { state.home.filter.removeLast() }
        case .up: return reduce(&state, .up)
        case .down: return reduce(&state, .down)
        case .char(let c) where !c.isNewline:
            if TextWidth.width(of: state.home.filter) < 40 { state.home.filter.append(c) }
        default: return []
        }
        // Keep a selection that still matches; otherwise select the first match.
        let items = itemIDs(state)
        if !items.contains(where: { $0 == state.home.selectedID }) { state.home.selectedID = items.first }
        keepSelectionVisible(&state)
        return []
    }

    static func listHeight(_ size: Size) -> Int { max(1, size.height - 2 - detailHeight - 2) }
    static let detailHeight = 5

    static func keepSelectionVisible(_ state: inout AppState) {
        let items = itemIDs(state)
        let rows = rows(visibleLessons(state), labs: visibleLabs(state))
        let selected = selectedIndex(state, in: items).flatMap { row(for: items[$0], in: rows) }
        // Show the heading above the first item of a group when scrolled to it.
        var offset = ListView.offset(keeping: selected, visible: listHeight(state.size), current: state.home.listOffset, count: rows.count)
        if let s = selected, s == offset, s > 0 {
            switch rows[s - 1] { case .topic, .labsHeading: offset -= 1; default: break }
        }
        state.home.listOffset = max(0, offset)
    }

    static func render(_ state: AppState, into grid: inout CellGrid) {
        let language = state.language, glyphs = state.glyphs
        let lessons = visibleLessons(state)
        let labs = visibleLabs(state)
        let items = itemIDs(state)
        let readCount = state.catalog.ids.filter { state.readLessons.contains($0) }.count
        renderTitleBar(state, into: &grid, title: UIText.appTitle[language],
                       right: (state.notSaving ? UIText.notSaving[language] + "  " : "") + "\(UIText.due[language]) \(state.dueCount)  \(UIText.readCount[language]) \(readCount)/\(state.catalog.ids.count)")

        // Filter line (row 1) or the content warning.
        let body = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        let (infoRow, rest) = body.splitTop(1)
        if state.home.isTypingFilter || !state.home.filter.isEmpty {
            let prompt = UIText.filterPrompt[language]
            var x = 1 + grid.put(prompt, x: 1, y: infoRow.y, style: Style(.accent, bold: true))
            x += grid.put(state.home.filter, x: x, y: infoRow.y, style: Style(.normal, underline: true))
            if state.home.isTypingFilter { grid.cursor = (x, infoRow.y) }
        } else if !state.warnings.isEmpty {
            let text = "! \(state.warnings.count) \(UIText.skipped[language]): \(state.warnings[0])"
            grid.put(TextWidth.truncate(text, to: grid.width - 2, ellipsis: glyphs.ellipsis), x: 1, y: infoRow.y, style: Style(.warning))
        }

        let (listArea, detailArea) = rest.splitBottom(detailHeight)
        let inner = Box(title: "\(UIText.lessons[language]) (\(lessons.count))").render(into: &grid, area: listArea, glyphs: glyphs)
        let rows = rows(lessons, labs: labs)
        let selectedID = selectedIndex(state, in: items).map { items[$0] }
        let selectedLesson = lessons.first { $0.id == selectedID }
        let selectedLab = labs.first { HomeScreen.labPrefix + $0.id == selectedID }
        if lessons.isEmpty {
            let text = state.catalog.ids.isEmpty ? UIText.noLessons[language] : UIText.noMatch[language]
            Paragraph(Wrap.wrap(text, width: inner.width - 2).first ?? [], width: inner.width - 2)
                .render(into: &grid, area: inner.inset(dx: 1, dy: 0))
        }
        let titleColumn = min(max(20, (lessons.map { TextWidth.width(of: $0.title) }.max() ?? 20)), inner.width * 45 / 100)
        let lines: [Line] = rows.map { row in
            switch row {
            case .topic(let topic):
                return [Span(" " + topic.title[language], Style(.heading, bold: true))]
            case .labsHeading:
                return [Span(" " + UIText.labs[language], Style(.heading, bold: true))]
            case .lab(let scene):
                return [Span("   "), Span(glyphs.play, Style(.accent, bold: true)), Span(" "),
                        Span(TextWidth.truncate(scene.title[language], to: inner.width - 6, ellipsis: glyphs.ellipsis)),
                        Span("  " + scene.id, Style(.dim))]
            case .lesson(let meta):
                let mark = state.readLessons.contains(meta.id) ? glyphs.check : " "
                var title = TextWidth.truncate(meta.title, to: titleColumn, ellipsis: glyphs.ellipsis)
                if meta.language != language { title = TextWidth.truncate(meta.title + " " + UIText.onlyOtherLanguage[language], to: titleColumn, ellipsis: glyphs.ellipsis) }
                let summaryWidth = max(0, inner.width - 6 - titleColumn - 2)
                return [Span("   "), Span(mark, Style(.success, bold: true)), Span(" "),
                        Span(TextWidth.pad(title, to: titleColumn)), Span("  "),
                        Span(TextWidth.pad(TextWidth.truncate(meta.summary, to: summaryWidth, ellipsis: glyphs.ellipsis), to: summaryWidth), Style(.dim))]
            }
        }
        let selectedRow = selectedID.flatMap { row(for: $0, in: rows) }
        ListView(items: lines, selected: selectedRow, offset: state.home.listOffset).render(into: &grid, area: inner)
        if state.home.listOffset > 0 { grid.put(glyphs.arrowUp, x: inner.maxX, y: inner.y, style: Style(.accent)) }
        if state.home.listOffset + inner.height < rows.count { grid.put(glyphs.arrowDown, x: inner.maxX, y: inner.maxY - 1, style: Style(.accent)) }

        // Detail: the selected lesson's summary in full, its scenes and sources count.
        if let meta = selectedLesson {
            let detail = Box(title: meta.title).render(into: &grid, area: detailArea, glyphs: glyphs)
            var spans: Line = [Span(meta.summary)]
            if !meta.scenes.isEmpty {
                let titles = meta.scenes.map { SceneCatalog.title($0, language) }.joined(separator: ", ")
                spans.append(Span("  \(glyphs.play) \(UIText.scenesLabel[language]): \(titles)", Style(.accent)))
            }
            Paragraph(spans, width: detail.width - 2).render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        } else if let scene = selectedLab {
            let detail = Box(title: scene.title[language]).render(into: &grid, area: detailArea, glyphs: glyphs)
            Paragraph([Span(scene.summary[language]), Span("  " + UIText.scenePlay[language], Style(.accent))], width: detail.width - 2)
                .render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        } else {
            Box().render(into: &grid, area: detailArea, glyphs: glyphs)
        }
        // While typing, ? and L are text, so the bar must not offer them.
        renderBottomBar(state, into: &grid, bindings: state.home.isTypingFilter ? KeyBindings.filtering : KeyBindings.home,
                        includeGlobal: !state.home.isTypingFilter)
    }
}
