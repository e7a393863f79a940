import Testing
import NetSim
import TutorContent
@testable import TutorApp

/// Korean mode uses the words of docs/STYLE-ko.md in scenes too, not only in lessons: every
/// scene's Korean plain export (title, legend, lanes, states, narration) is checked.
@Suite("Korean style in scenes")
struct KoreanSceneStyleTests {
    @Test("No scene's Korean text uses a word docs/STYLE-ko.md replaces", arguments: SceneCatalog.ids)
    func sceneText(id: String) throws {
        let spec = try SceneCatalog.lookup(id)
        let text = try SceneExport.text(spec, options: SceneOptions(), format: .plain, language: .ko, width: 80)
        let found = text.split(separator: "\n").flatMap { line in KoreanStyle.findings(in: String(line)).map { "\($0.avoid) -> \($0.use): \(line)" } }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("What a capture's findings say in Korean, and the trace command's Korean text, use the words of docs/STYLE-ko.md")
    func captureText() {
        let lines = TCPAnalysisFlag.allCases.map { CaptureTrace.explanation($0).ko }
            + [UIText.relativeNumbers.ko, UIText.findings.ko, UIText.conversationHeader.ko, UIText.skippedPackets(3, .ko), UIText.noMoreFindings.ko]
        let found = lines.flatMap { line in KoreanStyle.findings(in: line).map { "\($0.avoid) -> \($0.use): \(line)" } }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("Korean plain export names every lane in Korean, also in the one-line-per-event form of many lanes", arguments: SceneCatalog.ids)
    func koreanLanes(id: String) throws {
        let spec = try SceneCatalog.lookup(id)
        guard spec.kind == .sequence else { return }
        let text = try SceneExport.text(spec, options: SceneOptions(), format: .plain, language: .ko, width: 80)
        let trace = try spec.simulate(SceneOptions())
        for lane in trace.endpoints where koreanLaneName(lane) != lane {
            for form in ["\(lane) -> ", "-> \(lane) ", "\(lane): [", "\(lane): ("] {
                #expect(!text.contains(form), "\(id): '\(form)'")
            }
        }
    }
}
