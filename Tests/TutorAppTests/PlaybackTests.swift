import NetSim
import Testing
import TutorCore
import TutorRender
import TutorTestSupport
@testable import TutorApp

/// Pacing (issue 13): a scene played at the default speed lets the eye follow each segment
/// across, one event at a time, and folds a long quiet stretch with a countdown. Time is a
/// fake clock: the test sends frame ticks of 1/30 s.
@Suite("Playback pacing")
struct PlaybackTests {
    static let frame = 1.0 / 30

    /// Plays to the end; per frame, calls `each` with the player's state.
    static func play(_ h: inout AppHarness, limit: Double = 120, each: (PlayerScreen.State, Double) -> Void) {
        h.press("space")
        var clock = 0.0
        while h.state.player!.playing && clock < limit {
            h.tick(frame); clock += frame
            each(h.state.player!, clock)
        }
    }

    /// Rule: a segment takes about `Playback.secondsPerCrossing` (1 s) to cross at 1x, so the
    /// eye can follow it: each of the handshake's segments is drawn in flight (• on its line)
    /// for at least half a second of screen time, and not for ages either.
    @Test("tcp-3way at 1x: each segment is in flight on screen for at least 0.5 s")
    func segmentsStayInFlight() throws {
        var h = try playerHarness(.tcp3Way)
        var flying: [Int: Double] = [:]
        var bulletsSeen = 0
        Self.play(&h) { p, _ in
            for e in p.trace.events.prefix(p.cursor + 1) where e.kind == .send && p.time < (e.arrival ?? e.t) {
                flying[e.n!, default: 0] += Self.frame
            }
            if !p.trace.inFlight(at: p.time).isEmpty && p.cursor >= 0 { bulletsSeen += 1 }
        }
        #expect(h.state.player!.atEnd)
        #expect(flying.keys.sorted() == [1, 2, 3])
        for (n, seconds) in flying {
            #expect(seconds >= 0.5 && seconds <= 3, "segment #\(n) was in flight for \(seconds) s")
        }
        #expect(bulletsSeen > 30)
    }

    /// Rule: the next event waits until the previous one has been seen: at 1x no event
    /// becomes the current one less than `Playback.dwell` after the one before.
    @Test("Events show one at a time, at least 0.4 s apart")
    func oneEventAtATime() throws {
        var h = try playerHarness(.tcp4Way)
        var shownAt: [Int: Double] = [:]
        Self.play(&h) { p, clock in if shownAt[p.cursor] == nil { shownAt[p.cursor] = clock } }
        let times = shownAt.sorted { $0.key < $1.key }.map(\.value)
        #expect(times.count == h.state.player!.trace.events.count, "every event was current once")
        for (a, b) in zip(times, times.dropFirst()) { #expect(b - a >= Playback.dwell - Self.frame - 1e-9) }
    }

    /// Rule: a quiet stretch (nothing on the wire, a timer running) plays in about
    /// `Playback.gapSeconds`, counting down what ends it: the lost SYN's 1 s RTO does not take
    /// 20 s of screen, and the screen says "RTO fires in …ms".
    @Test("A lost SYN's RTO second folds into about 1.5 s, with a countdown")
    func quietStretchFolds() throws {
        var h = AppHarness(size: Size(width: 80, height: 24), language: .en, lessons: Fixtures.all)
        var o = SceneOptions(); o.drops = [1]
        h.state.push(.player(try PlayerScreen.State(scene: .tcp3Way, options: o)))
        var drop: Double?, fire: Double?
        var countdown = false
        h.press("space")
        var clock = 0.0
        while h.state.player!.playing && clock < 60 {
            h.tick(Self.frame); clock += Self.frame
            let p = h.state.player!
            if drop == nil, p.currentEvent?.kind == .drop { drop = clock }
            if fire == nil, p.currentEvent?.kind == .timerFire { fire = clock }
            if drop != nil && fire == nil && h.screenText.contains("RTO fires in") { countdown = true }
        }
        let quiet = try #require(fire.flatMap { f in drop.map { f - $0 } })
        #expect(quiet < 3, "the RTO took \(quiet) s of screen time")
        #expect(countdown)
    }

    /// Rule: the speed keys scale the pace: at 4x the SYN crosses in a quarter of the time.
    @Test("+ scales the pace: 4x crosses four times as fast")
    func speedScales() throws {
        func synFlight(_ keys: [String]) throws -> Double {
            var h = try playerHarness(.tcp3Way)
            for k in keys { h.press(k) }
            var seconds = 0.0
            Self.play(&h) { p, _ in
                if let syn = p.trace.events.first(where: { $0.kind == .send }), p.cursor >= 0, p.time < syn.arrival! { seconds += Self.frame }
            }
            return seconds
        }
        let normal = try synFlight([]), fast = try synFlight(["+", "+"])
        #expect(fast < normal / 2.5, "1x \(normal) s, 4x \(fast) s")
    }

    /// Rule: in predict mode, playback stops at each send for a guess and goes on after it.
    @Test("Predict mode while playing: stops at each segment, goes on after the guess")
    func predictWhilePlaying() throws {
        var h = try playerHarness(.tcp3Way)
        h.press("p", "space")
        for _ in 0..<60 { h.tick(Self.frame) }
        #expect(h.state.player!.awaitingGuess != nil && !h.state.player!.playing)
        h.type("syn 1000")
        h.press("enter")
        #expect(h.state.player!.verdict?.correct == true && h.state.player!.playing)
    }
}
