/// Units of numeric answers: "4분" answers a question in seconds, "1.5 KB" one in bytes. A
/// typed answer is converted to the question's unit before it is compared.
///
/// Convention (docs/CONTENT.md): KB, MB, GB are decimal (1 KB = 1000 bytes); KiB, MiB, GiB are
/// binary (1 KiB = 1024 bytes). `b` and `B` are both bytes; bits are written out (bit, kbit, Mbps).
public enum Units {
    /// One spelling group: what it measures and its size in that dimension's base unit
    /// (seconds, bytes, bytes per second, or 1 for counted things).
    struct Group {
        var names: [String]
        var dimension: String
        var factor: Double
    }

    static let groups: [Group] = [
        // Time, in seconds.
        Group(names: ["us", "µs", "μs", "microsecond", "microseconds", "마이크로초"], dimension: "time", factor: 1e-6),
        Group(names: ["ms", "msec", "millisecond", "milliseconds", "밀리초"], dimension: "time", factor: 1e-3),
        Group(names: ["s", "sec", "secs", "second", "seconds", "초"], dimension: "time", factor: 1),
        Group(names: ["min", "mins", "minute", "minutes", "분"], dimension: "time", factor: 60),
        Group(names: ["h", "hr", "hrs", "hour", "hours", "시간"], dimension: "time", factor: 3600),
        Group(names: ["day", "days", "일"], dimension: "time", factor: 86_400),
        // Data, in bytes.
        Group(names: ["b", "byte", "bytes", "바이트", "octet", "octets"], dimension: "data", factor: 1),
        Group(names: ["bit", "bits", "비트"], dimension: "data", factor: 0.125),
        Group(names: ["kb", "kbyte", "kbytes", "kilobyte", "kilobytes", "킬로바이트"], dimension: "data", factor: 1e3),
        Group(names: ["kib", "kibibyte", "kibibytes"], dimension: "data", factor: 1024),
        Group(names: ["mb", "mbyte", "megabyte", "megabytes", "메가바이트"], dimension: "data", factor: 1e6),
        Group(names: ["mib", "mebibyte", "mebibytes"], dimension: "data", factor: 1_048_576),
        Group(names: ["gb", "gigabyte", "gigabytes", "기가바이트"], dimension: "data", factor: 1e9),
        Group(names: ["gib"], dimension: "data", factor: 1_073_741_824),
        Group(names: ["kbit", "kbits", "kilobit", "kilobits", "킬로비트"], dimension: "data", factor: 125),
        Group(names: ["mbit", "mbits", "megabit", "megabits", "메가비트"], dimension: "data", factor: 125_000),
        // Rates, in bytes per second (the bit rates networking quotes).
        Group(names: ["bps"], dimension: "rate", factor: 0.125),
        Group(names: ["kbps"], dimension: "rate", factor: 125),
        Group(names: ["mbps"], dimension: "rate", factor: 125_000),
        Group(names: ["gbps"], dimension: "rate", factor: 125_000_000),
        // Counted things: no conversion, only spellings.
        Group(names: ["mss", "smss", "segment", "segments", "세그먼트", "개"], dimension: "segments", factor: 1),
        Group(names: ["packet", "packets", "패킷", "개"], dimension: "packets", factor: 1),
        Group(names: ["%", "percent", "퍼센트", "프로"], dimension: "percent", factor: 1),
        Group(names: ["rtt", "rtts", "round trip", "round trips", "왕복"], dimension: "rtt", factor: 1),
        Group(names: ["hop", "hops", "홉"], dimension: "hops", factor: 1),
        Group(names: ["request", "requests", "요청", "번", "회"], dimension: "requests", factor: 1),
        Group(names: ["host", "hosts", "호스트", "대"], dimension: "hosts", factor: 1),
        Group(names: ["address", "addresses", "주소"], dimension: "addresses", factor: 1),
    ]

    /// What a spelling can mean (a few, like 개, mean more than one thing), as (dimension, factor).
    static func meanings(_ unit: String) -> [(dimension: String, factor: Double)] {
        // A rate written "<data>/s" (KB/s, 바이트/초): data over time (before folding drops the slash).
        if let slash = unit.lastIndex(of: "/") {
            let top = meanings(String(unit[..<slash])), bottom = meanings(String(unit[unit.index(after: slash)...]))
            return top.filter { $0.dimension == "data" }.flatMap { t in
                bottom.filter { $0.dimension == "time" }.map { b in (dimension: "rate", factor: t.factor / b.factor) }
            }
        }
        let key = Grader.fold(unit)
        if key.isEmpty { return [] }
        return groups.filter { $0.names.contains { Grader.fold($0) == key } }.map { ($0.dimension, $0.factor) }
    }

    /// `value` in `from` expressed in `to` (1.5 KB in byte = 1500), nil when they measure
    /// different things. Unknown spellings convert only to themselves.
    public static func convert(_ value: Double, from: String, to: String) -> Double? {
        if Grader.fold(from) == Grader.fold(to) { return value }
        for a in meanings(from) {
            for b in meanings(to) where a.dimension == b.dimension { return value * a.factor / b.factor }
        }
        return nil
    }

    /// "4분 30초", "1 min 30 s", "1,001 bytes", "-2.5ms", "40 %": the number, or the sum of
    /// number-and-unit pairs of one dimension, in the unit of the first pair ("" when none).
    public static func parse(_ text: String) -> (value: Double, unit: String)? {
        var rest = Substring(text.trimmingSpaces())
        var pairs: [(Double, String)] = []
        while !rest.isEmpty {
            var numberPart = "", seenDigit = false
            while let c = rest.first, c.isNumber || c == "." || c == "," || ((c == "-" || c == "+") && numberPart.isEmpty) {
                if c.isNumber { seenDigit = true }
                if c != "," { numberPart.append(c) }
                rest = rest.dropFirst()
            }
            guard seenDigit, let v = Double(numberPart) else { return nil }
            // The unit runs to the next digit (a second pair) or the end.
            let unitEnd = rest.firstIndex { $0.isNumber } ?? rest.endIndex
            let unit = String(rest[..<unitEnd]).trimmingSpaces()
            rest = rest[unitEnd...]
            pairs.append((v, unit))
            if !rest.isEmpty && unit.isEmpty { return nil }  // "1 2": not one quantity
        }
        guard let first = pairs.first else { return nil }
        var total = 0.0
        for (v, unit) in pairs {
            guard let inFirst = pairs.count == 1 ? v : convert(v, from: unit, to: first.1) else { return nil }
            total += inFirst
        }
        return (total, first.1)
    }
}
