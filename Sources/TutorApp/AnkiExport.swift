import TutorCore
import TutorQuiz

/// `nettutor export anki`: a tab-separated file with the header lines Anki reads. The file
/// declares HTML, so every field is HTML: inline Markdown rendered, the rest escaped.
public enum AnkiExport {
    public struct File: Sendable, Equatable {
        public var text: String
        /// Notes actually written (generated questions have no fixed answer and are left out).
        public var notes: Int
    }

    public static let header = "#separator:tab\n#html:true\n#notetype:Basic\n#deck:nettutor\n#tags column:3\n#columns:Front\tBack\tTags\n"

    public static func file(_ banks: [QuizBank], language: Language) -> File {
        var out = header, notes = 0
        for bank in banks {
            for q in bank.questions {
                guard let (front, back) = fields(q, language) else { continue }
                out += "\(front)\t\(back + "<br><br>" + html(q.explain[language]))\tnettutor \(bank.lesson) \(q.kind.rawValue)\n"
                notes += 1
            }
        }
        return File(text: out, notes: notes)
    }

    public static func tsv(_ banks: [QuizBank], language: Language) -> String { file(banks, language: language).text }

    /// Front and back of a question; nil for one made fresh from a seed each time.
    static func fields(_ q: Question, _ language: Language) -> (String, String)? {
        let front = html(q.prompt[language])
        switch q.answer {
        case .choices(let cs):
            let numbered = cs.enumerated().map { "\($0.offset + 1)) \(html($0.element.text[language]))" }
            let right = cs.enumerated().filter(\.element.correct).map { numbered[$0.offset] }
            return (front + "<br>" + numbered.joined(separator: "<br>"), right.joined(separator: "<br>"))
        case .trueFalse(let b): return (front, (b ? UIText.trueWord : UIText.falseWord)[language])
        case .short(let accept): return (front, html(accept[language].first ?? ""))
        case .cloze(let text):
            let parts = Cloze.parts(text[language])
            let blanked = parts.text.enumerated().map { i, s in html(s) + (i < parts.blanks.count ? "[…]" : "") }.joined()
            return (front + "<br>" + blanked, parts.blanks.map { html($0.first ?? "") }.joined(separator: ", "))
        case .order(let items): return (front, items[language].map(html).joined(separator: " → "))
        case .numeric(let v, _, let unit): return (front, (v == v.rounded() ? "\(Int(v))" : "\(v)") + (unit.map { " \(html($0))" } ?? ""))
        case .open(let rubric, let model):
            return (front, html(model[language]) + "<br>" + rubric.map { "• " + html($0[language]) }.joined(separator: "<br>"))
        case .generated: return nil
        }
    }

    /// A field's text as HTML: `code`, **strong**, *emphasis* / _emphasis_ and [links](url)
    /// become tags, everything else is escaped; a tab (the separator) becomes a space.
    public static func html(_ s: String) -> String { InlineHTML.render(s) }
}

/// Inline Markdown to HTML for one field: a small scanner, since the quiz text is plain
/// strings (cmark lives in TutorContent) and only the inline marks occur in it.
enum InlineHTML {
    static func render(_ s: String) -> String {
        let chars = Array(s)
        var out = "", i = 0
        func find(_ mark: [Character], from start: Int) -> Int? {
            var j = start
            while j + mark.count <= chars.count {
                if Array(chars[j..<(j + mark.count)]) == mark { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = find(["`"], from: i + 1), end > i + 1 {
                out += "<code>" + escape(String(chars[(i + 1)..<end])) + "</code>"; i = end + 1; continue
            }
            if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] == c, let end = find([c, c], from: i + 2), end > i + 2 {
                out += "<strong>" + render(String(chars[(i + 2)..<end])) + "</strong>"; i = end + 2; continue
            }
            // A lone * or _ opens emphasis only before a non-space and when closed in the field
            // (so "2 * 3" and snake_case stay as they are).
            if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] != " ", chars[i + 1] != c,
               c == "*" || i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
               let end = find([c], from: i + 1), end > i + 1, chars[end - 1] != " ",
               c == "*" || end + 1 >= chars.count || !(chars[end + 1].isLetter || chars[end + 1].isNumber) {
                out += "<em>" + render(String(chars[(i + 1)..<end])) + "</em>"; i = end + 1; continue
            }
            if c == "[", let close = find(["]", "("], from: i + 1), let paren = find([")"], from: close + 2) {
                let url = String(chars[(close + 2)..<paren])
                if !url.contains(" "), url.hasPrefix("http://") || url.hasPrefix("https://") {
                    out += "<a href=\"\(escape(url))\">" + render(String(chars[(i + 1)..<close])) + "</a>"; i = paren + 1; continue
                }
            }
            out += escape(String(c)); i += 1
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "\t": o += " "
            case "\n": o += "<br>"
            default: o.append(c)
            }
        }
        return o
    }
}
