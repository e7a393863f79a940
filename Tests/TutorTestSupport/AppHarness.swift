import TutorApp
import TutorCore
import TutorRender

/// Drives the pure app like the run loop does, with fake content: press named keys, resize,
/// and inspect the whole state, the effects issued and the rendered frame. No sleeping.
public struct AppHarness {
    public var state: AppState
    /// Every effect issued so far, in order.
    public private(set) var effects: [Effect] = []
    /// Lessons the fake shell can load, keyed by "lang/id".
    public var lessons: [String: Lesson]
    public private(set) var quit = false

    public init(size: Size = Size(width: 80, height: 24), language: Language = .ko, lessons: [Lesson],
                readLessons: Set<String> = [], warnings: [String] = [], ascii: Bool = false) {
        self.lessons = Dictionary(lessons.map { ("\($0.meta.language.rawValue)/\($0.meta.id)", $0) }, uniquingKeysWith: { a, _ in a })
        state = AppState(size: size, language: language, catalog: LessonCatalog(lessons.map(\.meta)),
                         readLessons: readLessons, warnings: warnings, ascii: ascii)
    }

    /// Presses keys by name: "down", "enter", "ctrl+c", "/", "L", or any single character.
    public mutating func press(_ names: String...) {
        for name in names {
            guard let key = Key(name: name) else { fatalError("unknown key name \(name)") }
            send(.keyPressed(key))
        }
    }

    /// Types text (each character a key press), e.g. Hangul into the filter.
    public mutating func type(_ text: String) {
        for c in text { send(.keyPressed(.char(c))) }
    }

    public mutating func resize(_ width: Int, _ height: Int) {
        send(.resized(Size(width: width, height: height)))
    }

    /// Sends one action and runs the effects it produces against the fakes.
    public mutating func send(_ action: AppAction) {
        var queue = [action]
        while !queue.isEmpty {
            for effect in reduce(&state, queue.removeFirst()) {
                effects.append(effect)
                switch effect {
                case .loadLesson(let id, let language):
                    if let lesson = lessons["\(language.rawValue)/\(id)"] { queue.append(.lessonLoaded(lesson)) }
                    else { queue.append(.lessonFailed(id: id, message: "Content/\(language.rawValue)/\(id).md:1: cannot read file")) }
                case .quit: quit = true
                case .markRead, .suspend: break
                }
            }
        }
    }

    public func frame() -> CellGrid { render(state, size: state.size) }
    public var screenText: String { frame().snapshotText() }
}
