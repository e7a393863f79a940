import TutorCore
import TutorRender

/// Lessons as command-line text: `nettutor lessons` (a list or JSON entries) and
/// `nettutor read` (a lesson laid out like the reader, by display columns).
public enum LessonText {
    /// One lesson in `nettutor lessons --json`.
    public struct Entry: Encodable, Sendable {
        public var id, title, topic, summary: String
        public var order: Int
        public var scenes, sources, languages: [String]
    }

    /// `catalog.meta(id:language:)` for every id, by dictionary: the linear lookups made
    /// `lessons --json` quadratic (a second of 1,386 lessons).
    static func metas(_ catalog: LessonCatalog, _ language: Language, byID: [Language: [String: LessonMeta]]? = nil) -> [LessonMeta] {
        let byID = byID ?? Self.byID(catalog)
        return catalog.ids.compactMap { byID[language]?[$0] ?? byID[language.other]?[$0] }
    }

    static func byID(_ catalog: LessonCatalog) -> [Language: [String: LessonMeta]] {
        var out: [Language: [String: LessonMeta]] = [:]
        for l in Language.allCases {
            out[l] = Dictionary(catalog.lessons(in: l).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return out
    }

    public static func entries(_ catalog: LessonCatalog, language: Language) -> [Entry] {
        let byID = byID(catalog)
        return metas(catalog, language, byID: byID).map { m in
            Entry(id: m.id, title: m.title, topic: m.topic.rawValue, summary: m.summary, order: m.order, scenes: m.scenes, sources: m.sources,
                  languages: Language.allCases.filter { byID[$0]?[m.id] != nil }.map { $0.rawValue })
        }
    }

    /// `lessons --json`: the entries as `JSONEncoder` would write them (see `PrettyJSON`).
    public static func json(_ entries: [Entry]) -> String {
        PrettyJSON.array(keys: ["id", "title", "topic", "summary", "order", "scenes", "sources", "languages"], rows: entries.map { e -> [PrettyJSON.Value] in
            [.text(e.id), .text(e.title), .text(e.topic), .text(e.summary), .int(e.order), .texts(e.scenes), .texts(e.sources), .texts(e.languages)]
        })
    }

    /// Lessons by topic: the topic's name, then one line per lesson (id and title).
    public static func list(_ catalog: LessonCatalog, language: Language) -> String {
        let metas = metas(catalog, language)
        let idWidth = metas.map(\.id.count).max() ?? 0
        var out = "", topic: Topic?
        for m in metas {
            if m.topic != topic { out += "\(topic == nil ? "" : "\n")\(m.topic.title[language])\n"; topic = m.topic }
            out += "  \(m.id + String(repeating: " ", count: max(0, idWidth - m.id.count)))  \(m.title)\n"
        }
        return out
    }

    /// The title, a rule under it, the summary, then the body as the reader lays it out.
    public static func printed(_ lesson: Lesson, width: Int, glyphs: Glyphs) -> [Line] {
        var all: [Line] = []
        printed(lesson, width: width, glyphs: glyphs) { all += $0 }
        return all
    }

    /// The same lines in pieces (the heading, then block by block), so `read` can show the
    /// first screen while the rest is laid out.
    public static func printed(_ lesson: Lesson, width: Int, glyphs: Glyphs, _ emit: ([Line]) -> Void) {
        var lines: [Line] = Wrap.wrap(lesson.meta.title, width: width, style: Style(.heading, bold: true))
        lines.append([Span(String(repeating: glyphs.heavyHorizontal, count: min(width, lines.map(\.width).max() ?? 0)), Style(.heading))])
        lines += Wrap.wrap(lesson.meta.summary, width: width, style: Style(.dim))
        lines.append([])
        emit(lines)
        LessonLayout.forEachBlock(lesson, width: width, glyphs: glyphs, language: lesson.meta.language) { _, block in emit(block) }
    }
}
