import NetSim
import TutorCore
import TutorRender

/// Home: lessons grouped by topic, a read mark, a title filter, and the selected lesson's summary.
public enum HomeScreen: ScreenModel {
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
    static func visibleLabs(_ s: State) -> [SceneSpec] {
        let filter = s.filter.lowercased()
        return SceneCatalog.all.filter { scene in
            filter.isEmpty || Language.allCases.contains { scene.title[$0].lowercased().contains(filter) } || scene.id.contains(filter)
        }
    }

    /// Selectable ids in list order: lesson ids, then "scene:<id>" for labs.
    static func itemIDs(_ s: State, _ ctx: AppContext) -> [String] {
        visibleLessons(s, ctx).map(\.id) + visibleLabs(s).map { labPrefix + $0.id }
    }

    /// Lessons shown, in reading order: every id once, in the current language when it exists.
    static func visibleLessons(_ s: State, _ ctx: AppContext) -> [LessonMeta] {
        let filter = s.filter.lowercased()
        let state = ctx
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

    static func selectedIndex(_ s: State, in items: [String]) -> Int? {
        guard !items.isEmpty else { return nil }
        if let id = s.selectedID, let i = items.firstIndex(of: id) { return i }
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

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command) where s.isTypingFilter: return reduceFilter(&s, command, &ctx)
        case .command(let command): return reduce(&s, command, &ctx)
        case .text(let c):
            if TextWidth.width(of: s.filter) < 40 { s.filter.append(c) }
            filterChanged(&s, ctx)
        case .returned(let screen):
            // Back from a lesson: select it (the reader may have moved to the next one).
            if case .reader(let r) = screen { s.selectedID = r.lessonID }
            keepSelectionVisible(&s, ctx)
        case .languageChanged: keepSelectionVisible(&s, ctx)
        case .clicked(let x, let y):
            // A click selects a row; a click on the selected row opens it.
            let inner = layout(ctx.size).list.inset(by: 1)
            guard inner.contains(x: x, y: y) else { break }
            let rows = rows(visibleLessons(s, ctx), labs: visibleLabs(s))
            let i = s.listOffset + y - inner.y
            guard rows.indices.contains(i) else { break }
            let id: String
            switch rows[i] {
            case .lesson(let m): id = m.id
            case .lab(let scene): id = labPrefix + scene.id
            default: return []
            }
            if s.selectedID == id || (s.selectedID == nil && itemIDs(s, ctx).first == id) { return reduce(&s, .open, &ctx) }
            s.selectedID = id
        default: break
        }
        return []
    }

    static func reduce(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        let items = itemIDs(s, ctx)
        let current = selectedIndex(s, in: items)
        func select(_ i: Int) {
            guard !items.isEmpty else { return }
            s.selectedID = items[min(max(0, i), items.count - 1)]
        }
        let page = max(1, listHeight(ctx.size) - 2)
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
            s.selectedID = id
            if id.hasPrefix(labPrefix), let scene = SceneCatalog.spec(String(id.dropFirst(labPrefix.count))) {
                return openScene(scene, &ctx)
            }
            return ReaderScreen.open(id, anchorBlock: ctx.positions[id] ?? 0, order: visibleLessons(s, ctx).map(\.id), ctx)
        case .filter:
            s.isTypingFilter = true
        case .startQuiz:
            guard let i = current, !items[i].hasPrefix(labPrefix) else { ctx.message = UIText.pickLesson[ctx.language]; break }
            return [.effect(.startQuiz(.lesson(items[i])))]
        case .startReview: return [.effect(.startQuiz(.review))]
        case .startInterview: return [.effect(.startQuiz(.interview))]
        case .showDashboard: return [.effect(.loadDashboard)]
        case .glossary: return [.push(.glossary(GlossaryScreen.State()))]
        case .resume:
            guard let id = ctx.lastLesson, ctx.catalog.ids.contains(id) else { ctx.message = UIText.nothingToResume[ctx.language]; break }
            s.selectedID = id
            keepSelectionVisible(&s, ctx)
            return ReaderScreen.open(id, anchorBlock: ctx.positions[id] ?? 0, order: visibleLessons(s, ctx).map(\.id), ctx)
        case .quit:
            if !s.filter.isEmpty { s.filter = ""; break }
            return [.pop]
        default: break
        }
        keepSelectionVisible(&s, ctx)
        return []
    }

    /// While the filter is typed: Enter keeps it, Esc clears it, arrows move, Backspace edits.
    static func reduceFilter(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        switch command {
        case .open: s.isTypingFilter = false
        case .back: s.isTypingFilter = false; s.filter = ""
        case .deleteBackward: if !s.filter.isEmpty { s.filter.removeLast() }
        case .up, .down: return reduce(&s, command, &ctx)
        default: return []
        }
        filterChanged(&s, ctx)
        return []
    }

    /// Keeps a selection that still matches; otherwise selects the first match.
    static func filterChanged(_ s: inout State, _ ctx: AppContext) {
        let items = itemIDs(s, ctx)
        if !items.contains(where: { $0 == s.selectedID }) { s.selectedID = items.first }
        keepSelectionVisible(&s, ctx)
    }

    static func bindings(_ s: State) -> [KeyBinding] {
        s.isTypingFilter ? KeyBindings.filtering : s.filter.isEmpty ? KeyBindings.home : KeyBindings.homeFiltered
    }
    static func helpNote(_ s: State) -> Localized? { UIText.homeMarks }
    static func helpSection(_ s: State) -> Localized { s.isTypingFilter ? UIText.filterSection : UIText.homeSection }
    static func capturesText(_ s: State) -> Bool { s.isTypingFilter }

    /// The list box, the detail box and the info row for a screen size: one layout that both
    /// the scrolling and the drawing read, so the selection can never be scrolled off the box.
    static func layout(_ size: Size) -> (info: Rect, list: Rect, detail: Rect) {
        let body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        let (info, rest) = body.splitTop(1)
        let (list, detail) = rest.splitBottom(detailHeight)
        return (info, list, detail)
    }
    /// Rows inside the list box (its borders excluded).
    static func listHeight(_ size: Size) -> Int { max(1, layout(size).list.height - 2) }
    static let detailHeight = 5

    static func keepSelectionVisible(_ s: inout State, _ ctx: AppContext) {
        let items = itemIDs(s, ctx)
        let rows = rows(visibleLessons(s, ctx), labs: visibleLabs(s))
        let selected = selectedIndex(s, in: items).flatMap { row(for: items[$0], in: rows) }
        // Show the heading above the first item of a group when scrolled to it.
        var offset = ListView.offset(keeping: selected, visible: listHeight(ctx.size), current: s.listOffset, count: rows.count)
        if let s = selected, s == offset, s > 0 {
            switch rows[s - 1] { case .topic, .labsHeading: offset -= 1; default: break }
        }
        s.listOffset = max(0, offset)
    }

    static func render(_ s: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = state.language, glyphs = state.glyphs
        let lessons = visibleLessons(s, state)
        let labs = visibleLabs(s)
        let items = itemIDs(s, state)
        let readCount = state.catalog.ids.filter { state.readLessons.contains($0) }.count
        renderTitleBar(state, into: &grid, title: UIText.appTitle[language],
                       right: (state.notSaving ? UIText.notSaving[language] + "  " : "") + "\(UIText.dueNow[language]) \(state.dueCount)  \(UIText.readCount[language]) \(readCount)/\(state.catalog.ids.count)")

        // Filter line (row 1), the content warning, or the lesson to resume.
        let (infoRow, listArea, detailArea) = layout(state.size)
        if s.isTypingFilter || !s.filter.isEmpty {
            let prompt = UIText.filterPrompt[language]
            var x = 1 + grid.put(prompt, x: 1, y: infoRow.y, style: Style(.accent, bold: true))
            x += grid.put(s.filter, x: x, y: infoRow.y, style: Style(.normal, underline: true))
            if s.isTypingFilter { grid.cursor = (x, infoRow.y) }
        } else if !state.warnings.isEmpty {
            let text = "! \(state.warnings.count) \(UIText.skipped[language]): \(state.warnings[0])"
            grid.put(TextWidth.truncate(text, to: grid.width - 2, ellipsis: glyphs.ellipsis), x: 1, y: infoRow.y, style: Style(.warning))
        } else if let id = state.lastLesson, let meta = state.catalog.meta(id: id, language: language) {
            let percent = LessonStatus.percentRead(id, state).map { " \($0)%" } ?? ""
            var x = 1 + grid.put("c", x: 1, y: infoRow.y, style: Style(.keyHint, bold: true))
            x += grid.put(" " + UIText.resume[language] + ": ", x: x, y: infoRow.y, style: Style(.accent))
            grid.put(TextWidth.truncate(meta.title + percent, to: grid.width - x - 1, ellipsis: glyphs.ellipsis), x: x, y: infoRow.y, style: Style(.normal, bold: true))
        }

        let inner = Box(title: "\(UIText.lessons[language]) (\(lessons.count))").render(into: &grid, area: listArea, glyphs: glyphs)
        let rows = rows(lessons, labs: labs)
        let selectedID = selectedIndex(s, in: items).map { items[$0] }
        let selectedLesson = lessons.first { $0.id == selectedID }
        let selectedLab = labs.first { HomeScreen.labPrefix + $0.id == selectedID }
        if lessons.isEmpty {
            let text = state.catalog.ids.isEmpty ? UIText.noLessons[language] : UIText.noMatch[language]
            Paragraph(Wrap.wrap(text, width: inner.width - 2).first ?? [], width: inner.width - 2)
                .render(into: &grid, area: inner.inset(dx: 1, dy: 0))
        }
        let statusWidth = lessons.map { TextWidth.width(of: LessonStatus.short($0.id, state)) }.max() ?? 0
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
                // How far it was read and its quiz state, right-aligned after the summary.
                let status = LessonStatus.short(meta.id, state)
                let statusText = TextWidth.pad(String(repeating: " ", count: max(0, statusWidth - TextWidth.width(of: status))) + status, to: statusWidth)
                let summaryWidth = max(0, inner.width - 6 - titleColumn - 2 - (statusWidth > 0 ? statusWidth + 1 : 0))
                return [Span("   "), Span(mark, Style(.success, bold: true)), Span(" "),
                        Span(TextWidth.pad(title, to: titleColumn)), Span("  "),
                        Span(TextWidth.pad(TextWidth.truncate(meta.summary, to: summaryWidth, ellipsis: glyphs.ellipsis), to: summaryWidth), Style(.dim)),
                        Span(statusWidth > 0 ? " " + statusText : "", Style(.accent))]
            }
        }
        let selectedRow = selectedID.flatMap { row(for: $0, in: rows) }
        ListView(items: lines, selected: selectedRow, offset: s.listOffset).render(into: &grid, area: inner)
        if s.listOffset > 0 { grid.put(glyphs.arrowUp, x: inner.maxX, y: inner.y, style: Style(.accent)) }
        if s.listOffset + inner.height < rows.count { grid.put(glyphs.arrowDown, x: inner.maxX, y: inner.maxY - 1, style: Style(.accent)) }

        // Detail: the selected lesson's summary in full, its scenes and sources count.
        if let meta = selectedLesson {
            let detail = Box(title: meta.title).render(into: &grid, area: detailArea, glyphs: glyphs)
            var spans: Line = [Span(meta.summary)]
            if let status = LessonStatus.long(meta.id, state) { spans.append(Span("  " + status, Style(.accent))) }
            if !meta.scenes.isEmpty {
                let titles = meta.scenes.map { SceneCatalog.title($0, language) }.joined(separator: ", ")
                spans.append(Span("  \(glyphs.play) \(UIText.scenesLabel[language]): \(titles)", Style(.accent)))
            }
            Paragraph(spans, width: detail.width - 2).render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        } else if let scene = selectedLab {
            let detail = Box(title: scene.title[language]).render(into: &grid, area: detailArea, glyphs: glyphs)
            let summary = scene.summary[language]
            let sentence = summary.hasSuffix(".") || summary.hasSuffix("다") ? summary : summary + "."
            Paragraph([Span(sentence), Span("  " + UIText.scenePlay[language], Style(.accent))], width: detail.width - 2)
                .render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        } else {
            Box().render(into: &grid, area: detailArea, glyphs: glyphs)
        }
        // While typing, ? and L are text, so the bar must not offer them.
        renderBottomBar(state, into: &grid, bindings: bindings(s), includeGlobal: !capturesText(s))
    }
}
