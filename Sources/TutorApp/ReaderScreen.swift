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
        /// A section to open at, by its heading in each language (a capture's finding links to
        /// the section that explains it); it wins over `pendingAnchorBlock` once the lesson arrives.
        public var pendingSection: Localized?
        /// The lessons `n` and `p` step through (the home list as it was filtered).
        public var order: [String]
        /// The lesson laid out at `laidWidth` columns: laid out once per load or width, not per key.
        var laid: [LaidLine] = []
        var laidWidth = 0
        /// Rows of text on screen, as of the last input (the keymap depends on what is in view).
        var view = 21

        public enum Mode: Sendable, Equatable {
            case reading
            /// The search text is being typed.
            case typingQuery
            /// The table of contents is open, its entry `selected` highlighted.
            case contents(selected: Int)
        }
        public var mode: Mode = .reading
        /// The search kept (empty: none); `n`/`N` step through its hits.
        public var query = ""
        /// Index of the current hit among `hits`.
        public var currentHit: Int?
        /// The scene card Enter plays (its block), while it is on screen; else the first one in view.
        public var focusedScene: Int?

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

        /// The search's hits in the lesson as laid out.
        func hits(size: Size, glyphs: Glyphs) -> [SearchHit] { ReaderFind.hits(lines(size: size, glyphs: glyphs), query: query) }

        /// Scene cards in view (blocks), and the one Enter plays.
        var scenesInView: [Int] { ReaderFind.visibleScenes(laid, lesson: lesson, top: top, view: view) }
        var playableScene: Int? {
            let inView = scenesInView
            if let focusedScene, inView.contains(focusedScene) { return focusedScene }
            return inView.first
        }

        /// Scrolls so `line` is in view (a third of the way down when it was not).
        mutating func reveal(line: Int, size: Size, glyphs: Glyphs) {
            let view = Self.viewHeight(size)
            guard line < top || line >= top + view else { return }
            top = min(max(0, line - view / 3), maxTop(lines(size: size, glyphs: glyphs).count, size: size))
        }

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
            if let section = pendingSection {
                let heading = section[lesson.meta.language]
                if let i = ReaderFind.contents(lesson).first(where: { $0.title == heading })?.block { pendingAnchorBlock = i }
                pendingSection = nil
            }
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
    static func open(_ id: String, anchorBlock: Int = 0, section: Localized? = nil, order: [String], _ ctx: AppContext, replacing: Bool = false) -> [Outcome] {
        let language = ctx.catalog.lessons(in: ctx.language).contains { $0.id == id } ? ctx.language : ctx.language.other
        var state = State(lessonID: id, language: language, pendingAnchorBlock: anchorBlock, order: order)
        state.pendingSection = section
        let screen = Screen.reader(state)
        return [replacing ? .replace(screen) : .push(screen), .effect(.loadLesson(id: id, language: language)), .effect(.lessonOpened(lessonID: id))]
    }

    static func reduce(_ r: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        r.view = State.viewHeight(ctx.size)
        switch input {
        case .command(let command):
            switch r.mode {
            case .typingQuery: reduceTyping(&r, command, &ctx); return []
            case .contents(let selected): reduceContents(&r, command, selected: selected, &ctx); return readOutcomes(r, &ctx)
            case .reading: return reduce(&r, command, &ctx) + readOutcomes(r, &ctx)
            }
        case .text(let c):
            guard r.mode == .typingQuery, TextWidth.width(of: r.query) < 40 else { return [] }
            r.query.append(c)
            searchChanged(&r, ctx)
            return readOutcomes(r, &ctx)
        case .clicked(_, let y):
            // A click on a scene card plays it.
            let lines = r.lines(size: ctx.size, glyphs: ctx.glyphs), i = r.top + y - 2
            guard r.mode == .reading, y >= 2, y < 2 + r.view, lines.indices.contains(i), let lesson = r.lesson,
                  case .scene(let id) = lesson.blocks[lines[i].block], let scene = SceneCatalog.spec(id) else { return [] }
            r.focusedScene = lines[i].block
            return openScene(scene, &ctx)
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

    /// The search text changed: go to the first hit from the top of the screen down.
    static func searchChanged(_ r: inout State, _ ctx: AppContext) {
        let hits = r.hits(size: ctx.size, glyphs: ctx.glyphs)
        r.currentHit = ReaderFind.firstHit(hits, from: r.top)
        if let i = r.currentHit { r.reveal(line: hits[i].line, size: ctx.size, glyphs: ctx.glyphs) }
    }

    /// While the search is typed: Enter keeps it, Esc drops it, Backspace edits.
    static func reduceTyping(_ r: inout State, _ command: Command, _ ctx: inout AppContext) {
        switch command {
        case .open:
            r.mode = .reading
            if r.currentHit == nil, !r.query.isEmpty { ctx.message = UIText.noMatchInLesson(r.query)[ctx.language]; r.query = "" }
        case .back: r.mode = .reading; r.query = ""; r.currentHit = nil
        case .deleteBackward:
            if !r.query.isEmpty { r.query.removeLast() }
            searchChanged(&r, ctx)
        default: break
        }
    }

    /// The table of contents: move, jump to the heading's block, or close.
    static func reduceContents(_ r: inout State, _ command: Command, selected: Int, _ ctx: inout AppContext) {
        let entries = r.lesson.map(ReaderFind.contents) ?? []
        switch command {
        case .up: r.mode = .contents(selected: max(0, selected - 1))
        case .down: r.mode = .contents(selected: min(max(0, entries.count - 1), selected + 1))
        case .top: r.mode = .contents(selected: 0)
        case .bottom: r.mode = .contents(selected: max(0, entries.count - 1))
        case .open:
            r.mode = .reading
            guard entries.indices.contains(selected) else { return }
            let lines = r.lines(size: ctx.size, glyphs: ctx.glyphs)
            let line = lines.firstIndex { $0.block == entries[selected].block && !$0.line.isEmpty } ?? 0
            r.top = min(line, r.maxTop(lines.count, size: ctx.size))
        case .back: r.mode = .reading
        default: break
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
            // Play the marked scene card (the first on screen unless Tab moved the mark).
            guard let lesson = r.lesson, let block = r.playableScene, case .scene(let id) = lesson.blocks[block],
                  let scene = SceneCatalog.spec(id) else { return [] }
            return openScene(scene, &ctx)
        case .nextScene:
            let inView = r.scenesInView
            guard let current = r.playableScene, let i = inView.firstIndex(of: current) else { ctx.message = UIText.noSceneInView[ctx.language]; return [] }
            r.focusedScene = inView[(i + 1) % inView.count]
            return []
        case .filter:
            r.mode = .typingQuery; r.query = ""; r.currentHit = nil
            return []
        case .nextHit, .previousHit:
            let hits = r.hits(size: ctx.size, glyphs: ctx.glyphs)
            guard !hits.isEmpty else { return [] }
            let step = command == .nextHit ? 1 : hits.count - 1
            let i = ((r.currentHit ?? -1) + step) % hits.count
            r.currentHit = i
            r.reveal(line: hits[i].line, size: ctx.size, glyphs: ctx.glyphs)
            return []
        case .clearSearch:
            r.query = ""; r.currentHit = nil
            return []
        case .contents:
            let entries = r.lesson.map(ReaderFind.contents) ?? []
            guard !entries.isEmpty else { ctx.message = UIText.noContents[ctx.language]; return [] }
            // Start on the section being read.
            let block = r.anchorBlock(size: ctx.size, glyphs: ctx.glyphs)
            r.mode = .contents(selected: entries.lastIndex { $0.block <= block } ?? 0)
            return []
        case .glossary:
            let terms = GlossarySearch.terms(in: ReaderFind.text(r.lines(size: ctx.size, glyphs: ctx.glyphs)), ctx.glossary)
            let title = r.lesson?.meta.title ?? r.lessonID
            return [.push(.glossary(GlossaryScreen.State(only: terms.map(\.term), lessonTitle: title)))]
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

    static func bindings(_ s: State) -> [KeyBinding] {
        switch s.mode {
        case .typingQuery: return KeyBindings.readerTyping
        case .contents: return KeyBindings.readerContents
        case .reading:
            var keys = s.query.isEmpty ? KeyBindings.reader : KeyBindings.readerSearched
            // Tab matters only when two scene cards are on screen: then the bar offers it.
            if s.scenesInView.count > 1, let i = keys.firstIndex(where: { $0.command == .nextScene }) { keys[i].inBar = true }
            return keys
        }
    }
    static func capturesText(_ s: State) -> Bool { s.mode == .typingQuery }
    static func helpSection(_ s: State) -> Localized {
        switch s.mode {
        case .typingQuery: UIText.searchSection
        case .contents: UIText.contentsSection
        case .reading: UIText.readerSection
        }
    }
    static func helpNote(_ s: State) -> Localized? { UIText.helpReadRule }
}
