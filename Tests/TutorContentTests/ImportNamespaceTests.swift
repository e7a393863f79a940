import Foundation
import Testing
import TutorCore
@testable import TutorContent

/// Imported notes beside the built-in library: their own namespace, readable ids, added (not
/// swapped in) by `--content`, and each question pointing at the built-in lesson that corrects it.
@Suite("Notes import beside the built-in library")
struct ImportNamespaceTests {
    static var builtIn: ContentLibrary { ContentLibrary(root: repoRoot, knownScenes: scenes, knownGenerators: generators) }

    static func importSeed() throws -> (URL, NotesImporter.Written) {
        let notes = NotesImporter.parse(try String(contentsOf: seedURL, encoding: .utf8))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nt-import-\(UUID().uuidString)")
        let lib = builtIn
        let related = RelatedContent.lessons(catalog: lib.loadCatalog().0, banks: lib.loadQuizzes().0)
        return (dir, try NotesImporter.write(notes, language: .ko, to: dir, force: false, builtIn: related))
    }

    /// The seed's `cors` and `rest-api` sections took the built-in lessons' ids, so progress mixed.
    @Test("Imported lessons live in notes/ and never take a built-in lesson's id")
    func namespaceKeepsIdsApart() throws {
        let (_, written) = try Self.importSeed()
        let builtInIDs = Set(Self.builtIn.loadCatalog().0.ids)
        #expect(written.lessons.allSatisfy { $0.hasPrefix("notes/") })
        #expect(written.lessons.contains("notes/cors") && written.lessons.contains("notes/rest-api"))
        #expect(builtInIDs.isDisjoint(with: written.lessons) && builtInIDs.contains("cors"))
    }

    /// "로드밸런서" and "웹 통신의 큰 흐름" became `section-12` and `section-10`.
    @Test("Hangul titles get readable romanized ids (Revised Romanization, ㄹㄹ as ll)")
    func romanizedIds() {
        #expect(Romanize.hangul("로드밸런서") == "rodeubaelleonseo")
        #expect(Romanize.hangul("웹 통신의 큰 흐름") == "wep tongsinui keun heureum")
        var taken = Set<String>()
        #expect(NotesImporter.slug("흐름 제어", index: 0, taken: &taken) == "heureum-jeeo")
    }

    /// `--content DIR` replaced the built-in library instead of adding to it.
    @Test("--content adds its lessons to the built-in ones; with only it replaces them; check sees both")
    func contentAdds() throws {
        let (dir, written) = try Self.importSeed()
        let env = ["NETTUTOR_CONTENT": repoRoot.path]
        let added = try ContentLibrary.find(explicit: dir.path, environment: env, executable: "/nonexistent/bin/nettutor", workingDirectory: "/",
                                            knownScenes: scenes, knownGenerators: generators)
        let ids = Set(added.loadCatalog().0.ids)
        #expect(ids.contains("cors") && ids.contains("notes/cors") && ids.isSuperset(of: written.lessons))
        #expect(try added.findLesson(id: "notes/cors", language: .en).meta.id == "notes/cors")
        #expect(added.loadQuizzes().0.contains { $0.lesson == "notes/tcp-udp" } && added.loadQuizzes().0.contains { $0.lesson == "tcp-vs-udp" })
        #expect(added.check().filter { $0.severity == .error }.isEmpty, "\(added.check())")
        let only = try ContentLibrary.find(explicit: dir.path, only: true, environment: env, executable: "/nonexistent/bin/nettutor", workingDirectory: "/",
                                           knownScenes: scenes, knownGenerators: generators)
        #expect(Set(only.loadCatalog().0.ids) == Set(written.lessons))
        #expect(throws: ContentLibrary.LookupError.self) { try added.findLesson(id: "notes/../cors", language: .en) }
    }

    /// The notes' own (possibly wrong) answers became rubric points with nothing pointing at the
    /// built-in lesson that corrects them.
    @Test("An imported question names the built-in lesson and question on its topic, in the rubric and the explanation")
    func questionsLinkToBuiltIn() throws {
        let (dir, _) = try Self.importSeed()
        let banks = ContentLibrary(root: dir, knownScenes: scenes, knownGenerators: generators).loadQuizzes().0
        let q = try #require(banks.first { $0.lesson == "notes/tcp-udp" }?.questions.first)
        #expect(q.explain.en.contains("nettutor read tcp-vs-udp, question tcp-vs-udp/netflix"), "\(q.explain.en)")
        guard case .open(let rubric, _) = q.answer else { Issue.record("not open"); return }
        #expect(rubric.last?.en.contains("built-in lesson") == true && rubric.last?.en.contains("tcp-vs-udp") == true)
        let lesson = try ContentLibrary(root: dir, knownScenes: scenes, knownGenerators: generators).loadLesson(id: "notes/cors", language: .ko).get()
        #expect("\(lesson.blocks.prefix(2))".contains("nettutor read cors"))
        // Spacing aside ("로드밸런서", "로드 밸런서"), and no link on one shared word of two ("흐름").
        let lib = Self.builtIn
        let related = RelatedContent.lessons(catalog: lib.loadCatalog().0, banks: lib.loadQuizzes().0)
        #expect(RelatedContent.match(title: "로드밸런서", question: nil, in: related)?.lesson == "load-balancer")
        #expect(RelatedContent.match(title: "웹 통신의 큰 흐름", question: nil, in: related) == nil)
    }
}
