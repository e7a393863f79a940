import Glibc

/// Which locale the terminal is driven in, decided before ncurses starts: ncursesw draws
/// Hangul and box glyphs only under a UTF-8 locale, and containers often name one that is not
/// installed (`LANG=ko_KR.UTF-8` with only `C.UTF-8` present) or none at all (`LANG=C`).
public struct DisplayLocale: Sendable, Equatable {
    /// Why the display differs from what the environment or `--lang` asked: said once, with the fix.
    public enum Note: Sendable, Equatable {
        /// `--lang ko` under a non-UTF-8 locale (`setting`, e.g. "LANG=C"): C.UTF-8 is used for it.
        case borrowedUTF8(setting: String)
        /// Korean was asked for but no UTF-8 locale can be used; `installed`: C.UTF-8 exists
        /// (the fix is to name it) or not (the fix is to install a locale).
        case koreanUnavailable(setting: String, utf8Installed: Bool)
    }

    /// The locale in effect is UTF-8: Unicode glyphs and Hangul can be drawn.
    public var utf8: Bool
    public var note: Note?

    public init(utf8: Bool, note: Note? = nil) { self.utf8 = utf8; self.note = note }

    static let fallbacks = ["C.UTF-8", "C.utf8"]

    /// The decision, given `apply(name)`: sets the locale `name` ("" for the environment's) and
    /// returns its codeset, or nil when that locale is not installed.
    /// - `koreanRequested`: `--lang ko` was given (an explicit flag is honoured when possible).
    /// - `koreanWanted`: the language in effect is Korean (by flag or by the environment).
    public static func choose(environment: [String: String], koreanRequested: Bool, koreanWanted: Bool,
                              apply: (String) -> String?) -> DisplayLocale {
        let setting = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { key in environment[key].flatMap { $0.isEmpty ? nil : "\(key)=\($0)" } }.first
            ?? "LANG (unset)"
        let own = apply("")
        if let own, isUTF8(own) { return DisplayLocale(utf8: true) }
        // A named UTF-8 locale that is not installed: the terminal is UTF-8, use C.UTF-8 quietly.
        let namesMissingUTF8 = own == nil && (setting.lowercased().contains("utf-8") || setting.lowercased().contains("utf8"))
        var utf8Installed = false
        if namesMissingUTF8 || koreanRequested {
            for name in fallbacks where apply(name).map(isUTF8) == true {
                return DisplayLocale(utf8: true, note: namesMissingUTF8 || !koreanRequested ? nil : .borrowedUTF8(setting: setting))
            }
        } else {
            utf8Installed = fallbacks.contains { apply($0).map(isUTF8) == true }
            _ = apply("")  // back to the environment's locale after probing
        }
        return DisplayLocale(utf8: false, note: koreanWanted ? .koreanUnavailable(setting: setting, utf8Installed: utf8Installed) : nil)
    }

    static func isUTF8(_ codeset: String) -> Bool { ["UTF-8", "UTF8"].contains(codeset.uppercased()) }

    /// Decides and applies the locale for this process (`setlocale`).
    public static func apply(environment: [String: String], koreanRequested: Bool, koreanWanted: Bool) -> DisplayLocale {
        choose(environment: environment, koreanRequested: koreanRequested, koreanWanted: koreanWanted) { name in
            guard setlocale(LC_ALL, name) != nil, let codeset = nl_langinfo(nl_item(CODESET)) else { return nil }
            return String(cString: codeset)
        }
    }
}
