import TutorCore

/// Finding glossary terms: by what the user types (the glossary screen, `nettutor glossary`)
/// and in a lesson's text (the reader's "terms in this lesson"). Pure and shared, so the screen
/// and the command agree.
public enum GlossarySearch {
    /// Entries matching `query`, best first: the term starts with it, then a word of the term
    /// does, then a word of either definition (so Hangul finds a term by its Korean
    /// definition). Case-insensitive; an empty query matches everything in glossary order.
    public static func matches(_ entries: [GlossaryEntry], _ query: String) -> [GlossaryEntry] {
        let q = fold(query.trimmingSpaces)
        guard !q.isEmpty else { return entries }
        var ranked: [(Int, Int, GlossaryEntry)] = []
        for (i, e) in entries.enumerated() {
            let term = fold(e.term)
            let rank: Int
            if term.starts(with: q) { rank = 0 }
            else if wordStart(q, in: term) { rank = 1 }
            else if wordStart(q, in: fold(e.definition.ko)) || wordStart(q, in: fold(e.definition.en)) { rank = 2 }
            else { continue }
            ranked.append((rank, i, e))
        }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Whether `query` starts the term or one of its words.
    public static func namesTerm(_ entry: GlossaryEntry, _ query: String) -> Bool {
        let q = fold(query.trimmingSpaces)
        return !q.isEmpty && wordStart(q, in: fold(entry.term))
    }

    /// The entries whose term occurs in `text` as a whole word: "ACK" in "ACK를" but not in
    /// "stack". A term with a parenthesised short form ("Certificate authority (CA)") is found
    /// by either; an all-capitals term ("REST") only in capitals, so "the rest" is not it.
    public static func terms(in text: String, _ entries: [GlossaryEntry]) -> [GlossaryEntry] {
        let plain = Array(text), folded = fold(text)
        return entries.filter { e in
            names(e.term).contains { name in
                let capitals = name.allSatisfy { !$0.isLetter || $0.isUppercase }
                return wholeWord(capitals ? Array(name) : fold(name), in: capitals ? plain : folded)
            }
        }
    }

    /// "Certificate authority (CA)" → ["Certificate authority", "CA"].
    static func names(_ term: String) -> [String] {
        guard let open = term.firstIndex(of: "("), let close = term.lastIndex(of: ")"), open < close else { return [term] }
        let long = String(term[..<open]).trimmingSpaces, short = String(term[term.index(after: open)..<close]).trimmingSpaces
        return [long, short].filter { !$0.isEmpty }
    }

    /// Characters lower-cased one by one (so positions stay those of the text).
    static func fold(_ s: String) -> [Character] { s.flatMap { $0.lowercased() } }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    static func isASCIIWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// `needle` occurs in `haystack` at the start of a word.
    static func wordStart(_ needle: [Character], in haystack: [Character]) -> Bool {
        occurrences(needle, in: haystack).contains { $0 == 0 || !isWordCharacter(haystack[$0 - 1]) }
    }

    /// `needle` occurs with no ASCII letter or digit right before or after it (a Korean
    /// particle may follow an English term).
    static func wholeWord(_ needle: [Character], in haystack: [Character]) -> Bool {
        occurrences(needle, in: haystack).contains { i in
            (i == 0 || !isASCIIWord(haystack[i - 1])) && (i + needle.count == haystack.count || !isASCIIWord(haystack[i + needle.count]))
        }
    }

    static func occurrences(_ needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { i in
            haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
