/// A key press, named. The terminal back end produces these; screens bind them.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case ctrl(Character)   // ctrl("c") is Ctrl-C
    case function(Int)
    /// The mouse: the wheel, and a click at a cell (column, row).
    case wheelUp, wheelDown
    case click(x: Int, y: Int)

    /// Parses the names tests and the help table use: "down", "enter", "ctrl+c", "x", "?".
    public init?(name: String) {
        switch name.lowercased() {
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "backtab", "shift+tab": self = .backTab
        case "backspace": self = .backspace
        case "delete": self = .delete
        case "space": self = .char(" ")
        case "wheelup": self = .wheelUp
        case "wheeldown": self = .wheelDown
        default:
            if name.lowercased().hasPrefix("ctrl+"), name.count == 6 {
                self = .ctrl(Character(name.suffix(1).lowercased())); return
            }
            if name.count == 1 { self = .char(name.first!); return }
            // "click:x,y"
            if name.hasPrefix("click:") {
                let xy = name.dropFirst(6).split(separator: ",").compactMap { Int($0) }
                if xy.count == 2 { self = .click(x: xy[0], y: xy[1]); return }
            }
            return nil
        }
    }

    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .function(let n): "F\(n)"
        case .wheelUp: "Wheel-Up"
        case .wheelDown: "Wheel-Down"
        case .click: "Click"
        }
    }

    /// Label with ASCII arrows for `--ascii` mode.
    public func label(ascii: Bool) -> String {
        guard ascii else { return description }
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return description
        }
    }
}

/// What the back end reports.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    case timeout
}
