import Testing
import Yams
@testable import TutorContent

/// YAML 1.1 §"Language-Independent Types" resolution of plain scalars, as Yams' regular
/// expressions decide it: `YAMLScalar` must give the same type to every string, or a front
/// matter `order: 0x1F` or `draft: off` would change meaning when the regexes were dropped.
struct YAMLScalarTests {
    private func yams(_ s: String) -> YAMLScalar.Kind {
        switch Tag.Name(rawValue: Node(s).tag.description) {
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .null: .null
        default: .string   // merge, timestamp, value and str are all text to the loader
        }
    }

    @Test("the hand-written resolver agrees with Yams.Resolver.default on chosen strings")
    func chosen() {
        let cases = ["", "~", "null", "Null", "NULL", "nul", "yes", "No", "ON", "oFF", "true", "y", "0", "00", "-0", "+7", "017", "0o17",
                     "0o", "0b101", "0b", "0b2", "0x1F", "0x", "0xg", "1_000", "_1", "190:20:30", "1:60", "1:5", "1:", "1.5", "1.",
                     ".5", ".5e+3", ".5e3", "1e5", "1e", "-1.5E-3", "1:20.5", ".inf", "-.Inf", "+.INF", ".nan", "-.nan", "NaN",
                     "12abc", "v1", "2026-12-07", "<<", "=", "1_2.3_4", "0.", "-", "+", ".", "e5", "1__"]
        for s in cases { #expect(YAMLScalar.kind(of: s) == yams(s), "\(s)") }
    }

    @Test("agrees with Yams on 20,000 seeded strings over the characters that matter")
    func generated() {
        let alphabet = Array("0123456789_-+.:eEoxbBafinINFnaNlu~ ")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let s = String((0..<(next() % 7)).map { _ in alphabet[next() % alphabet.count] })
            if YAMLScalar.kind(of: s) != yams(s) { disagreements.append(s) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test("the decimal fast path reads an int exactly as Yams' Int.construct does, and leaves every other form to it")
    func decimalFastPath() {
        let cases = ["0", "-0", "7", "-12", "42", "017", "00", "+7", "0x1F", "0o17", "1_000", "190:20:30", "9223372036854775807",
                     "99999999999999999999", "--5", "-", "", "1e3", "12a"]
        for s in cases {
            let yams = Int.construct(from: Node.Scalar(s))
            if let fast = YAMLGuard.decimal(s) { #expect(fast == yams, "\(s)") }
        }
        // The forms Yams reads differently from Int(_:) never take the fast path.
        for s in ["017", "00", "+7", "0x1F", "1_000", "190:20:30", "-0"] { #expect(YAMLGuard.decimal(s) == nil, "\(s)") }
        #expect(YAMLGuard.decimal("42") == 42 && YAMLGuard.decimal("-12") == -12)
    }
}
