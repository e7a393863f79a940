/// The two languages every lesson and UI string exists in.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case ko, en

    public var other: Language { self == .ko ? .en : .ko }

    /// Picks the language from locale variables in POSIX precedence
    /// (LC_ALL, then LC_MESSAGES, then LANG); Korean only when asked for.
    public static func fromLocale(lcAll: String?, lcMessages: String?, lang: String?) -> Language {
        for value in [lcAll, lcMessages, lang] {
            guard let value, !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("ko") ? .ko : .en
        }
        return .en
    }
}

/// A string in both languages.
public struct Localized: Sendable, Hashable, Codable {
    public var ko: String
    public var en: String
    public init(ko: String, en: String) { self.ko = ko; self.en = en }
    public subscript(_ language: Language) -> String { language == .ko ? ko : en }
}
