import TutorCore
import TutorQuiz

/// The learner's settings (`nettutor progress --streak/--retention/--new-per-day`), typed.
/// Stored as key/value rows so an export file and older databases keep working.
public struct ProgressSettings: Sendable, Equatable {
    /// The dashboard shows a study streak (opt-in).
    public var streak = false
    /// Desired retention for FSRS as set; `SessionPlanner.scheduler` clamps it.
    public var desiredRetention = SessionPlanner.defaultRetention
    /// New questions a day in reviews.
    public var newPerDay = SessionPlanner.defaultNewPerDay

    public init(streak: Bool = false, desiredRetention: Double = SessionPlanner.defaultRetention,
                newPerDay: Int = SessionPlanner.defaultNewPerDay) {
        self.streak = streak; self.desiredRetention = desiredRetention; self.newPerDay = newPerDay
    }

    /// The settings with those given changed (`nettutor progress --streak/--retention/--new-per-day`).
    public func changing(streak: Bool?, retention: Double?, newPerDay: Int?) throws -> ProgressSettings {
        var s = self
        if let streak { s.streak = streak }
        if let retention {
            guard SessionPlanner.retentionRange.contains(retention) else { throw SessionPlanner.PlanError.retentionOutOfRange }
            s.desiredRetention = retention
        }
        if let newPerDay {
            guard SessionPlanner.newPerDayRange.contains(newPerDay) else { throw SessionPlanner.PlanError.newPerDayOutOfRange }
            s.newPerDay = newPerDay
        }
        return s
    }

    /// The scheduler these settings ask for.
    public var scheduler: FSRS { SessionPlanner.scheduler(desiredRetention: desiredRetention) }

    enum Key { static let streak = "streak", retention = "desired_retention", newPerDay = "new_per_day" }

    /// From the stored rows; a missing, unreadable or out-of-range value is the default (a bad
    /// row must not make every quiz fail with an error the learner never caused).
    init(rows: [String: String]) {
        streak = rows[Key.streak] == "on"
        desiredRetention = rows[Key.retention].flatMap(Double.init).flatMap { SessionPlanner.retentionRange.contains($0) ? $0 : nil }
            ?? SessionPlanner.defaultRetention
        newPerDay = rows[Key.newPerDay].flatMap(Int.init).flatMap { SessionPlanner.newPerDayRange.contains($0) ? $0 : nil } ?? SessionPlanner.defaultNewPerDay
    }

    var rows: [String: String] {
        [Key.streak: streak ? "on" : "off", Key.retention: "\(desiredRetention)", Key.newPerDay: "\(newPerDay)"]
    }
}
