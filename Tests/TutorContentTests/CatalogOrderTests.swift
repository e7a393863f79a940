import Testing
import TutorCore

/// `LessonCatalog.ids` merges the two languages' lists (each already in reading order) instead
/// of sorting them again: the same ids in the same order as sorting Korean + English, stably.
struct CatalogOrderTests {
    @Test("ids: the reading order across both languages, each id once, as a stable sort of both lists gives")
    func mergedOrder() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        for _ in 0..<50 {
            var metas: [LessonMeta] = []
            for _ in 0..<next(40) {
                let id = "l\(next(15))"
                metas.append(LessonMeta(id: id, language: next(2) == 0 ? .ko : .en, title: id, topic: Topic.allCases[next(Topic.allCases.count)],
                                        order: next(4), summary: ""))
            }
            let catalog = LessonCatalog(metas)
            var seen = Set<String>(), expected: [String] = []
            let all = (catalog.lessons(in: .ko) + catalog.lessons(in: .en)).sorted(by: LessonCatalog.readingOrder)
            for m in all where seen.insert(m.id).inserted { expected.append(m.id) }
            #expect(catalog.ids == expected)
        }
    }
}
