import NetSim
import TutorCore
import TutorRender

/// The lesson reader: scrolling by line and page, a position indicator, next/previous lesson,
/// and a reading position that survives resizes and language switches.
public enum ReaderScreen: ScreenModel {
    public struct State: Sendable, Equatable {
        public var lessonID: String
        public var language: Language
        public var lesson: Lesson?
        /// Index of the first laid-out line on screen.
        public var top: Int = 0
        /// Block to scroll to once the lesson arrives (language switch keeps the place).
        public var pendingAnchorBlock: Int
        /// The lessons `n` and `p` step through (the home list as it was filtered).
        public var order: [String]
        /// The lesson laid out at `laidWidth` columns: laid out once per load or width, not per key.
        var laid: [LaidLine] = []
        var laidWidth = 0

        public init(lessonID: String, language: Language, pendingAnchorBlock: Int = 0, order: [String] = []) {
            self.lessonID = lessonID; self.language = language; self.pendingAnchorBlock = pendingAnchorBlock; self.order = order
        }

        /// Reading column: the screen minus margins, capped so long lines stay readable.
        static func textWidth(_ size: Size) -> Int { min(size.width - 4, 100) }
        static func viewHeight(_ size: Size) -> Int { max(1, size.height - 3) }

        func lines(size: Size, glyphs: Glyphs) -> [LaidLine] {
            guard let lesson else { return [] }
            if laidWidth == Self.textWidth(size) { return laid }
            return LessonLayout.lines(lesson, width: Self.textWidth(size), glyphs: glyphs, language: language)
        }

        /// Lays the lesson out for `size` (the cache `lines` reads).
        mutating func layOut(size: Size, glyphs: Glyphs) {
            guard let lesson, laidWidth != Self.textWidth(size) else { return }
            laid = LessonLayout.lines(lesson, width: Self.textWidth(size), glyphs: glyphs, language: language)
            laidWidth = Self.textWidth(size)
        }

        func maxTop(_ count: Int, size: Size) -> Int { max(0, count - Self.viewHeight(size)) }

        func atEnd(size: Size, glyphs: Glyphs) -> Bool {
            top >= maxTop(lines(size: size, glyphs: glyphs).count, size: size)
        }

        /// The block at the top of the screen.
        func anchorBlock(size: Size, glyphs: Glyphs) -> Int {
            let ls = lines(size: size, glyphs: glyphs)
            return top < ls.count ? ls[top].block : 0
        }

        mutating func didLoad(_ lesson: Lesson, size: Size, glyphs: Glyphs) {
            self.lesson = lesson
            language = lesson.meta.language
            laidWidth = 0
            layOut(size: size, glyphs: glyphs)
            let ls = lines(size: size, glyphs: glyphs)
            let first = ls.firstIndex { $0.block >= pendingAnchorBlock && !$0.line.isEmpty } ?? 0
            top = min(first, maxTop(ls.count, size: size))
            pendingAnchorBlock = 0
        }

        /// Keeps the same block (and line within it) at the top after the width changes.
        mutating func reflow(from old: Size, to new: Size, language: Language, glyphs: Glyphs) {
            guard lesson != nil else { return }
            let before = lines(size: old, glyphs: glyphs)
            guard top < before.count else { top = 0; return }
            let block = before[top].block
            let blockStart = before.firstIndex { $0.block == block } ?? 0
            let offset = top - blockStart
            layOut(size: new, glyphs: glyphs)
            let after = lines(size: new, glyphs: glyphs)
            let newStart = after.firstIndex { $0.block == block } ?? 0
            let blockCount = after.filter { $0.block == block }.count
            top = min(newStart + min(offset, max(0, blockCount - 1)), maxTop(after.count, size: new))
        }
    }

    /// Opens a lesson (in the current language when it exists) and asks the shell to load it.
    static func open(_ id: String, anchorBlock: Int = 0, order: [String], _ ctx: AppContext, replacing: Bool = false) -> [Outcome] {
        let language = ctx.catalog.lessons(in: ctx.language).contains { $0.id == id } ? ctx.language : ctx.language.other
        let screen = Screen.reader(State(lessonID: id, language: language, pendingAnchorBlock: anchorBlock, order: order))
        return [replacing ? .replace(screen) : .push(screen), .effect(.loadLesson(id: id, language: language)), .effect(.lessonOpened(lessonID: id))]
    }

    static func reduce(_ r: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command): return reduce(&r, command, &ctx) + readOutcomes(r, &ctx)
        case .lessonLoaded(let lesson):
            r.didLoad(lesson, size: ctx.size, glyphs: ctx.glyphs)
            return readOutcomes(r, &ctx)
        case .resized(let old):
            r.reflow(from: old, to: ctx.size, language: ctx.language, glyphs: ctx.glyphs)
            return readOutcomes(r, &ctx)
        case .languageChanged:
            // Both language versions share their structure, so the same block index is the same place.
            return open(r.lessonID, anchorBlock: r.anchorBlock(size: ctx.size, glyphs: ctx.glyphs), order: r.order, ctx, replacing: true)
        default: return []
        }
    }

    static func reduce(_ r: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome] {
        let count = r.lines(size: ctx.size, glyphs: ctx.glyphs).count
        let page = max(1, State.viewHeight(ctx.size) - 2)
        let maxTop = r.maxTop(count, size: ctx.size)
        switch command {
        case .up: r.top -= 1
        case .down: r.top += 1
        case .pageUp: r.top -= page
        case .pageDown: r.top += page
        case .top: r.top = 0
        case .bottom: r.top = maxTop
        case .open:
            // Play the first scene card on screen.
            let lines = r.lines(size: ctx.size, glyphs: ctx.glyphs)
            let visible = lines.dropFirst(r.top).prefix(State.viewHeight(ctx.size)).map(\.block)
            guard let lesson = r.lesson,
                  let scene = visible.lazy.compactMap({ b -> SceneSpec? in
                      if case .scene(let id) = lesson.blocks[min(b, lesson.blocks.count - 1)] { return SceneCatalog.spec(id) } else { return nil }
                  }).first else { return [] }
            return openScene(scene, &ctx)
        case .startQuiz:
            return [.effect(.startQuiz(.lesson(r.lessonID)))]
        case .back, .quit:
            // Remember where reading stopped (from the top again once read to the end).
            let block = r.atEnd(size: ctx.size, glyphs: ctx.glyphs) ? 0 : r.anchorBlock(size: ctx.size, glyphs: ctx.glyphs)
            ctx.positions[r.lessonID] = block
            return [.effect(.savePosition(lessonID: r.lessonID, block: block)), .pop]
        case .nextLesson, .previousLesson:
            let all = r.order.contains(r.lessonID) ? r.order : ctx.catalog.ids
            guard let i = all.firstIndex(of: r.lessonID) else { return [] }
            let j = command == .nextLesson ? i + 1 : i - 1
            guard all.indices.contains(j) else {
                ctx.message = (command == .nextLesson ? UIText.lastLesson : UIText.firstLesson)[ctx.language]
                return []
            }
            return open(all[j], order: r.order, ctx, replacing: true)
        default: break
        }
        r.top = min(max(0, r.top), maxTop)
        return []
    }

    /// A lesson counts as read once its last line has been on screen.
    static func readOutcomes(_ r: State, _ ctx: inout AppContext) -> [Outcome] {
        guard r.lesson != nil, !ctx.isTooSmall, !ctx.readLessons.contains(r.lessonID), r.atEnd(size: ctx.size, glyphs: ctx.glyphs) else { return [] }
        ctx.readLessons.insert(r.lessonID)
        return [.effect(.markRead(lessonID: r.lessonID))]
    }

    static func bindings(_ s: State) -> [KeyBinding] { KeyBindings.reader }
    static func helpSection(_ s: State) -> Localized { UIText.readerSection }
    static func helpNote(_ s: State) -> Localized? { UIText.helpReadRule }

    static func render(_ r: State, _ state: AppContext, into grid: inout CellGrid, area: Rect) {
        let glyphs = state.glyphs
        let title = r.lesson?.meta.title ?? state.catalog.meta(id: r.lessonID, language: r.language)?.title ?? r.lessonID
        let lines = r.lines(size: state.size, glyphs: glyphs)
        let view = State.viewHeight(state.size)
        let maxTop = r.maxTop(lines.count, size: state.size)
        let percent = lines.isEmpty ? 0 : (maxTop == 0 ? 100 : r.top * 100 / maxTop)
        renderTitleBar(state, into: &grid, title: title, right: r.lesson == nil ? "" : "\(percent)%")

        // Reading progress across the second row.
        let fraction = lines.isEmpty ? 0 : Double(min(lines.count, r.top + view)) / Double(lines.count)
        grid.put(ProgressBar(fraction: fraction).line(width: grid.width, glyphs: glyphs), x: 0, y: 1)

        let width = State.textWidth(state.size)
        let x = max(2, (grid.width - width) / 2)
        let area = Rect(x: x, y: 2, width: width, height: view)
        if r.lesson == nil {
            grid.put(UIText.loading[state.language], x: x, y: 3, style: Style(.dim))
        } else {
            Paragraph(lines: lines.map(\.line), scroll: r.top).render(into: &grid, area: area)
            if r.top + view >= lines.count, lines.count < r.top + view {
                let y = area.y + lines.count - r.top
                if y < area.maxY {
                    grid.put("\(glyphs.horizontal) \(UIText.end[state.language]) \(glyphs.horizontal)", x: x, y: y, style: Style(.dim))
                }
            }
        }
        let lastLine = min(lines.count, r.top + view)
        let position = lines.isEmpty ? "" : "\(r.top + 1)-\(lastLine)/\(lines.count)"
        renderBottomBar(state, into: &grid, bindings: KeyBindings.reader, right: position)
    }
}
