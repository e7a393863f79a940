import Foundation
import NetSim
import Testing
import TutorCore

@Suite("Scene catalog")
struct SceneCatalogTests {
    @Test("Every scene has an id, a title and a summary in both languages, and a unique position")
    func titles() {
        #expect(!SceneCatalog.all.isEmpty)
        for s in SceneCatalog.all {
            for text in [s.title, s.summary] {
                #expect(!text.ko.isEmpty && !text.en.isEmpty, "\(s.id)")
                #expect(text.ko.contains { $0.isLetter } && text.en.contains { $0.isLetter }, "\(s.id)")
            }
            #expect(SceneCatalog.spec(s.id)?.id == s.id)
        }
        #expect(Set(SceneCatalog.ids).count == SceneCatalog.all.count)
        #expect(Set(SceneCatalog.all.map(\.order)).count == SceneCatalog.all.count)
        #expect(SceneCatalog.all.map(\.order) == SceneCatalog.all.map(\.order).sorted())
    }

    /// The build registers Scenes/<id>.swift: each file is one scene of that id, none is left out.
    @Test("The catalog holds exactly the scenes of Sources/NetSim/Scenes, each named after its file")
    func filesAreScenes() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let dir = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/NetSim/Scenes")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(Set(files.map { String($0.dropLast(".swift".count)) }) == Set(SceneCatalog.ids))
    }

    @Test("Every sequence scene simulates to a non-empty, time-ordered trace between its endpoints; the others name their command")
    func simulates() throws {
        for s in SceneCatalog.all {
            switch s.kind {
            case .sequence:
                // Returning at all is the termination: every simulation runs to an empty queue or its limit.
                let t = try s.simulate()
                #expect(t.scene == s.id)
                #expect(t.events.count > 2, "\(s.id)")
                #expect(t.events.map(\.t) == t.events.map(\.t).sorted(), "\(s.id)")
                #expect(t.events.contains { $0.kind == .send }, "\(s.id)")
                for e in t.events where e.kind == .send {
                    #expect(e.label != nil && e.role != nil && (e.arrival ?? -1) >= e.t, "\(s.id)")
                    #expect(t.endpoints.contains(e.from ?? "") && t.endpoints.contains(e.to ?? ""), "\(s.id)")
                }
                #expect(s.prediction != nil && s.options.contains(.drop), "\(s.id)")
                // A TCP scene shows its states; an exchange scene may mark states too (TLS's
                // keys), but only the ones the player can draw have a state machine.
                if s.stateMachine == .tcp { #expect(t.events.contains { $0.kind == .state }, "\(s.id)") }
            case .chart, .map:
                #expect(throws: SceneError.self) { try s.simulate() }
                #expect(s.options.isEmpty && s.prediction == nil)
            }
        }
    }

    @Test("A scene reports the options it does not take")
    func unsupportedOptions() {
        var o = SceneOptions(); o.window = 3; o.rtt = 80; o.clientISN = 1
        #expect(SceneSpec.tcp3Way.unsupported(in: o) == [.window])
        #expect(SceneSpec.arqStopAndWait.unsupported(in: o) == [.isnClient, .window])
        #expect(SceneSpec.flowControl.unsupported(in: o).isEmpty)
        #expect(SceneSpec.cwndLab.unsupported(in: o) == [.isnClient, .rtt, .window])
        #expect(SceneSpec.tcp3Way.unsupported(in: SceneOptions()).isEmpty)
    }
}
