import TutorCore

/// What the TUI says once at start-up when the locale changes how text is shown.
extension UIText {
    /// `--lang ko` under a locale that is not UTF-8: Korean is shown through C.UTF-8.
    public static func koreanWithFallback(setting: String) -> String {
        "\(setting): UTF-8 로캘이 아니라서 --lang ko대로 C.UTF-8로 한국어를 표시합니다(기본으로 쓰려면 LANG=C.UTF-8)."
    }

    /// Korean was asked for and cannot be shown: in English (the only language that can be), with the fix.
    public static func koreanUnavailable(setting: String, utf8Installed: Bool) -> String {
        utf8Installed
            ? "Korean needs a UTF-8 locale and \(setting) is not one: run with LANG=C.UTF-8 (or --lang ko)."
            : "Korean needs a UTF-8 locale and none is installed: install one (apt-get install locales; locale-gen ko_KR.UTF-8) and set LANG=ko_KR.UTF-8."
    }
}
