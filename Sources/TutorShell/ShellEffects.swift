import Foundation
import NetSim
import TutorApp
import TutorCapture
import TutorContent
import TutorCore
import TutorProgress
import TutorQuiz

/// The shell's `EffectRunner`: effects run against the content library and the progress store.
public struct ShellEffects: EffectRunner {
    let library: ContentLibrary
    let store: ProgressStore
    /// Quiz files are parsed when a quiz first starts, not at start-up.
    var banks: [QuizBank]?

    mutating func quizBanks() -> [QuizBank] {
        if banks == nil { banks = library.loadQuizzes().0 }
        return banks!
    }

    /// `trace --live`: the capture the player polls.
    public var live: LiveStream?

    public init(library: ContentLibrary, store: ProgressStore) { self.library = library; self.store = store }

    public mutating func run(_ effect: Effect, state: AppState) -> [AppAction] {
        do {
            switch effect {
            case .loadLesson(let id, let language):
                switch library.loadLesson(id: id, language: language) {
                case .success(let lesson): return [.lessonLoaded(lesson)]
                case .failure(let e): return [.lessonFailed(id: id, message: e.diagnostics.first?.description ?? "cannot load \(id)")]
                }
            case .markRead(let id): try store.markRead(lessonID: id, at: Date())
            case .lessonOpened(let id): try store.markOpened(lessonID: id, at: Date())
            case .savePosition(let id, let block): try store.setPosition(lessonID: id, block: block)
            case .sceneStarted(let scene): try store.recordSceneRun(scene: scene, at: Date())
            case .startQuiz(let request):
                do {
                    return [request.answer(try store.session(request.plan, banks: quizBanks(), newPerDay: (try? store.settings())?.newPerDay ?? SessionPlanner.defaultNewPerDay,
                                                             now: SystemClock().wallTime(), utcOffset: utcOffset(), lessonOrder: state.catalog.ids), state.context)]
                } catch { return [.quizFailed("\(error)")] }
            case .recordAnswer(let attempt, let schedule):
                do {
                    let card = try store.record(attempt, scheduling: schedule ? try store.settings().scheduler : nil)
                    return [.answerRecorded(questionID: attempt.questionID, card: card)] + (store.saveState.map { [.saveStateChanged($0)] } ?? [])
                } catch { return [.progressFailed("\(error) (the answer was not saved)")] }
            case .loadGlossary: return [.glossaryLoaded(library.loadGlossary().0)]
            case .loadDashboard:
                return [.dashboardLoaded(try store.dashboard(catalog: state.catalog, questions: library.questionIndex().0.map { ($0.id, $0.lesson) }, now: SystemClock().wallTime(), utcOffset: utcOffset()))]
            case .openCapture(let path, let stream):
                do {
                    let outcome = try CaptureFile.read(path, stream: stream)
                    guard let s = outcome.analysis.stream, !s.segments.isEmpty else { return [.captureFailed("\(path): no TCP stream \(stream)")] }
                    return [.captureOpened(CaptureRequests.scene(s, file: path, stream: stream))]
                } catch { return [.captureFailed("\(error)")] }
            case .pollLiveCapture:
                guard let live, live.poll() else { return [] }
                let trace = live.analysis.stream.map { CaptureTrace.trace($0, name: "live") } ?? CaptureTrace.empty
                return [.liveCaptureUpdated(trace, packets: live.packets, streams: live.analysis.tcpStreams)]
            case .quit, .suspend: break  // the loop's own
            }
        } catch { return [.progressFailed("\(error)")] }
        return []
    }
}

/// The system's clocks, for the run loop: wall time for the app, a monotonic one for ticks.
public struct SystemClock: LoopClock {
    let origin = ContinuousClock.now
    public init() {}
    public func wallTime() -> Double { Date().timeIntervalSince1970 }
    public func monotonic() -> Double {
        let d = ContinuousClock.now - origin
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// The local time zone's offset from UTC in seconds now (days start at local midnight). From
/// the C library (`TZ`, /etc/localtime), not Foundation's `TimeZone`, which loads ICU's time-zone
/// data at start-up for this one number.
public func utcOffset() -> Double {
    var now = time(nil), local = tm()
    guard localtime_r(&now, &local) != nil else { return 0 }
    return Double(local.tm_gmtoff)
}

extension ProgressStore {
    /// What the quiz footer says: nil for a store that does not journal (it keeps `notSaving`).
    var saveState: SaveState? {
        guard let journaled = self as? JournaledStore else { return nil }
        switch journaled.saving {
        case .saved: return .saved
        case .savingLater: return .savingLater
        case .notSaved: return .notSaved
        }
    }
}
