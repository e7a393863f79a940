/// What the run loop needs from a terminal: the ncurses back end (`TutorTerminal.Terminal`)
/// and the test back end both conform, so tests drive the real loop.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }
    /// Blocks until a key or a resize, or until `milliseconds` pass (nil: no timeout, so an
    /// idle app uses no CPU).
    func nextEvent(timeout milliseconds: Int?) -> TerminalEvent
    /// Shows `grid`, drawing only what changed since the last frame.
    func present(_ grid: CellGrid)
    /// Ctrl-Z: hands the terminal back to the shell until the process is continued.
    func suspend()
}
