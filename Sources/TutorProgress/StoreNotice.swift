/// What opening the store has to tell the user once: a damaged file kept aside (with what
/// was salvaged), or a store that cannot be used this session. `description` is the English
/// line for the command line; the TUI words it in the learner's language (`UIText.storeNotice`).
public enum StoreNotice: Sendable, Equatable, CustomStringConvertible {
    /// `copied`: rows salvaged (nil: the file could not be read at all); `lost`: some could not be.
    case damaged(aside: String, problem: String?, copied: Int?, lost: Bool)
    /// Nothing is saved this session (the folder cannot be written, the database cannot be opened).
    case unusable(reason: String)
    /// Lines of the answer journal that could not be read or held impossible values.
    case journalSkipped(Int)

    public var description: String {
        switch self {
        case .damaged(let aside, nil, nil, _):
            "the progress database was damaged; it was moved to \(aside) and a new one started"
        case .damaged(let aside, let problem, let copied, let lost):
            "the progress database was damaged (\(problem ?? "unreadable")); it was moved to \(aside) and a new one started with the \(copied ?? 0) records "
                + (lost ? "that could still be read (some could not)" : "it held")
        case .unusable(let reason): "\(reason) (progress is not saved this session)"
        case .journalSkipped(let n): "\(n) unreadable answer\(n == 1 ? "" : "s") in the journal \(n == 1 ? "was" : "were") skipped (dropped once the others are saved)"
        }
    }
}
