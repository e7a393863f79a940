import Testing
@testable import TutorTerminal

/// The locale decision, against a fake `setlocale`: `installed` maps locale names to codesets.
@Suite("Display locale")
struct DisplayLocaleTests {
    static func decide(_ env: [String: String], installed: [String: String], requested: Bool, wanted: Bool) -> (DisplayLocale, [String]) {
        var calls: [String] = []
        let own = env["LC_ALL"] ?? env["LC_CTYPE"] ?? env["LANG"] ?? "C"
        let d = DisplayLocale.choose(environment: env, koreanRequested: requested, koreanWanted: wanted) { name in
            calls.append(name)
            return installed[name.isEmpty ? own : name]
        }
        return (d, calls)
    }
    static let container = ["C": "ANSI_X3.4-1968", "POSIX": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"]

    /// `LANG=C nettutor --lang ko` opened in English with ASCII borders.
    @Test("An explicit --lang ko under LANG=C is honoured through C.UTF-8, and says so once")
    func explicitKoreanUnderC() {
        let (d, calls) = Self.decide(["LANG": "C"], installed: Self.container, requested: true, wanted: true)
        #expect(d.utf8 && d.note == .borrowedUTF8(setting: "LANG=C"))
        #expect(calls.last == "C.UTF-8")
    }

    /// `LANG=ko_KR.UTF-8` where only C.UTF-8 is installed gave English and ASCII with no word why.
    @Test("A named UTF-8 locale that is not installed falls back to C.UTF-8 for display, quietly")
    func missingNamedUTF8Locale() {
        let (d, _) = Self.decide(["LANG": "ko_KR.UTF-8"], installed: Self.container, requested: false, wanted: true)
        #expect(d == DisplayLocale(utf8: true))
    }

    @Test("When Korean cannot be shown the note names the setting and the fix")
    func koreanUnavailable() {
        let (noUTF8, _) = Self.decide(["LANG": "ko_KR.UTF-8"], installed: ["C": "ANSI_X3.4-1968"], requested: false, wanted: true)
        #expect(!noUTF8.utf8 && noUTF8.note == .koreanUnavailable(setting: "LANG=ko_KR.UTF-8", utf8Installed: false))
        let (eucKR, calls) = Self.decide(["LANG": "ko_KR.EUC-KR"], installed: Self.container.merging(["ko_KR.EUC-KR": "EUC-KR"]) { a, _ in a },
                                         requested: false, wanted: true)
        #expect(!eucKR.utf8 && eucKR.note == .koreanUnavailable(setting: "LANG=ko_KR.EUC-KR", utf8Installed: true))
        #expect(calls.last == "")  // the probe leaves the environment's locale in effect
    }

    @Test("English under LANG=C stays ASCII with nothing to say; a UTF-8 locale needs nothing")
    func nothingToSay() {
        let (c, _) = Self.decide(["LANG": "C"], installed: Self.container, requested: false, wanted: false)
        #expect(c == DisplayLocale(utf8: false))
        let (utf8, calls) = Self.decide(["LC_ALL": "C.UTF-8", "LANG": "C"], installed: Self.container, requested: true, wanted: true)
        #expect(utf8 == DisplayLocale(utf8: true) && calls == [""])
    }
}
