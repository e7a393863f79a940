import TutorCore
import TutorQuiz
import TutorRender

/// One screen of the stack, carrying its state.
public enum Screen: Sendable, Equatable {
    case home(HomeScreen.State)
    case reader(ReaderScreen.State)
    case player(PlayerScreen.State)
    case cwnd(CwndScreen.State)
    case realLab(RealLabScreen.State)
    case captureChooser(CaptureChooserScreen.State)
    case journey(JourneyScreen.State)
    case quiz(QuizScreen.State)
    case dashboard(DashboardScreen.State)
    case glossary(GlossaryScreen.State)

    public enum Kind: Sendable, Equatable { case home, reader, player, cwnd, realLab, captureChooser, journey, quiz, dashboard, glossary }
}

/// What reaches a screen: a command from its keymap, a typed character (only while it
/// captures text), time, or news from the shell and the router.
public enum ScreenInput: Sendable, Equatable {
    case command(Command)
    case text(Character)
    case tick(Double)
    case resized(from: Size)
    /// The language was switched (the context already has the new one).
    case languageChanged
    case lessonLoaded(Lesson)
    /// The screen above this one was popped.
    case returned(from: Screen)
    /// A mouse click at a cell of the frame.
    case clicked(x: Int, y: Int)
}

/// What a screen asks of the router.
public enum Outcome: Sendable, Equatable {
    case effect(Effect)
    case push(Screen)
    /// Removes this screen; popping the last one quits.
    case pop
    /// Replaces this screen (the reader moving to the next lesson keeps the stack's depth).
    case replace(Screen)
}

/// The contract every screen keeps. The router reads `bindings` to turn keys into commands,
/// and the key bar and `?` read the same list, so what is shown is what works.
protocol ScreenModel {
    associatedtype State: Sendable, Equatable
    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome]
    static func render(_ s: State, _ ctx: AppContext, into grid: inout CellGrid, area: Rect)
    /// The keymap of the screen's current mode (without the global keys).
    static func bindings(_ s: State) -> [KeyBinding]
    /// The help overlay's heading for that keymap.
    static func helpSection(_ s: State) -> Localized
    /// A line under the keys in the help overlay (how the screen counts something), if any.
    static func helpNote(_ s: State) -> Localized?
    /// The help overlay's sections: by default the current keymap under `helpSection`; a
    /// screen with several modes may list the other modes' keys too.
    static func helpSections(_ s: State) -> [HelpSection]
    /// Printable keys are text (a filter, an answer): `?` and `L` type themselves.
    static func capturesText(_ s: State) -> Bool
    static func isAnimating(_ s: State) -> Bool
    /// Milliseconds between ticks, nil when nothing moves.
    static func tickInterval(_ s: State) -> Int?
}

/// A heading and the keys under it in the help overlay.
struct HelpSection {
    var title: Localized
    var bindings: [KeyBinding]
}

extension ScreenModel {
    static func helpNote(_ s: State) -> Localized? { nil }
    static func helpSections(_ s: State) -> [HelpSection] { [HelpSection(title: helpSection(s), bindings: bindings(s))] }
    static func capturesText(_ s: State) -> Bool { false }
    static func isAnimating(_ s: State) -> Bool { false }
    static func tickInterval(_ s: State) -> Int? { isAnimating(s) ? 33 : nil }
}

/// A lab (the cwnd lab, the URL journey): it takes commands and ticks, nothing else.
protocol LabScreen: ScreenModel {
    static func reduce(_ s: inout State, _ command: Command, _ ctx: inout AppContext) -> [Outcome]
    static func reduceTick(_ s: inout State, elapsed: Double)
}

extension LabScreen {
    static func reduce(_ s: inout State, _ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        switch input {
        case .command(let command): return reduce(&s, command, &ctx)
        case .tick(let elapsed): reduceTick(&s, elapsed: elapsed)
        default: return []
        }
        return []
    }
}

extension Screen {
    public var kind: Kind {
        switch self {
        case .home: .home
        case .reader: .reader
        case .player: .player
        case .cwnd: .cwnd
        case .realLab: .realLab
        case .captureChooser: .captureChooser
        case .journey: .journey
        case .quiz: .quiz
        case .dashboard: .dashboard
        case .glossary: .glossary
        }
    }

    /// Runs the screen's reducer on its own state.
    mutating func reduce(_ input: ScreenInput, _ ctx: inout AppContext) -> [Outcome] {
        func run<M: ScreenModel>(_: M.Type, _ state: M.State, _ wrap: (M.State) -> Screen) -> [Outcome] {
            var s = state
            let outcomes = M.reduce(&s, input, &ctx)
            self = wrap(s)
            return outcomes
        }
        switch self {
        case .home(let s): return run(HomeScreen.self, s, Screen.home)
        case .reader(let s): return run(ReaderScreen.self, s, Screen.reader)
        case .player(let s): return run(PlayerScreen.self, s, Screen.player)
        case .cwnd(let s): return run(CwndScreen.self, s, Screen.cwnd)
        case .realLab(let s): return run(RealLabScreen.self, s, Screen.realLab)
        case .captureChooser(let s): return run(CaptureChooserScreen.self, s, Screen.captureChooser)
        case .journey(let s): return run(JourneyScreen.self, s, Screen.journey)
        case .quiz(let s): return run(QuizScreen.self, s, Screen.quiz)
        case .dashboard(let s): return run(DashboardScreen.self, s, Screen.dashboard)
        case .glossary(let s): return run(GlossaryScreen.self, s, Screen.glossary)
        }
    }

    /// Reads one property of the screen through its model.
    private func read<R>(_ body: (any ScreenReader) -> R) -> R {
        switch self {
        case .home(let s): body(Reading<HomeScreen>(s))
        case .reader(let s): body(Reading<ReaderScreen>(s))
        case .player(let s): body(Reading<PlayerScreen>(s))
        case .cwnd(let s): body(Reading<CwndScreen>(s))
        case .realLab(let s): body(Reading<RealLabScreen>(s))
        case .captureChooser(let s): body(Reading<CaptureChooserScreen>(s))
        case .journey(let s): body(Reading<JourneyScreen>(s))
        case .quiz(let s): body(Reading<QuizScreen>(s))
        case .dashboard(let s): body(Reading<DashboardScreen>(s))
        case .glossary(let s): body(Reading<GlossaryScreen>(s))
        }
    }

    func render(_ ctx: AppContext, into grid: inout CellGrid, area: Rect) { read { $0.render(ctx, into: &grid, area: area) } }
    var bindings: [KeyBinding] { read { $0.bindings } }
    var helpSection: Localized { read { $0.helpSection } }
    var helpNote: Localized? { read { $0.helpNote } }
    var helpSections: [HelpSection] { read { $0.helpSections } }
    var capturesText: Bool { read { $0.capturesText } }
    var isAnimating: Bool { read { $0.isAnimating } }
    var tickInterval: Int? { read { $0.tickInterval } }
}

/// A screen's state paired with its model, so one switch serves every read-only question.
private protocol ScreenReader {
    func render(_ ctx: AppContext, into grid: inout CellGrid, area: Rect)
    var bindings: [KeyBinding] { get }
    var helpSection: Localized { get }
    var helpNote: Localized? { get }
    var helpSections: [HelpSection] { get }
    var capturesText: Bool { get }
    var isAnimating: Bool { get }
    var tickInterval: Int? { get }
}

private struct Reading<M: ScreenModel>: ScreenReader {
    let state: M.State
    init(_ state: M.State) { self.state = state }
    func render(_ ctx: AppContext, into grid: inout CellGrid, area: Rect) { M.render(state, ctx, into: &grid, area: area) }
    var bindings: [KeyBinding] { M.bindings(state) }
    var helpSection: Localized { M.helpSection(state) }
    var helpNote: Localized? { M.helpNote(state) }
    var helpSections: [HelpSection] { M.helpSections(state) }
    var capturesText: Bool { M.capturesText(state) }
    var isAnimating: Bool { M.isAnimating(state) }
    var tickInterval: Int? { M.tickInterval(state) }
}
