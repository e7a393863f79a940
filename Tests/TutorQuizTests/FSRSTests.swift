import Foundation
import NetSim
import Testing
import TutorCore
@testable import TutorQuiz

/// Review histories that visit every path: same-day steps, lapses, long gaps, all ratings.
func histories(count: Int, seed: UInt64) -> [(start: Double, reviews: [(Rating, Double)])] {
    var rng = SeededRandom(seed: seed)
    let start = 1_767_225_600.0  // 2026-01-01 00:00 UTC
    return (0..<count).map { _ in
        var t = start + Double(rng.next() % 86_400)
        var reviews: [(Rating, Double)] = []
        for _ in 0..<(3 + Int(rng.next() % 23)) {
            let r = rng.next() % 10
            let rating: Rating = r < 2 ? .again : r < 4 ? .hard : r < 9 ? .good : .easy
            reviews.append((rating, t))
            switch rng.next() % 4 {
            case 0: t += Double(30 + rng.next() % 1200)            // minutes: learning steps
            case 1: t += Double(3600 + rng.next() % 72_000)        // hours: same day or next
            default: t += Double(86_400 * (1 + rng.next() % 60))   // days
            }
        }
        return (start, reviews)
    }
}

@Suite("FSRS 6 scheduler")
struct FSRSTests {
    @Test("Agrees with the reference implementation (fsrs 6.x on PyPI) on 80 review histories: states, steps, memory states, due dates")
    func crossCheck() throws {
        let hs = histories(count: 80, seed: 42)
        let input: [[String: Any]] = hs.map { ["start": $0.start, "reviews": $0.reviews.map { [$0.0.rawValue, $0.1] }] }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/fsrs_reference.py").path]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin; process.standardOutput = stdout; process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(process.terminationStatus == 0, "the reference did not run (make test installs it with pip: fsrs==6.3.2): \(err)")
        let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [[[String: Any]]])
        let fsrs = FSRS()
        var compared = 0, reviewsSeen = Set<Int>()
        for (h, expected) in zip(hs, reference) {
            var card = Card(due: h.start)
            for ((rating, t), e) in zip(h.reviews, expected) {
                let r = fsrs.retrievability(card, at: t)
                card = fsrs.review(card, rating: rating, at: t)
                reviewsSeen.insert(card.state.rawValue)
                #expect(card.state.rawValue == e["state"] as! Int)
                #expect(card.step == (e["step"] as? Int))
                #expect(abs(card.stability! - (e["stability"] as! Double)) <= 1e-9 * max(1, card.stability!))
                #expect(abs(card.difficulty! - (e["difficulty"] as! Double)) <= 1e-9)
                #expect(abs(card.due - (e["due"] as! Double)) < 0.001, "due after \(rating) at \(t)")
                #expect(abs(r - (e["retrievability"] as! Double)) <= 1e-9)
                compared += 1
            }
        }
        #expect(compared > 500 && reviewsSeen == [1, 2, 3], "every state visited")
    }

    @Test("A new card rated Good goes to the second learning step (10 min), then to review in days")
    func learningSteps() {
        let fsrs = FSRS()
        var c = Card(due: 0)
        c = fsrs.review(c, rating: .good, at: 0)
        #expect(c.state == .learning && c.step == 1 && c.due == 600)
        c = fsrs.review(c, rating: .good, at: 600)
        #expect(c.state == .review && c.step == nil && c.due >= 86_400)
        let lapse = fsrs.review(c, rating: .again, at: c.due)
        #expect(lapse.state == .relearning && lapse.due == c.due + 600)
    }

    @Test("Desired retention changes the interval: higher retention, shorter intervals")
    func retention() {
        #expect(FSRS(desiredRetention: 0.95).nextInterval(10) < FSRS(desiredRetention: 0.9).nextInterval(10))
        #expect(FSRS(desiredRetention: 0.8).nextInterval(10) > FSRS().nextInterval(10))
        #expect(FSRS().nextInterval(10) == 10, "at 0.9, the interval equals the stability")
    }

    @Test("exp, log and pow agree with the C library to a few units in the last place (within 1e-15)")
    func realMath() {
        for x in stride(from: -20.0, through: 20.0, by: 0.37) {
            #expect(abs(RealMath.exp(x) - Foundation.exp(x)) <= 1e-15 * Foundation.exp(x))
        }
        for x in [1e-6, 0.001, 0.5, 0.9, 1.0, 1.5, 2, 10, 123.456, 1e6] {
            #expect(abs(RealMath.log(x) - Foundation.log(x)) <= 1e-15 * max(1, abs(Foundation.log(x))))
            #expect(abs(RealMath.pow(x, -0.1542) - Foundation.pow(x, -0.1542)) <= 1e-15 * Foundation.pow(x, -0.1542))
        }
    }
}
