import Foundation
import TutorCore

/// One Korean word per idea (`docs/STYLE-ko.md`): `nettutor check` warns where Korean prose
/// uses a word the style table replaces. The table here and the one in the document are the
/// same list (a test compares them).
public enum KoreanStyle {
    /// The word to avoid and the word to use instead.
    public static let variants: [(avoid: String, use: String)] = [
        ("유실", "손실"),
        ("악수", "핸드셰이크"),
        ("handshake", "핸드셰이크"),
        ("응용 계층", "애플리케이션 계층"),
        ("멀티플렉싱", "다중화"),
        ("재송신", "재전송"),
        ("커넥션", "연결"),
        ("연결 설정", "연결 수립"),
        ("송신측", "송신자"),
        ("송신 측", "송신자"),
        ("수신 측", "수신자"),
        ("수신측", "수신자"),
        ("확인응답", "확인 응답"),
        ("딜레이", "지연"),
        ("레이턴시", "지연"),
        ("쓰루풋", "처리량"),
        ("리스", "임대"),
        ("해석기", "리졸버"),
        ("확인자", "리졸버"),
        ("역방향 프록시", "리버스 프록시"),
        ("로드밸런서", "로드 밸런서"),
        ("선두 차단", "HOL 블로킹"),
        ("캐쉬", "캐시"),
        ("녹화", "캡처"),
    ]

    /// What may follow a word that is still the same word: particles and the verb endings of
    /// 하다/되다 nouns. Anything else Hangul makes another word (리스트 is not 리스).
    static let endings: Set<UInt32> = Set("은는이가을를의에와과도로으만까부처보란라야며인일임된되돼됩률하한합해했될".unicodeScalars.map(\.value))

    /// The table as scalars, indexed by first scalar: `check` scans every line of every Korean
    /// file, so a line costs one pass, not one substring search per word.
    static let byFirst: [UInt32: [(word: [UInt32], index: Int)]] = Dictionary(grouping: variants.indices.map { i in
        (word: variants[i].avoid.unicodeScalars.map(\.value), index: i)
    }, by: { $0.word[0] })

    /// The listed words as bytes, by their first two bytes (every word has at least two: a
    /// Hangul syllable is three). A Hangul text starts a syllable every three bytes, so a test
    /// on the first byte alone would try every word at almost every position.
    static let byPair: [UInt16: [[UInt8]]] = Dictionary(grouping: variants.map { Array($0.avoid.utf8) }, by: { UInt16($0[0]) << 8 | UInt16($0[1]) })
    static let pairs: [Bool] = {
        var table = [Bool](repeating: false, count: 1 << 16)
        for key in byPair.keys { table[Int(key)] = true }
        return table
    }()

    /// Whether a text holds any listed word at all (one pass over its bytes): most files and
    /// most lines hold none, and then nothing more needs looking at.
    public static func mayContain(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayContain(bytes:)) ?? Array(text.utf8).withUnsafeBufferPointer(mayContain(bytes:))
    }

    static func mayContain(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 1 else { return false }
        return pairs.withUnsafeBufferPointer { pairs in
            for i in 0..<(b.count - 1) {
                let key = UInt16(b[i]) << 8 | UInt16(b[i + 1])
                guard pairs[Int(key)] else { continue }
                for w in byPair[key]! where i + w.count <= b.count {
                    var j = 2
                    while j < w.count && b[i + j] == w[j] { j += 1 }
                    if j == w.count { return true }
                }
            }
            return false
        }
    }

    /// Every avoided word in `text` (one line of prose), with what to use instead.
    public static func findings(in text: String) -> [(avoid: String, use: String)] {
        let line = withoutCodeSpans(text)
        var found = Set<Int>()
        for start in line.indices {
            guard let candidates = byFirst[line[start]] else { continue }
            for c in candidates where !found.contains(c.index) && matches(c.word, in: line, at: start) { found.insert(c.index) }
        }
        return found.sorted().map { variants[$0] }
    }

    static func matches(_ word: [UInt32], in line: [UInt32], at start: Int) -> Bool {
        let end = start + word.count
        guard end <= line.count, Array(line[start..<end]) == word else { return false }
        // An English word in Korean prose ends at anything but a letter of an id or a name
        // (tcp-handshake, tls.handshake.type are not prose); a Korean word at non-Hangul
        // or a particle.
        let latin = word.allSatisfy { $0 < 0x80 }
        let before = start > 0 ? line[start - 1] : nil, after = end < line.count ? line[end] : nil
        let startsWord = before.map { latin ? !isIdentifier($0) : !isHangul($0) } ?? true
        let endsWord = after.map { latin ? !isIdentifier($0) : !isHangul($0) || endings.contains($0) } ?? true
        return startsWord && endsWord
    }

    static func isIdentifier(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || [0x5F, 0x2D, 0x2E, 0x2F].contains(v)
    }

    static func isHangul(_ v: UInt32) -> Bool { (0xAC00...0xD7A3).contains(v) }

    /// `code` is not prose: a protocol token or a command may spell anything (a span becomes
    /// spaces, so words on either side stay apart).
    static func withoutCodeSpans(_ line: String) -> [UInt32] {
        var out: [UInt32] = [], inCode = false
        for s in line.unicodeScalars {
            if s == "`" { inCode.toggle(); out.append(0x20); continue }
            out.append(inCode ? 0x20 : s.value)
        }
        return out
    }

    /// The Korean prose lines of a Korean lesson: its title and summary, then the body outside
    /// fenced code blocks (1-based line numbers). Bytes only: `check` runs this over every file.
    public static func lessonProse(_ text: String) -> [(line: Int, text: Substring)] {
        var out: [(Int, Substring)] = [], inFront = false, inFence = false
        for (i, line) in lines(text).enumerated() {
            let trimmed = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
            let dashes = trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.elementsEqual("---".utf8)
            if i == 0 && dashes { inFront = true; continue }
            if inFront {
                if dashes { inFront = false } else if line.utf8.starts(with: "title:".utf8) || line.utf8.starts(with: "summary:".utf8) { out.append((i + 1, line)) }
                continue
            }
            if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) { inFence.toggle(); continue }
            if !inFence { out.append((i + 1, line)) }
        }
        return out
    }

    /// A file's lines, cut at the newline byte: no grapheme breaking over the whole file.
    static func lines(_ text: String) -> [Substring] {
        var out: [Substring] = [], start = text.startIndex
        while let nl = text.utf8[start...].firstIndex(of: 0x0A) {
            out.append(text[start..<nl])
            start = text.utf8.index(after: nl)
        }
        out.append(text[start...])
        return out
    }

    /// The Korean texts of a quiz or glossary file: what follows each `ko:` on a line, up to an
    /// `en:` on the same line.
    public static func yamlKorean(_ text: String) -> [(line: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
        for (i, raw) in lines(text).enumerated() {
            var line = raw
            while let ko = find("ko:", in: line) {
                let rest = line[ko...].utf8.dropFirst(3)
                let end = find("en:", in: Substring(rest)) ?? rest.endIndex
                out.append((i + 1, Substring(rest[..<end])))
                line = line[end...]
            }
        }
        return out
    }

    /// Where an ASCII marker starts in `line`, by bytes.
    static func find(_ marker: StaticString, in line: Substring) -> String.Index? {
        let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        let u = line.utf8
        var i = u.startIndex
        while let at = u[i...].firstIndex(of: m[0]) {
            if u[at...].starts(with: m) { return at }
            i = u.index(after: at)
        }
        return nil
    }

    /// Warnings for one file's Korean lines.
    public static func diagnostics(_ lines: [(line: Int, text: Substring)], file: String) -> [Diagnostic] {
        // Most lines hold none of the words: the byte scan is far cheaper than the word match.
        lines.filter { mayContain($0.text) }.flatMap { l in
            findings(in: String(l.text)).map { Diagnostic(file: file, line: l.line, "Korean style: '\($0.avoid)' -> '\($0.use)' (docs/STYLE-ko.md)", severity: .warning) }
        }
    }
}
