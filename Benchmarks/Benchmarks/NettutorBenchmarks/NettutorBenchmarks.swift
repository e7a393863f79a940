import Benchmark
import Foundation
import NetSim
import TutorApp
import TutorContent
import TutorCore
import TutorQuiz
import TutorRender

/// The hot paths a user feels: text width and wrapping of Korean text, lesson parsing, grading,
/// scheduling, the simulators, and rendering each screen.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let library = ContentLibrary(root: root, knownScenes: Set(SceneCatalog.ids), knownGenerators: QuestionGenerators.names)
let koreanText = (try? String(contentsOf: root.appendingPathComponent("Content/ko/tcp-vs-udp.md"), encoding: .utf8)) ?? "한국어"

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(2)

    Benchmark("TextWidth of a Korean lesson") { b in
        for _ in b.scaledIterations { blackHole(TextWidth.width(of: koreanText)) }
    }
    Benchmark("Wrap a Korean lesson at 80 columns") { b in
        for _ in b.scaledIterations { blackHole(Wrap.wrap(koreanText, width: 80)) }
    }
    Benchmark("Parse a lesson (front matter + cmark-gfm)") { b in
        for _ in b.scaledIterations { blackHole(library.loadLesson(id: "tcp-vs-udp", language: .ko)) }
    }
    let question = Question(id: "b/q", lesson: "b", kind: .short, level: 1, prompt: Localized(ko: "?", en: "?"), explain: Localized(ko: "", en: ""),
                            answer: .short(accept: LocalizedList(ko: ["혼잡 윈도우"], en: ["congestion window"])))
    Benchmark("Grade a short answer with a typo") { b in
        for _ in b.scaledIterations { blackHole(Grader.grade(question, .text("congestoin window"))) }
    }
    Benchmark("FSRS: ten reviews of a card") { b in
        let fsrs = FSRS()
        for _ in b.scaledIterations {
            var c = Card(due: 0), t = 0.0
            for r in [Rating.good, .good, .again, .hard, .good, .easy, .good, .again, .good, .good] { c = fsrs.review(c, rating: r, at: t); t = c.due }
            blackHole(c)
        }
    }
    Benchmark("Simulate tcp-lost-final-ack") { b in
        for _ in b.scaledIterations { blackHole(try? SceneCatalog.spec("tcp-lost-final-ack")!.simulate(SceneOptions())) }
    }
    Benchmark("Congestion lab, rfc5681 model, 20 rounds") { b in
        var p = CwndParameters(); p.model = .rfc5681
        for _ in b.scaledIterations { blackHole(try? CongestionLab.run(p)) }
    }
    Benchmark("Build the URL journey") { b in
        for _ in b.scaledIterations { blackHole(try? URLJourney.build(JourneyParameters())) }
    }
    for (w, h) in [(80, 24), (200, 60)] {
        Benchmark("Render the player at \(w)x\(h)") { b in
            var s = AppState(size: Size(width: w, height: h), language: .ko, catalog: LessonCatalog([]),
                             screen: .player(try! PlayerScreen.State(scene: SceneCatalog.spec("tcp-4way")!)))
            for _ in 0..<12 { _ = reduce(&s, .keyPressed(.right)) }
            for _ in b.scaledIterations { blackHole(render(s)) }
        }
        Benchmark("Render the cwnd lab (compare) at \(w)x\(h)") { b in
            var s = AppState(size: Size(width: w, height: h), language: .en, catalog: LessonCatalog([]),
                             screen: .cwnd(try! CwndScreen.State(parameters: CwndParameters(), compare: true)))
            _ = reduce(&s, .keyPressed(.end))
            for _ in b.scaledIterations { blackHole(render(s)) }
        }
        Benchmark("Render the URL journey at \(w)x\(h)") { b in
            var s = AppState(size: Size(width: w, height: h), language: .en, catalog: LessonCatalog([]),
                             screen: .journey(try! JourneyScreen.State(parameters: JourneyParameters())))
            for _ in 0..<40 { _ = reduce(&s, .keyPressed(.right)) }
            for _ in b.scaledIterations { blackHole(render(s)) }
        }
    }
}
