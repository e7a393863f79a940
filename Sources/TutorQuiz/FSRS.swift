/// FSRS 6 (Free Spaced Repetition Scheduler) with its default parameters, following the
/// reference implementation (the `fsrs` package, 6.x) step for step; a test in `make test`
/// runs both on the same review histories. Fuzz is off so schedules are reproducible.
/// Times are seconds since the Unix epoch (UTC); intervals are whole days. The card and rating
/// types live in TutorCore (the progress store keeps them).

import TutorCore

public struct FSRS: Sendable, Hashable {
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public var w: [Double]
    public var desiredRetention: Double
    /// Seconds.
    public var learningSteps: [Double]
    public var relearningSteps: [Double]
    public var maximumInterval: Int

    public init(parameters: [Double] = FSRS.defaultParameters, desiredRetention: Double = 0.9,
                learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600], maximumInterval: Int = 36500) {
        w = parameters; self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps; self.relearningSteps = relearningSteps; self.maximumInterval = maximumInterval
    }

    static let day = 86_400.0
    static let stabilityMin = 0.001
    var decay: Double { -w[20] }
    var factor: Double { RealMath.pow(0.9, 1 / decay) - 1 }

    /// The probability of recall now (0 for a new card).
    public func retrievability(_ card: Card, at t: Double) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        let elapsed = max(0, (t - last) / Self.day).rounded(.down)
        return RealMath.pow(1 + factor * elapsed / s, decay)
    }

    /// The card after a review with `rating` at time `t`.
    public func review(_ card: Card, rating: Rating, at t: Double) -> Card {
        var c = card
        let sinceLast: Double? = c.lastReview.map { ((t - $0) / Self.day).rounded(.down) }
        let r = Double(rating.rawValue)
        var interval: Double  // seconds
        func memory(shortTermDifficulty: Bool = true) {
            // Same day: short-term stability; otherwise the long-term update from retrievability.
            if let d = sinceLast, d < 1 {
                c.stability = shortTermStability(c.stability!, r)
            } else {
                c.stability = nextStability(c.difficulty!, c.stability!, retrievability(card, at: t), rating)
            }
            c.difficulty = nextDifficulty(c.difficulty!, r)
        }
        func toReview() -> Double {
            c.state = .review; c.step = nil
            return Double(nextInterval(c.stability!)) * Self.day
        }
        switch c.state {
        case .learning, .relearning:
            let steps = c.state == .learning ? learningSteps : relearningSteps
            if c.state == .learning && (c.stability == nil || c.difficulty == nil) {
                c.stability = initialStability(rating)
                c.difficulty = clampDifficulty(initialDifficulty(r))
            } else {
                memory()
            }
            let step = c.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = toReview()
            } else {
                switch rating {
                case .again:
                    c.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 { interval = steps[0] * 1.5 }
                    else if step == 0 { interval = (steps[0] + steps[1]) / 2 }
                    else { interval = steps[step] }
                case .good:
                    if step + 1 == steps.count { interval = toReview() }
                    else { c.step = step + 1; interval = steps[step + 1] }
                case .easy:
                    interval = toReview()
                }
            }
        case .review:
            memory()
            if rating == .again && !relearningSteps.isEmpty {
                c.state = .relearning; c.step = 0
                interval = relearningSteps[0]
            } else {
                interval = Double(nextInterval(c.stability!)) * Self.day
            }
        }
        c.due = t + interval
        c.lastReview = t
        return c
    }

    // MARK: the model (names as in the reference implementation)

    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }
    func clampStability(_ s: Double) -> Double { max(s, Self.stabilityMin) }

    func initialStability(_ rating: Rating) -> Double { clampStability(w[rating.rawValue - 1]) }
    func initialDifficulty(_ r: Double) -> Double { w[4] - RealMath.exp(w[5] * (r - 1)) + 1 }

    /// Days until retrievability falls to the desired retention, rounded half to even (as
    /// Python's round), at least 1 and at most the maximum interval.
    public func nextInterval(_ stability: Double) -> Int {
        let raw = (stability / factor) * (RealMath.pow(desiredRetention, 1 / decay) - 1)
        // Clamped before the conversion: a huge stability (a damaged card) must not trap in Int().
        guard raw.isFinite else { return raw < 0 ? 1 : maximumInterval }
        let days = Int(min(max(raw.rounded(.toNearestOrEven), 1), Double(maximumInterval)))
        return days
    }

    func shortTermStability(_ s: Double, _ r: Double) -> Double {
        var increase = RealMath.exp(w[17] * (r - 3 + w[18])) * RealMath.pow(s, -w[19])
        if r >= 2 { increase = max(increase, 1) }
        return clampStability(s * increase)
    }

    func nextDifficulty(_ d: Double, _ r: Double) -> Double {
        let delta = -(w[6] * (r - 3))
        let damped = d + (10 - d) * delta / 9
        let reverted = w[7] * initialDifficulty(4) + (1 - w[7]) * damped
        return clampDifficulty(reverted)
    }

    func nextStability(_ d: Double, _ s: Double, _ retrievability: Double, _ rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w[11] * RealMath.pow(d, -w[12]) * (RealMath.pow(s + 1, w[13]) - 1) * RealMath.exp((1 - retrievability) * w[14])
            let shortTerm = s / RealMath.exp(w[17] * w[18])
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? w[15] : 1
            let easyBonus = rating == .easy ? w[16] : 1
            next = s * (1 + RealMath.exp(w[8]) * (11 - d) * RealMath.pow(s, -w[9]) * (RealMath.exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
        }
        return clampStability(next)
    }
}

/// exp, log and pow for the pure targets (the standard library has none). Accurate to a few
/// units in the last place, which is what the scheduler needs.
public enum RealMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.13 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2; e^r by its series; then scale by 2^k.
        let k = (x / ln2).rounded()
        // Cody-Waite: ln2 in two parts so k·ln2 is subtracted without losing digits.
        let r = (x - k * 6.931_471_803_691_238_164_90e-01) - k * 1.908_214_929_270_587_700_02e-10
        var term = 1.0, sum = 1.0
        for n in 1...30 {
            term *= r / Double(n)
            sum += term
            if abs(term) < 1e-18 * abs(sum) { break }
        }
        return scale(sum, by: Int(k))
    }

    static func scale(_ v: Double, by k: Int) -> Double {
        var v = v, k = k
        while k > 1000 { v *= Double(sign: .plus, exponent: 1000, significand: 1); k -= 1000 }
        while k < -1000 { v *= Double(sign: .plus, exponent: -1000, significand: 1); k += 1000 }
        return v * Double(sign: .plus, exponent: k, significand: 1)
    }

    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m·2^e with m in [1, 2); log m = 2·atanh((m−1)/(m+1)).
        var m = x.significand, e = Double(x.exponent)
        if m > 1.414_213_562_373_095 { m /= 2; e += 1 }  // keep z small: m in [0.707, 1.414]
        let z = (m - 1) / (m + 1), z2 = z * z
        var term = z, sum = 0.0, n = 1.0
        for _ in 0..<60 {
            sum += term / n
            term *= z2; n += 2
            if abs(term) < 1e-18 { break }
        }
        return 2 * sum + e * ln2
    }

    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return 1 }
        if x == 1 { return 1 }
        if x == 0 { return y > 0 ? 0 : .infinity }
        precondition(x > 0, "RealMath.pow is for positive bases")
        return exp(y * log(x))
    }
}
