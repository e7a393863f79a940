import TutorCore
import TutorRender

/// The glossary: the bilingual terms of `Content/glossary.yaml` in a list with a search, and
/// the selected term's definitions in both languages (the current one first). From the reader
/// it opens on the terms of that lesson; `a` shows them all.
public enum GlossaryScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        public var query = ""
        public var isTyping = false
        /// The selected term (terms are unique; `check` enforces it).
        public var selected: String?
        public var listOffset = 0
        /// The terms of one lesson (opened from the reader); nil shows the whole glossary.
        public var only: [String]?
        public var lessonTitle: String?
        /// The whole glossary although `only` is set (`a`).
        public var showAll = false
        public init(only: [String]? = nil, lessonTitle: String? = nil) { self.only = only; self.lessonTitle = lessonTitle }
    }

    /// The entries listed now: the lesson's or all, matching the search, best match first.
    static func entries(_ s: State, _ ctx: AppContext) -> [GlossaryEntry] {
        var base = ctx.glossary
        if let only = s.only, !s.showAll { base = base.filter { only.contains($0.term) } }
        return GlossarySearch.matches(base, s.query)
    }

    static func selectedIndex(_ s: State, _ entries: [GlossaryEntry]) -> Int? {
        guard !entries.isEmpty else { return nil }
        return entries.firstIndex { $0.term == s.selected } ?? 0
    }

    /// Rows of the term list: the screen minus title, search row, key bar and the box's borders.
    static func listHeight(_ size: Size) -> Int { max(1, size.height - 3 - 2) }
    static func listWidth(_ size: Size) -> Int { min(34, max(20, size.width * 3 / 8)) }

    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command) where s.isTyping:
            switch command {
            case .open: s.isTyping = false
            case .back: s.isTyping = false; s.query = ""
            case .deleteBackward: if !s.query.isEmpty { s.query.removeLast() }
            case .up, .down: return move(&s, command, ctx)
            default: return []
            }
            queryChanged(&s, ctx)
        case .command(let command): return move(&s, command, ctx)
        case .text(let c):
            if TextWidth.width(of: s.query) < 30 { s.query.append(c) }
            queryChanged(&s, ctx)
        case .resized: keepVisible(&s, ctx)
        case .clicked(let x, let y):
            let inner = Rect(x: 0, y: 2, width: listWidth(ctx.size), height: ctx.size.height - 3).inset(by: 1)
            let list = entries(s, ctx), i = s.listOffset + y - inner.y
            if inner.contains(x: x, y: y), list.indices.contains(i) { s.selected = list[i].term }
        default: break
        }
        return []
    }

    static func move(_ s: inout State, _ command: Command, _ ctx: AppContext) -> [Outcome] {
        let list = entries(s, ctx)
        let current = selectedIndex(s, list) ?? 0
        let page = max(1, listHeight(ctx.size) - 1)
        func select(_ i: Int) { if !list.isEmpty { s.selected = list[min(max(0, i), list.count - 1)].term } }
        switch command {
        case .up: select(current - 1)
        case .down: select(current + 1)
        case .pageUp: select(current - page)
        case .pageDown: select(current + page)
        case .top: select(0)
        case .bottom: select(list.count - 1)
        case .filter: s.isTyping = true
        case .toggleAllTerms:
            guard s.only != nil else { return [] }
            s.showAll.toggle()
            queryChanged(&s, ctx)
        case .back:
            if !s.query.isEmpty { s.query = ""; queryChanged(&s, ctx); return [] }
            return [.pop]
        default: return []
        }
        keepVisible(&s, ctx)
        return []
    }

    /// The best match is selected as the search changes.
    static func queryChanged(_ s: inout State, _ ctx: AppContext) {
        let list = entries(s, ctx)
        s.selected = s.query.isEmpty && list.contains(where: { $0.term == s.selected }) ? s.selected : list.first?.term
        s.listOffset = 0
        keepVisible(&s, ctx)
    }

    static func keepVisible(_ s: inout State, _ ctx: AppContext) {
        let list = entries(s, ctx)
        s.listOffset = ListView.offset(keeping: selectedIndex(s, list), visible: listHeight(ctx.size), current: s.listOffset, count: list.count)
    }

    static func bindings(_ s: State) -> [KeyBinding] {
        if s.isTyping { return KeyBindings.filtering }
        return (s.query.isEmpty ? KeyBindings.glossary : KeyBindings.glossaryFiltered).filter { $0.command != .toggleAllTerms || s.only != nil }
    }
    static func helpSection(_ s: State) -> Localized { s.isTyping ? UIText.glossaryFilterSection : UIText.glossarySection }
    static func helpNote(_ s: State) -> Localized? { UIText.glossaryNote }
    static func capturesText(_ s: State) -> Bool { s.isTyping }

    static func render(_ s: State, _ ctx: AppContext, into grid: inout CellGrid, area: Rect) {
        let language = ctx.language, glyphs = ctx.glyphs
        let list = entries(s, ctx)
        let title = s.only != nil && !s.showAll ? UIText.lessonTerms(s.lessonTitle ?? "")[language] : UIText.glossaryTitle[language]
        renderTitleBar(ctx, into: &grid, title: "\(title) (\(list.count))", right: "")

        // Row 1: the search line.
        if s.isTyping || !s.query.isEmpty {
            var x = 1 + grid.put(UIText.glossaryPrompt[language], x: 1, y: 1, style: Style(.accent, bold: true))
            x += grid.put(s.query, x: x, y: 1, style: Style(.normal, underline: true))
            if s.isTyping { grid.cursor = (x, 1) }
        }

        let body = Rect(x: 0, y: 2, width: grid.width, height: grid.height - 3)
        let (listArea, detailArea) = body.splitLeft(listWidth(ctx.size))
        let inner = Box(title: UIText.glossaryTitle[language]).render(into: &grid, area: listArea, glyphs: glyphs)
        let selected = selectedIndex(s, list)
        let items: [Line] = list.map { [Span(" " + TextWidth.truncate($0.term, to: inner.width - 2, ellipsis: glyphs.ellipsis))] }
        ListView(items: items, selected: selected, offset: s.listOffset).render(into: &grid, area: inner)
        if s.listOffset > 0 { grid.put(glyphs.arrowUp, x: inner.maxX, y: inner.y, style: Style(.accent)) }
        if s.listOffset + inner.height < items.count { grid.put(glyphs.arrowDown, x: inner.maxX, y: inner.maxY - 1, style: Style(.accent)) }

        if let i = selected {
            let entry = list[i]
            let detail = Box(title: entry.term).render(into: &grid, area: detailArea, glyphs: glyphs)
            let width = max(1, detail.width - 2)
            var lines: [Line] = []
            for (n, lang) in [language, language.other].enumerated() {
                if n > 0 { lines.append([]) }
                lines.append([Span(UIText.languageTag[lang], Style(.heading, bold: true))])
                lines += Wrap.wrap(entry.definition[lang], width: width)
            }
            Paragraph(lines: lines).render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        } else {
            let detail = Box().render(into: &grid, area: detailArea, glyphs: glyphs)
            let why = ctx.glossary.isEmpty ? UIText.glossaryEmpty : s.only?.isEmpty == true && !s.showAll && s.query.isEmpty ? UIText.noLessonTerms : UIText.glossaryNone
            Paragraph(lines: Wrap.wrap(why[language], width: max(1, detail.width - 2))).render(into: &grid, area: detail.inset(dx: 1, dy: 0))
        }
        renderBottomBar(ctx, into: &grid, bindings: bindings(s), includeGlobal: !capturesText(s))
    }
}
