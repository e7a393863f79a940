import CNcursesw
import Glibc
import TutorRender

/// The ncurses back end: the only code that touches the terminal. It presents `CellGrid`s by
/// diff, turns input into named keys, and restores the terminal on every way out.
public final class Terminal: TerminalBackend {
    public struct Options: Sendable {
        public var color: Bool
        /// The locale is not UTF-8: every non-ASCII grapheme is replaced before it is drawn.
        public var asciiOnly: Bool
        /// Wheel and clicks arrive as keys (`--no-mouse` leaves the terminal's own selection alone).
        public var mouse: Bool
        public init(color: Bool = true, asciiOnly: Bool = false, mouse: Bool = true) { self.color = color; self.asciiOnly = asciiOnly; self.mouse = mouse }
    }

    public enum InitError: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)
        public var description: String {
            switch self {
            case .notATerminal: "nettutor's interface needs a terminal; for output to a pipe use 'nettutor read ID --plain' or 'nettutor lessons'"
            case .unknownTerminal(let t): "cannot use terminal type '\(t)' (is TERM set correctly?)"
            }
        }
    }

    /// The colour ladder chosen at start: 256 colours, 8 colours, or none.
    public enum Palette: Sendable { case colors256, colors8, mono }

    public private(set) var palette: Palette = .mono
    private let options: Options
    private var previous: CellGrid?
    private let screen: OpaquePointer
    private var isOpen = true

    /// Opens the terminal on stdin/stdout.
    public convenience init(options: Options) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw InitError.notATerminal }
        try self.init(options: options, termType: nil, output: fdopen(STDOUT_FILENO, "w"), input: fdopen(STDIN_FILENO, "r"))
    }

    /// Opens a screen on the given streams (the headless test passes /dev/null).
    public init(options: Options, termType: String?, output: UnsafeMutablePointer<FILE>?, input: UnsafeMutablePointer<FILE>?) throws {
        self.options = options
        guard let scr = newterm(termType, output, input) else {
            throw InitError.unknownTerminal(termType ?? String(cString: getenv("TERM") ?? strdup("(unset)")))
        }
        screen = scr
        set_term(scr)
        TerminalRestorer.install()
        raw()            // Ctrl-C arrives as a key so the app can quit cleanly
        noecho()
        nonl()
        keypad(nt_stdscr(), true)
        nt_set_escdelay(25)
        curs_set(0)
        leaveok(nt_stdscr(), false)
        setupColors()
        if options.mouse {
            // Presses, not clicks: no waiting to tell a click from a drag.
            mousemask(NT_BUTTON1_PRESSED | NT_BUTTON1_CLICKED | NT_BUTTON4_PRESSED | NT_BUTTON5_PRESSED, nil)
            mouseinterval(0)
        }
    }

    deinit { shutdown() }

    public var size: Size { Size(width: Int(nt_cols()), height: Int(nt_lines())) }

    /// Ends curses mode and restores the terminal; safe to call twice.
    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
        TerminalRestorer.active = false
    }

    private func setupColors() {
        guard options.color, has_colors(), start_color() == NT_OK else { palette = .mono; return }
        use_default_colors()
        palette = nt_colors() >= 256 ? .colors256 : (nt_colors() >= 8 ? .colors8 : .mono)
        guard palette != .mono else { return }
        for role in Role.allCases {
            let fg = Theme.foreground(role, palette: palette)
            init_pair(Int16(role.rawValue) + 1, Int16(fg), -1)
        }
    }

    /// Draws the cells that changed since the last frame (all of them after a resize).
    public func present(_ grid: CellGrid) {
        let changes = grid.diff(from: previous)
        if previous == nil || previous!.width != grid.width || previous!.height != grid.height { wclear(nt_stdscr()) }
        for change in changes { draw(change.cell, x: change.x, y: change.y) }
        if let c = grid.cursor {
            curs_set(1); wmove(nt_stdscr(), Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(nt_stdscr())
        doupdate()
        previous = grid
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var text = cell.grapheme
        if options.asciiOnly, text.unicodeScalars.contains(where: { !$0.isASCII }) {
            text = String(repeating: "?", count: Int(cell.width))
        }
        var attrs = NT_A_NORMAL
        let s = cell.style
        if s.bold { attrs |= NT_A_BOLD }
        if s.underline { attrs |= NT_A_UNDERLINE }
        if s.reverse { attrs |= NT_A_REVERSE }
        if s.dim || (palette == .mono && s.role == .dim) || (palette == .colors8 && s.role == .dim) { attrs |= NT_A_DIM }
        if palette == .mono && (s.role == .heading || s.role == .title) { attrs |= NT_A_BOLD }
        let pair: Int16 = palette == .mono ? 0 : Int16(s.role.rawValue) + 1
        var wchars: [wchar_t] = text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if wchars.isEmpty { wchars = [wchar_t(32)] }
        wchars.append(0)
        var cch = cchar_t()
        setcchar(&cch, wchars, attrs, pair, nil)
        mvwadd_wch(nt_stdscr(), Int32(y), Int32(x), &cch)
    }

    static let idleSlice = 1000

    /// Blocks until a key or resize (nil timeout: no CPU but one wake-up a second), or until `timeout` ms pass.
    public func nextEvent(timeout milliseconds: Int?) -> TerminalEvent {
        // Idle, the wait is sliced into seconds instead of forever: a SIGWINCH arriving while
        // wget_wch refreshes, after its check of ncurses' resize flag and before it blocks, is
        // otherwise noticed only at the next key (a resize lost until then; seen in the e2e).
        // Each new wget_wch checks the flag first, so a lost resize shows within a second.
        wtimeout(nt_stdscr(), Int32(milliseconds ?? Self.idleSlice))
        while true {
            var ch: wint_t = 0
            let r = wget_wch(nt_stdscr(), &ch)
            if r == NT_ERR {
                if milliseconds != nil { return .timeout }
                continue  // the idle slice ended, or interrupted (e.g. SIGCONT): keep waiting
            }
            if r == NT_KEY_CODE_YES {
                if Int32(ch) == KEY_RESIZE {
                    previous = nil
                    return .resize(size)
                }
                if Int32(ch) == NT_KEY_MOUSE {
                    var event = MEVENT()
                    if getmouse(&event) == NT_OK, let key = KeyMap.mouse(event.bstate, x: Int(event.x), y: Int(event.y)) { return .key(key) }
                    continue
                }
                if let key = KeyMap.functionKey(Int32(ch)) { return .key(key) }
                continue
            }
            if let key = KeyMap.character(UInt32(ch)) { return .key(key) }
        }
    }

    /// Ctrl-Z: hand the terminal back to the shell, stop, and repaint everything on return.
    public func suspend() {
        endwin()
        kill(getpid(), SIGSTOP)
        wrefresh(nt_stdscr())
        previous = nil
    }

    /// Forces the next `present` to redraw every cell.
    public func invalidate() { previous = nil }
}

/// Terminal codes to named keys.
enum KeyMap {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_F0 + 1...KEY_F0 + 12: .function(Int(code - KEY_F0))
        default: nil
        }
    }

    /// A mouse report: the wheel (buttons 4 and 5) or a left press; anything else is ignored.
    static func mouse(_ state: mmask_t, x: Int, y: Int) -> Key? {
        if state & NT_BUTTON4_PRESSED != 0 { return .wheelUp }
        if state & NT_BUTTON5_PRESSED != 0 { return .wheelDown }
        if state & (NT_BUTTON1_PRESSED | NT_BUTTON1_CLICKED) != 0 { return .click(x: x, y: y) }
        return nil
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(value + 96)!))
        case 0...31: return nil
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}

/// Colours per role for each palette (xterm-256 indices, or the 8 basic colours).
enum Theme {
    static func foreground(_ role: Role, palette: Terminal.Palette) -> Int {
        if palette == .colors256 {
            switch role {
            case .normal: return -1
            case .heading: return 75
            case .emphasis: return 215
            case .code: return 114
            case .dim: return 245
            case .accent: return 81
            case .border: return 242
            case .title: return 75
            case .selection: return 81
            case .keyHint: return 81
            case .quote: return 180
            case .warning: return 214
            case .error: return 203
            case .success: return 78
            case .syn: return 39
            case .ack: return 78
            case .fin: return 170
            case .data: return 252
            case .loss: return 196
            case .timer: return 220
            }
        }
        switch role {
        case .normal, .dim, .border: return -1
        case .heading, .title: return Int(COLOR_BLUE)
        case .emphasis, .warning, .timer: return Int(COLOR_YELLOW)
        case .code, .success, .ack: return Int(COLOR_GREEN)
        case .accent, .selection, .keyHint, .syn: return Int(COLOR_CYAN)
        case .quote, .fin: return Int(COLOR_MAGENTA)
        case .error, .loss: return Int(COLOR_RED)
        case .data: return Int(COLOR_WHITE)
        }
    }
}

/// Restores the terminal when the process is ended by a signal or crashes, so the user's
/// shell is never left in raw mode on the alternate screen.
public enum TerminalRestorer {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var installed = false
    static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                  SIGXCPU, SIGXFSZ, SIGPIPE, SIGPOLL, SIGPWR, SIGSTKFLT]

    static func install() {
        active = true
        guard !installed else { return }
        installed = true
        // Every signal whose default ends the process (or, for QUIT, paints the runtime's crash
        // report over the screen) ends it cleanly: the terminal restored, 128+N as the status.
        for sig in Self.ending {
            signal(sig) { sig in
                if TerminalRestorer.active { endwin() }
                _exit(128 + sig)
            }
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS] {
            signal(sig) { sig in
                if TerminalRestorer.active { endwin() }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}
