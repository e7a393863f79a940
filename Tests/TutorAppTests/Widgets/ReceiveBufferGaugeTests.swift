import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// The flow-control gauge at 80 columns, from the flow-control scene's own trace (a 3000-byte
/// buffer read 1000 bytes every 1.5 s): it fills to a zero window and drains as the
/// application reads. Every number names its side and its unit.
@Suite("ReceiveBufferGauge: the receive buffer, rwnd and the bytes in flight")
struct ReceiveBufferGaugeTests {
    static let roles: [Character: Role] = ["d": .data, "e": .dim, "w": .warning, "t": .timer]

    static func panels() throws -> (initial: FlowSnapshot, all: [FlowSnapshot]) {
        let t = try SceneSpec.flowControl.simulate(SceneOptions())
        return (try #require(t.initialPanel?.flowWindow), t.events.compactMap { $0.panel?.flowWindow })
    }

    static func draw(_ f: FlowSnapshot, language: Language = .en, glyphs: Glyphs = .unicode) -> CellGrid {
        var grid = CellGrid(width: 80, height: 2)
        ReceiveBufferGauge(snapshot: f, language: language, glyphs: glyphs).render(into: &grid, area: grid.bounds)
        return grid
    }

    /// Reviewer: before the handshake the server's buffer is empty (all ░, dim), nothing has
    /// been advertised or heard yet, and the client has nothing in flight.
    @Test("Empty, before anything happened")
    func empty() throws {
        let grid = Self.draw(try Self.panels().initial)
        expectGrid(grid, [
            " server receive buffer [░░░░░░░░░] 0/3000 B unread · no rwnd advertised yet     ",
            " client 0 B in flight · no rwnd heard yet                                       ",
        ])
        expectRoles(grid, ["                        eeeeeeeee"], Self.roles)
    }

    /// Reviewer: two of three segments have arrived: 2000 of 3000 B unread fill two thirds of
    /// the bar (data), the server advertised 1000 B; the client has all 3000 B in flight and
    /// still believes the 3000 B window of the handshake, so it has 0 B of window left.
    @Test("Filling: 2000/3000 B unread, 3000 B in flight")
    func filling() throws {
        let grid = Self.draw(try #require(Self.panels().all.first { $0.unread == 2000 && $0.inFlight == 3000 }))
        expectGrid(grid, [
            " server receive buffer [██████░░░] 2000/3000 B unread · advertised rwnd 1000 B  ",
            " client 3000 B in flight · heard rwnd 3000 B · window left 0 B                  ",
        ])
        expectRoles(grid, ["                        ddddddeee"], Self.roles)
    }

    /// Reviewer: the buffer is full (all █), the server advertised rwnd 0 (warning), the client
    /// heard it, has nothing in flight, waits, and its persist timer probes (timer role).
    @Test("Zero window: the sender waits, the persist timer probes")
    func zeroWindow() throws {
        let grid = Self.draw(try #require(Self.panels().all.first { $0.persistTimer }))
        expectGrid(grid, [
            " server receive buffer [█████████] 3000/3000 B unread · advertised rwnd 0 B     ",
            " client 0 B in flight · heard rwnd 0: waits, persist timer probes               ",
        ])
        expectRoles(grid, ["                        ddddddddd                       " + String(repeating: "w", count: 19), "                        " + String(repeating: "w", count: 19) + String(repeating: "t", count: 22)], Self.roles)
    }

    /// Reviewer: after the last segment the application reads 1000 B at a time: 1000 B unread
    /// (one third of the bar), the window update advertised 2000 B; the client, with nothing
    /// left to send, has 1000 B of window left.
    @Test("Draining: the application reads, the window reopens")
    func draining() throws {
        let all = try Self.panels().all
        let grid = Self.draw(try #require(all.last { $0.unread == 1000 && $0.advertised == 2000 }))
        expectGrid(grid, [
            " server receive buffer [███░░░░░░] 1000/3000 B unread · advertised rwnd 2000 B  ",
            " client 0 B in flight · heard rwnd 1000 B · window left 1000 B                  ",
        ])
        expectRoles(grid, ["                        dddeeeeee"], Self.roles)
    }

    /// Reviewer: the zero window in Korean, lanes named 서버 and 클라이언트 (padded to one width): 수신 버퍼, 읽지 않은, 광고한 rwnd, 전송 중, 받은 rwnd,
    /// 대기 중, persist 타이머 동작; the bar is a whole number of cells per 1000 B here too.
    @Test("Zero window in Korean")
    func korean() throws {
        let grid = Self.draw(try #require(Self.panels().all.first { $0.persistTimer }), language: .ko)
        expectGrid(grid, [
            " 서버       수신 버퍼 [████████████] 읽지 않은 3000/3000 B · 광고한 rwnd 0 B    ",
            " 클라이언트 전송 중 0 B · 받은 rwnd 0: 대기 중, persist 타이머 동작             ",
        ])
    }

    /// Reviewer: with ASCII glyphs the bar is # and ., the separator |; only ASCII is drawn.
    @Test("Filling in ASCII")
    func ascii() throws {
        let grid = Self.draw(try #require(Self.panels().all.first { $0.unread == 2000 && $0.inFlight == 3000 }), glyphs: .ascii)
        expectGrid(grid, [
            " server receive buffer [######...] 2000/3000 B unread | advertised rwnd 1000 B  ",
            " client 3000 B in flight | heard rwnd 3000 B | window left 0 B                  ",
        ])
        #expect(GridLiteral.rows(of: grid).joined().unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Reviewer: once everything is sent a zero window is nothing to wait for: no persist timer,
    /// "nothing left to send". The application has just read 1000 B (2000 B unread) and the
    /// window update is the next event, so the last window advertised is still 0.
    @Test("A zero window with nothing left to send")
    func nothingToSend() throws {
        let grid = Self.draw(try #require(Self.panels().all.first { $0.senderWindow == 0 && $0.unsent == 0 }))
        expectGrid(grid, [
            " server receive buffer [██████░░░] 2000/3000 B unread · advertised rwnd 0 B     ",
            " client 0 B in flight · heard rwnd 0 (nothing left to send)                     ",
        ])
    }

    /// Reviewer: the bar keeps its width from an empty buffer to a full one (its scale never
    /// changes), and a little unread data shows at least one cell, a nearly full buffer never
    /// looks full.
    @Test("The bar's scale is fixed; a partial buffer never reads empty or full")
    func scale() throws {
        let (initial, all) = try Self.panels()
        let widths = Set(([initial] + all).map { ReceiveBufferGauge(snapshot: $0, language: .en, glyphs: .unicode).barWidth(for: 80) })
        #expect(widths == [9])
        #expect(ReceiveBufferGauge.filledCells(1, of: 3000, width: 9) == 1)
        #expect(ReceiveBufferGauge.filledCells(2999, of: 3000, width: 9) == 8)
        #expect(ReceiveBufferGauge.filledCells(3000, of: 3000, width: 9) == 9)
    }

    /// Reviewer: drawn at (2, 1) of a larger grid and 50 columns wide, nothing leaks outside.
    @Test("Draws only inside its area")
    func staysInside() throws {
        var grid = CellGrid(width: 60, height: 5)
        let area = Rect(x: 2, y: 1, width: 50, height: 2)
        ReceiveBufferGauge(snapshot: try Self.panels().all[30], language: .ko, glyphs: .unicode).render(into: &grid, area: area)
        expectBlank(grid, outside: area)
    }
}
