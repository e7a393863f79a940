/// Every lesson known in both languages, in reading order (topic, then `order`, then id).
public struct LessonCatalog: Sendable, Hashable {
    public private(set) var lessons: [Language: [LessonMeta]]

    public init(_ metas: [LessonMeta]) {
        var byLanguage: [Language: [LessonMeta]] = [:]
        for meta in metas { byLanguage[meta.language, default: []].append(meta) }
        // Sorted by index, so the large metas are not moved and copied at every step.
        for language in Language.allCases {
            let list = byLanguage[language] ?? []
            byLanguage[language] = list.indices.sorted { LessonCatalog.readingOrder(list[$0], list[$1]) }.map { list[$0] }
        }
        lessons = byLanguage
    }

    private static let topics = Topic.allCases

    public static func readingOrder(_ a: LessonMeta, _ b: LessonMeta) -> Bool {
        let ta = topics.firstIndex(of: a.topic)!, tb = topics.firstIndex(of: b.topic)!
        if ta != tb { return ta < tb }
        if a.order != b.order { return a.order < b.order }
        return a.id < b.id
    }

    public func lessons(in language: Language) -> [LessonMeta] { lessons[language] ?? [] }

    /// Records a lesson's block count once its body was parsed (the catalog leaves it 0 for
    /// lessons not started when it was loaded).
    public mutating func setBlockCount(_ count: Int, id: String, language: Language) {
        guard let i = lessons[language]?.firstIndex(where: { $0.id == id }) else { return }
        lessons[language]![i].blockCount = count
    }

    /// The lesson in `language`, falling back to the other language when it exists only there.
    public func meta(id: String, language: Language) -> LessonMeta? {
        lessons(in: language).first { $0.id == id } ?? lessons(in: language.other).first { $0.id == id }
    }

    /// Ids in reading order across both languages (a lesson present in one language only still counts).
    public var ids: [String] {
        // Both lists are in reading order already: merged, not sorted again (1,400 lessons).
        let ko = lessons(in: .ko), en = lessons(in: .en)
        var seen = Set<String>(), result: [String] = []
        result.reserveCapacity(max(ko.count, en.count))
        var i = 0, j = 0
        while i < ko.count || j < en.count {
            // Korean first on a tie, as the stable sort of Korean + English did.
            let takeKo = j == en.count || (i < ko.count && !LessonCatalog.readingOrder(en[j], ko[i]))
            let id = takeKo ? ko[i].id : en[j].id
            if takeKo { i += 1 } else { j += 1 }
            if seen.insert(id).inserted { result.append(id) }
        }
        return result
    }

    /// Ids closest to `query` by edit distance, for "did you mean" messages.
    public func closeMatches(to query: String, limit: Int = 3) -> [String] {
        let q = query.lowercased()
        let scored = ids.map { id -> (String, Int) in
            if id.contains(q) && !q.isEmpty { return (id, 0) }  // a part of the id: a strong hint
            return (id, editDistance(q, id.lowercased()))
        }
        let threshold = max(3, q.count / 2)
        return scored.filter { $0.1 <= threshold }.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .prefix(limit).map(\.0)
    }
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
