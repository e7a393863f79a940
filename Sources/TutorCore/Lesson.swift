/// The part of the curriculum a lesson belongs to; the home screen groups by it in this order.
public enum Topic: String, CaseIterable, Sendable, Codable, Hashable {
    case foundations, transport, web, infrastructure, programming

    public var title: Localized {
        switch self {
        case .foundations: Localized(ko: "기초", en: "Foundations")
        case .transport: Localized(ko: "전송 계층", en: "Transport")
        case .web: Localized(ko: "웹", en: "Web")
        case .infrastructure: Localized(ko: "인프라", en: "Infrastructure")
        case .programming: Localized(ko: "프로그래밍", en: "Programming")
        }
    }
}

/// What the catalog knows of a lesson without its body: enough for lists and navigation.
public struct LessonMeta: Sendable, Hashable {
    public var id: String
    public var language: Language
    public var title: String
    public var topic: Topic
    public var order: Int
    public var summary: String
    public var scenes: [String]
    public var sources: [String]
    /// How many top-level blocks the body has (reading positions are block indices, so home
    /// can say how far a started lesson was read).
    public var blockCount: Int

    public init(id: String, language: Language, title: String, topic: Topic, order: Int,
                summary: String, scenes: [String] = [], sources: [String] = [], blockCount: Int = 0) {
        self.id = id; self.language = language; self.title = title; self.topic = topic
        self.order = order; self.summary = summary; self.scenes = scenes; self.sources = sources; self.blockCount = blockCount
    }
}

/// A whole lesson: its front matter and its body as typed blocks.
public struct Lesson: Sendable, Hashable {
    public var meta: LessonMeta
    public var blocks: [Block]
    public init(meta: LessonMeta, blocks: [Block]) { self.meta = meta; self.blocks = blocks }
}

/// Inline text runs inside a block.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case strikethrough([Inline])
    case link(text: [Inline], destination: String)
    case lineBreak

    /// The inline content as plain text (used for filtering and plain export).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): s
        case .strong(let c), .emphasis(let c), .strikethrough(let c): c.map(\.plainText).joined()
        case .link(let t, _): t.map(\.plainText).joined()
        case .lineBreak: "\n"
        }
    }
}

public enum TableAlignment: Sendable, Hashable { case none, left, center, right }

/// A block of lesson body. Tables keep cells as inlines so bold and code survive.
public indirect enum Block: Sendable, Hashable {
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    case list(ordered: Bool, start: Int, items: [[Block]])
    case quote([Block])
    case code(language: String, text: String)
    case table(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]])
    case scene(id: String)
    case rule
}
