import TutorCore
import TutorRender

/// The glossary as command-line text: `nettutor glossary [TERM] [--json]`.
public enum GlossaryText {
    /// One term in `--json`: the term and both definitions.
    public struct Entry: Encodable, Sendable, Equatable {
        public var term, ko, en: String
    }

    /// The entries a TERM asks for, best first: the terms it starts (or a word of them); when
    /// none, those with a definition word it starts (so Hangul finds terms); all without TERM.
    public static func lookup(_ entries: [GlossaryEntry], term: String?) -> [GlossaryEntry] {
        let found = GlossarySearch.matches(entries, term ?? "")
        guard let term else { return found }
        let named = found.filter { GlossarySearch.namesTerm($0, term) }
        return named.isEmpty ? found : named
    }

    public static func json(_ entries: [GlossaryEntry]) -> [Entry] {
        entries.map { Entry(term: $0.term, ko: $0.definition.ko, en: $0.definition.en) }
    }

    /// Each term, then its definition in `language` and in the other one, wrapped by display
    /// columns and indented; a blank line between terms.
    public static func text(_ entries: [GlossaryEntry], language: Language, width: Int = 80) -> String {
        entries.map { e in
            var out = e.term + "\n"
            for lang in [language, language.other] {
                for line in Wrap.wrap(e.definition[lang], width: max(20, width - 2)) { out += "  " + line.plainText + "\n" }
            }
            return out
        }.joined(separator: "\n")
    }

    /// Why nothing was printed.
    public static func noMatch(_ term: String) -> String { UIText.glossaryNoMatch(term) }
}
