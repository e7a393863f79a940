import CNcursesw
import Glibc
import Testing
import TutorRender
@testable import TutorTerminal

@Suite("ncurses back end", .serialized)  // ncurses keeps global state: one screen at a time
struct TerminalTests {
    /// Headless: a real ncurses screen on /dev/null. Present frames with Hangul, resize, present
    /// again and shut down; nothing may crash and shutdown must be idempotent.
    @Test("Headless smoke test with newterm on /dev/null")
    func headlessSmoke() throws {
        setlocale(LC_ALL, "C.UTF-8")
        let out = fopen("/dev/null", "w"), inp = fopen("/dev/null", "r")
        defer { fclose(out); fclose(inp) }
        let term = try Terminal(options: .init(color: true), termType: "xterm-256color", output: out, input: inp)
        #expect(term.palette == .colors256)
        #expect(term.size.width > 0 && term.size.height > 0)
        var grid = CellGrid(width: term.size.width, height: term.size.height)
        grid.put("한국어 English ✓ ─", x: 0, y: 0, style: Style(.heading, bold: true))
        grid.put("가", x: grid.width - 1, y: 1)  // wide glyph at the edge becomes a blank
        term.present(grid)
        grid.put("바뀐 줄", x: 0, y: 2, style: Style(.warning, reverse: true))
        grid.cursor = (3, 2)
        term.present(grid)  // a diff
        term.invalidate()
        term.present(grid)  // a full repaint
        #expect(term.nextEvent(timeout: 0) == .timeout)
        term.shutdown()
        term.shutdown()
    }

    @Test("Colour ladder: 8-colour and monochrome terminals, and colour turned off")
    func colourLadder() throws {
        setlocale(LC_ALL, "C.UTF-8")
        for (type, color, expected) in [("xterm", true, Terminal.Palette.colors8), ("vt100", true, .mono), ("xterm-256color", false, .mono)] {
            let out = fopen("/dev/null", "w"), inp = fopen("/dev/null", "r")
            let term = try Terminal(options: .init(color: color), termType: type, output: out, input: inp)
            #expect(term.palette == expected, "\(type)")
            var grid = CellGrid(width: 10, height: 2)
            grid.put("ab", x: 0, y: 0, style: Style(.dim))
            term.present(grid)
            term.shutdown()
            fclose(out); fclose(inp)
        }
    }

    @Test("An unknown terminal type is a clear error, not a crash")
    func unknownTerminal() {
        let out = fopen("/dev/null", "w"), inp = fopen("/dev/null", "r")
        defer { fclose(out); fclose(inp) }
        #expect(throws: Terminal.InitError.self) {
            _ = try Terminal(options: .init(), termType: "no-such-terminal-xyz", output: out, input: inp)
        }
    }

    @Test("Mouse reports map to keys: wheel up and down, a left press or click at its cell; others are ignored")
    func mouseMapping() {
        #expect(KeyMap.mouse(NT_BUTTON4_PRESSED, x: 3, y: 4) == .wheelUp)
        #expect(KeyMap.mouse(NT_BUTTON5_PRESSED, x: 3, y: 4) == .wheelDown)
        #expect(KeyMap.mouse(NT_BUTTON1_PRESSED, x: 3, y: 4) == .click(x: 3, y: 4))
        #expect(KeyMap.mouse(NT_BUTTON1_CLICKED, x: 0, y: 9) == .click(x: 0, y: 9))
        #expect(KeyMap.mouse(0, x: 3, y: 4) == nil)
    }

    @Test("Terminal codes map to named keys (arrows, paging, Enter, Esc, Backspace, Ctrl-C, Hangul)")
    func keyMapping() {
        #expect(KeyMap.functionKey(KEY_UP) == .up)
        #expect(KeyMap.functionKey(KEY_NPAGE) == .pageDown)
        #expect(KeyMap.functionKey(KEY_PPAGE) == .pageUp)
        #expect(KeyMap.functionKey(KEY_HOME) == .home)
        #expect(KeyMap.functionKey(KEY_END) == .end)
        #expect(KeyMap.functionKey(KEY_BACKSPACE) == .backspace)
        #expect(KeyMap.functionKey(KEY_F0 + 5) == .function(5))
        #expect(KeyMap.character(13) == .enter)
        #expect(KeyMap.character(27) == .escape)
        #expect(KeyMap.character(9) == .tab)
        #expect(KeyMap.character(127) == .backspace)
        #expect(KeyMap.character(3) == .ctrl("c"))
        #expect(KeyMap.character(26) == .ctrl("z"))
        #expect(KeyMap.character(0xD55C) == .char("한"))
        #expect(KeyMap.character(0x41) == .char("A"))
    }
}

@Suite("ANSI writer")
struct ANSITests {
    @Test("Styled spans get SGR codes and a reset; plain text has none; trailing blanks go")
    func styles() {
        let line: Line = [Span("Title", Style(.heading, bold: true)), Span(" x  ", .plain)]
        #expect(ANSI.line(line) == "\u{1B}[1;34mTitle\u{1B}[0m x  ")
        #expect(ANSI.text([line, []], styled: false) == "Title x\n\n")
        #expect(ANSI.text([[Span("a", Style(.code, underline: true))]], styled: true) == "\u{1B}[4;36ma\u{1B}[0m\n")
    }
}
