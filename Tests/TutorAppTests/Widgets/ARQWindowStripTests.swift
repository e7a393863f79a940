import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The ARQ strip at 80 columns, from the scenes' own traces: every sequence number once, the
/// window bracketed, each number styled by what it is (Kurose & Ross Figures 3.19 and 3.23).
@Suite("ARQWindowStrip: the sequence number space, the windows, the wrap")
struct ARQWindowStripTests {
    static let roles: [Character: Role] = ["a": .success, "s": .data, "u": .accent, "n": .dim, "[": .normal, "]": .normal]

    static func snapshots(_ scene: SceneSpec) throws -> (trace: Trace, all: [ARQSnapshot]) {
        let t = try scene.simulate(SceneOptions())
        return (t, t.events.compactMap { $0.panel?.arqWindow })
    }

    static func draw(_ s: ARQSnapshot, language: Language = .en, glyphs: Glyphs = .unicode) -> CellGrid {
        var grid = CellGrid(width: 80, height: 2)
        ARQWindowStrip(snapshot: s, language: language, glyphs: glyphs).render(into: &grid, area: grid.bounds)
        return grid
    }

    /// Reviewer: before anything is sent, Go-Back-N's window [0 1 2 3] is all usable (underlined,
    /// accent) and 4-7 are not usable (dim); base=0 next=0; all eight numbers, each once.
    @Test("Go-Back-N before anything is sent: base 0, next 0, the whole space once")
    func goBackNBefore() throws {
        let (t, _) = try Self.snapshots(.arqGoBackN)
        let grid = Self.draw(try #require(t.panel(at: -1)?.arqWindow))
        expectGrid(grid, [
            " sender   [0  1  2  3] 4  5  6  7   base=0 next=0 · seq numbers mod 8           ",
            " receiver: expects 0, delivered 0                                               ",
        ])
        expectRoles(grid, ["          [u  u  u  u] n  n  n  n"], Self.roles)
    }

    /// Reviewer: after pkt 2 is lost, 0 and 1 are acknowledged (✓, success), 2-5 are sent and
    /// waiting (data, reversed), 6 and 7 are outside the window; base=2 next=6.
    @Test("Go-Back-N mid-run: acknowledged, sent, not usable")
    func goBackNMid() throws {
        let (_, all) = try Self.snapshots(.arqGoBackN)
        let grid = Self.draw(try #require(all.first { $0.base == 2 && $0.next == 6 }))
        expectGrid(grid, [
            " sender   ✓0 ✓1 [2  3  4  5] 6  7   base=2 next=6 · seq numbers mod 8           ",
            " receiver: expects 2, delivered 2                                               ",
        ])
        expectRoles(grid, ["          aa aa [s  s  s  s] n  n"], Self.roles)
        #expect(grid[17, 0].style.reverse && !grid[32, 0].style.reverse, "sent numbers are reversed, others not")
    }

    /// Reviewer: late in the run the window wraps: base 7 holds pkt 7 and pkts 8-10, numbered 0,
    /// 1, 2 again (the receiver has them all: it expects 0 again); each number once, and the row says the numbers are mod 8.
    @Test("Go-Back-N wrapping: each number once, the wrap explained")
    func goBackNWrap() throws {
        let (_, all) = try Self.snapshots(.arqGoBackN)
        let s = try #require(all.last { $0.base < 8 && $0.base + $0.window > 8 })
        let grid = Self.draw(s)
        expectGrid(grid, [
            " sender   ✓5 ✓6 [7  0  1  2] 3  4   base=7 next=0 · seq numbers mod 8           ",
            " receiver: expects 0, delivered 8                                               ",
        ])
        let numbers = (10..<34).map { grid[$0, 0].grapheme }.joined()
        #expect(numbers.filter(\.isNumber).sorted() == Array("01234567"), "each sequence number exactly once: \(numbers)")
    }

    /// Reviewer: at the end all 8 packets are acknowledged: the row says so instead of a window
    /// whose numbers, wrapped to [0 1 2 3], would look fresh. The receiver expects 0 again
    /// (packet 8 is numbered 0), 8 delivered.
    @Test("Go-Back-N at the end: all packets acknowledged, no fresh-looking window")
    func goBackNEnd() throws {
        let (t, _) = try Self.snapshots(.arqGoBackN)
        let grid = Self.draw(try #require(t.panel(at: t.events.count - 1)?.arqWindow))
        expectGrid(grid, [
            " sender   all 8 packets sent and acknowledged · seq numbers mod 8               ",
            " receiver: expects 0, delivered 8                                               ",
        ])
    }

    /// Reviewer: Selective Repeat with pkt 2 lost: the receiver's own window [2 ■3 ■4 ■5], the
    /// buffered packets ■ (data, reversed), 2 expected (underlined), 0 and 1 delivered ✓; the
    /// sender's window has 3 acknowledged individually (✓ inside the brackets), 2, 4, 5 sent.
    @Test("Selective Repeat: the receiver's window with buffered packets")
    func selectiveRepeatBuffered() throws {
        let (_, all) = try Self.snapshots(.arqSelectiveRepeat)
        let s = try #require(all.first { $0.buffered == [3, 4, 5] })
        let grid = Self.draw(s)
        expectGrid(grid, [
            " sender   ✓0 ✓1 [2 ✓3  4  5] 6  7   base=2 next=6 · seq numbers mod 8           ",
            " receiver ✓0 ✓1 [2 ■3 ■4 ■5] 6  7   expects 2, buffered {3,4,5}, delivered 2    ",
        ])
        expectRoles(grid, ["          aa aa [s aa  s  s] n  n", "          aa aa [u ss ss ss] n  n"], Self.roles)
    }

    /// Reviewer: the same in Korean: 송신자 / 수신자, 다음 기대, 버퍼, 전달, 순서 번호 mod 8.
    @Test("Selective Repeat in Korean")
    func selectiveRepeatKorean() throws {
        let (_, all) = try Self.snapshots(.arqSelectiveRepeat)
        let grid = Self.draw(try #require(all.first { $0.buffered == [3, 4, 5] }), language: .ko)
        expectGrid(grid, [
            " 송신자 ✓0 ✓1 [2 ✓3  4  5] 6  7   base=2 next=6 · 순서 번호 mod 8               ",
            " 수신자 ✓0 ✓1 [2 ■3 ■4 ■5] 6  7   다음 기대 2, 버퍼 {3,4,5}, 전달 2개           ",
        ])
    }

    /// Reviewer: with ASCII glyphs the separator is |, and nothing outside ASCII is drawn.
    @Test("Go-Back-N at the end in ASCII")
    func ascii() throws {
        let (t, _) = try Self.snapshots(.arqGoBackN)
        let grid = Self.draw(try #require(t.panel(at: t.events.count - 1)?.arqWindow), glyphs: .ascii)
        expectGrid(grid, [
            " sender   all 8 packets sent and acknowledged | seq numbers mod 8               ",
            " receiver: expects 0, delivered 8                                               ",
        ])
        #expect(GridLiteral.rows(of: grid).joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Reviewer: drawn at (3, 2) of a larger grid and cut to 40 columns, nothing leaks outside.
    @Test("Draws only inside its area")
    func staysInside() throws {
        let (_, all) = try Self.snapshots(.arqSelectiveRepeat)
        var grid = CellGrid(width: 50, height: 6)
        let area = Rect(x: 3, y: 2, width: 40, height: 2)
        ARQWindowStrip(snapshot: all[20], language: .ko, glyphs: .unicode).render(into: &grid, area: area)
        expectBlank(grid, outside: area)
    }
}
