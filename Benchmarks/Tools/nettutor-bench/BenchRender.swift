import Foundation
import NetSim
import TutorApp
import TutorContent
import TutorCore
import TutorRender

/// `nettutor-bench render [--width W] [--height H] [--frames N] [--content DIR]`: time to
/// render frames of the player, the reader, the cwnd chart and the URL journey (no terminal).
enum BenchRender {
    static func run(_ args: Arguments) throws {
        let width = args.int("width", 200), height = args.int("height", 60), frames = args.int("frames", 2000)
        var state = AppState(size: Size(width: width, height: height), language: .en, catalog: LessonCatalog([]))
        var samples: [Double] = []
        for scene in SceneCatalog.all where scene.kind == .sequence {
            state = AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .player(try PlayerScreen.State(scene: scene)))
            _ = reduce(&state, .keyPressed(.char(" ")))
            let clock = ContinuousClock()
            var rendered = 0
            let start = clock.now
            while rendered < frames / 9 {
                _ = reduce(&state, .tick(elapsed: 1.0 / 30, generation: state.animationGeneration))
                if state.player?.playing == false { _ = reduce(&state, .keyPressed(.char(" "))) }
                _ = render(state)
                rendered += 1
            }
            let d = clock.now - start
            samples.append((Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered))
        }
        let mean = samples.reduce(0, +) / Double(samples.count)
        print(String(format: "player frame at %dx%d (tick + render, all scenes): mean %.3f ms, worst scene %.3f ms", width, height, mean, samples.max() ?? 0))

        // The lesson reader: the longest lesson, every page.
        if let library = args.library() {
            func size(_ url: URL) -> Int { (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
            let longest = library.lessonFiles().max { size($0.1) < size($1.1) }
            if let (language, url) = longest, case .success(let lesson) = library.loadLesson(id: url.deletingPathExtension().lastPathComponent, language: language) {
                var reader = AppState(size: state.size, language: language, catalog: LessonCatalog([lesson.meta]))
                _ = reduce(&reader, .keyPressed(.enter))
                _ = reduce(&reader, .lessonLoaded(lesson))
                let clock = ContinuousClock()
                var rendered = 0
                let start = clock.now
                for _ in 0..<max(1, frames / 200) {
                    _ = reduce(&reader, .keyPressed(.home))
                    for _ in 0..<200 { _ = render(reader); _ = reduce(&reader, .keyPressed(.pageDown)); rendered += 1 }
                }
                let d = clock.now - start
                print(String(format: "reader frame at %dx%d (%@, every page): mean %.3f ms", width, height, lesson.meta.id,
                             (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
            }
        }

        // The cwnd chart: every round of a compare-mode chart and of the per-ACK model, each mode.
        for (label, compare, model) in [("compare, textbook", true, CwndModel.textbook), ("Reno, rfc5681", false, .rfc5681)] {
            var p = CwndParameters(); p.model = model; p.events = [LossEvent(.tripleDupAck, at: 8), LossEvent(.timeout, at: 14)]
            var times: [String] = []
            for mode in BrailleCanvas.Mode.allCases {
                var lab = try CwndScreen.State(parameters: p, compare: compare, chart: mode)
                let clock = ContinuousClock()
                let start = clock.now
                var rendered = 0
                for _ in 0..<max(1, frames / 40) {
                    for r in 1...p.rounds {
                        lab.cursor = r
                        _ = render(AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .cwnd(lab))); rendered += 1
                    }
                }
                let d = clock.now - start
                times.append(String(format: "%@ %.3f ms", mode.rawValue, (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
            }
            print("cwnd chart frame at \(width)x\(height) (\(label)): " + times.joined(separator: ", "))
        }
        // The URL journey: every frame of the standard journey (map, ruler, headers, narration).
        var journey = try JourneyScreen.State(parameters: JourneyParameters())
        do {
            let frames = journey.frames.count
            let clock = ContinuousClock()
            let start = clock.now
            var rendered = 0
            for _ in 0..<max(1, frames / 100) {
                for i in 0..<frames {
                    journey.cursor = i
                    _ = render(AppState(size: state.size, language: .en, catalog: LessonCatalog([]), screen: .journey(journey))); rendered += 1
                }
            }
            let d = clock.now - start
            print(String(format: "journey frame at %dx%d (all %d frames): mean %.3f ms", width, height, frames,
                         (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / Double(rendered)))
        }

        // Steering re-simulates: what one `t` or `3` costs, for the largest lab the keys allow.
        var big = CwndParameters(); big.model = .rfc5681; big.rounds = CwndParameters.maxRounds; big.ssthresh = 64
        big.events = [LossEvent(.tripleDupAck, at: 60), LossEvent(.timeout, at: 120)]
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<20 { _ = try CongestionLab.run(big) }
        let d = clock.now - start
        print(String(format: "cwnd re-simulation (rfc5681, %d rounds, per ACK): %.2f ms", big.rounds, (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) / 20))
    }
}

