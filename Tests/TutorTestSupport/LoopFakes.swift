import TutorApp
import TutorRender

/// A clock the test moves by hand.
public final class FakeClock: LoopClock {
    public var wall: Double
    public var mono: Double
    public init(wall: Double = 1_700_000_000, mono: Double = 0) { self.wall = wall; self.mono = mono }
    public func advance(_ seconds: Double) { wall += seconds; mono += seconds }
    public func wallTime() -> Double { wall }
    public func monotonic() -> Double { mono }
}

/// A terminal that plays a script: keys, resizes, frames (a timeout, with the clock moved by
/// the frame interval) and waits (the clock moved while the app sits idle). At the end of the
/// script it sends Ctrl-C, so the loop quits.
public final class TestBackend: TerminalBackend {
    public enum Step: Sendable {
        case press(String)
        case resize(Size)
        /// The loop's timeout fires: only while it asked for one (something animates).
        case frame
        /// Time passes with no event.
        case wait(Double)
    }

    public private(set) var size: Size
    public private(set) var presented: [CellGrid] = []
    /// The timeout of every `nextEvent` call, in order (nil: blocked with none).
    public private(set) var timeouts: [Int?] = []
    public private(set) var suspensions = 0
    var steps: [Step]
    let clock: FakeClock

    public init(size: Size = Size(width: 80, height: 24), clock: FakeClock, steps: [Step]) {
        self.size = size; self.clock = clock; self.steps = steps
    }

    public func nextEvent(timeout milliseconds: Int?) -> TerminalEvent {
        timeouts.append(milliseconds)
        while !steps.isEmpty {
            switch steps.removeFirst() {
            case .press(let name): return .key(Key(name: name)!)
            case .resize(let s): size = s; return .resize(s)
            case .wait(let seconds): clock.advance(seconds)
            case .frame:
                guard let milliseconds else { fatalError("a frame was scripted while the app asked for no timeout (idle)") }
                clock.advance(Double(milliseconds) / 1000)
                return .timeout
            }
        }
        return .key(.ctrl("c"))
    }

    public func present(_ grid: CellGrid) { presented.append(grid) }
    public func suspend() { suspensions += 1 }
}
