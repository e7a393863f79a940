import Foundation
import Testing
import TutorCore
@testable import TutorContent

/// `nettutor import --out DIR` writes into a folder that may hold anything: it must pass
/// `check`, never write through a symbolic link, and write all of its files or none.
@Suite("Notes import: safety")
struct ImportSafetyTests {
    static let notes = NotesImporter.parse("# Notes\n\n## First\n\nBody text here.\n\n## Second\n\nMore text here.\n\n- Why?\n\n    Because.\n")

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nt-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func allFiles(_ dir: URL) -> [String] {
        (FileManager.default.subpaths(atPath: dir.path) ?? []).filter { !$0.hasSuffix("/") }.sorted()
    }

    @Test("A scene block naming an unknown scene becomes a plain code block; the import passes check and says so")
    func unknownScene() throws {
        let notes = NotesImporter.parse("# N\n\n## Scenes\n\nText here.\n\n```scene bogus\n```\n\n- item\n  ```scene also-bogus\n  ```\n\n```scene tcp-3way\n```\n")
        let dir = try tempDir()
        let written = try NotesImporter.write(notes, language: .en, to: dir, force: false, knownScenes: scenes)
        #expect(written.plainScenes == ["bogus", "also-bogus"])
        let library = ContentLibrary(root: dir, knownScenes: scenes)
        #expect(library.check().isEmpty, "\(library.check())")
        let lesson = try library.loadLesson(id: "notes/scenes", language: .en).get()
        #expect(lesson.blocks.contains(.scene(id: "tcp-3way")) && !lesson.blocks.contains(.scene(id: "bogus")))
        #expect(NotesImporter.summary(notes, written, folder: "out").contains("became plain code blocks: bogus, also-bogus"))
    }

    @Test("A section nested too deeply for the reader is kept as plain text, so the import passes check")
    func deepSection() throws {
        let notes = NotesImporter.parse("# N\n\n## Deep\n\n" + String(repeating: "> ", count: 500) + "deep ~~~ text\n\n## Fine\n\nText.\n")
        let dir = try tempDir()
        let written = try NotesImporter.write(notes, language: .en, to: dir, force: false)
        #expect(written.verbatimSections == ["notes/deep"])
        let library = ContentLibrary(root: dir, knownScenes: scenes)
        #expect(library.check().isEmpty, "\(library.check())")
        let lesson = try library.loadLesson(id: "notes/deep", language: .en).get()
        guard case .code(_, let text)? = lesson.blocks.last else { Issue.record("\(lesson.blocks)"); return }
        #expect(text.hasSuffix("> deep ~~~ text"))
        #expect(NotesImporter.summary(notes, written, folder: "out").contains("kept as plain text: notes/deep"))
    }

    @Test("A symbolic link inside the output folder is never written through")
    func symlinkedFolder() throws {
        let dir = try tempDir(), victim = try tempDir()
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("Content").path, withDestinationPath: victim.path)
        #expect(throws: NotesImporter.ImportError.self) { try NotesImporter.write(Self.notes, language: .en, to: dir, force: true) }
        #expect(allFiles(victim).isEmpty)
        #expect(allFiles(dir) == ["Content"], "nothing else written, no staging folder left")
    }

    @Test("A dangling symbolic link where a file goes counts as existing; --force replaces the link, not its target")
    func danglingLink() throws {
        let dir = try tempDir(), victim = try tempDir()
        let target = victim.appendingPathComponent("pwned").path
        let lesson = dir.appendingPathComponent("Content/en/notes/first.md")
        try FileManager.default.createDirectory(at: lesson.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lesson.path, withDestinationPath: target)
        #expect(throws: NotesImporter.ImportError.wouldOverwrite(["Content/en/notes/first.md"])) {
            try NotesImporter.write(Self.notes, language: .en, to: dir, force: false)
        }
        #expect(allFiles(dir) == ["Content", "Content/en", "Content/en/notes", "Content/en/notes/first.md"])
        _ = try NotesImporter.write(Self.notes, language: .en, to: dir, force: true)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try String(contentsOf: lesson, encoding: .utf8).contains("Body text here."))
        #expect(((try? FileManager.default.destinationOfSymbolicLink(atPath: lesson.path)) ?? nil) == nil)
    }

    @Test("A failed import writes nothing, so it can be run again without --force")
    func allOrNothing() throws {
        let dir = try tempDir()
        // A file where the English folder must go: the Korean lessons could be written, the English not.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Content/en"), withIntermediateDirectories: true)
        try "in the way".write(to: dir.appendingPathComponent("Content/en/notes"), atomically: true, encoding: .utf8)
        #expect(throws: NotesImporter.ImportError.self) { try NotesImporter.write(Self.notes, language: .ko, to: dir, force: false) }
        #expect(allFiles(dir) == ["Content", "Content/en", "Content/en/notes"])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Content/en/notes"))
        let written = try NotesImporter.write(Self.notes, language: .ko, to: dir, force: false)
        #expect(allFiles(dir).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") } == written.files.sorted())
    }

    @Test("--force replaces existing files and keeps the rest of the folder")
    func forceReplaces() throws {
        let dir = try tempDir()
        _ = try NotesImporter.write(Self.notes, language: .en, to: dir, force: false)
        let lesson = dir.appendingPathComponent("Content/en/notes/first.md")
        try "edited".write(to: lesson, atomically: true, encoding: .utf8)
        try "mine".write(to: dir.appendingPathComponent("Content/en/notes/mine.md"), atomically: true, encoding: .utf8)
        _ = try NotesImporter.write(Self.notes, language: .en, to: dir, force: true)
        #expect(try String(contentsOf: lesson, encoding: .utf8).contains("Body text here."))
        #expect(try String(contentsOf: dir.appendingPathComponent("Content/en/notes/mine.md"), encoding: .utf8) == "mine")
        #expect(!allFiles(dir).contains { $0.contains(".nettutor-import") })
    }
}
