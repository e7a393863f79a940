import TutorCore

/// What `nettutor play` needs from the catalog: an id to a scene (or close matches), the help
/// text, and checks of the options a scene takes. Here, so adding a scene changes them too.
extension SceneCatalog {
    /// The scene with this id; otherwise an error naming close ids (or all of them).
    public static func lookup(_ id: String) throws -> SceneSpec {
        if let spec = spec(id) { return spec }
        let close = ids.filter { editDistance($0, id) <= 3 || $0.contains(id) }
        throw SceneError.invalid("no scene '\(id)'; \(close.isEmpty ? "scenes: \(ids.joined(separator: ", "))" : "did you mean: \(close.joined(separator: ", "))?")")
    }

    /// Every scene id, and which take none of the scene options.
    public static var helpText: String {
        var text = "Scenes that play: \(ids.joined(separator: ", "))."
        let fixed = all.filter(\.options.isEmpty).map(\.id)
        if !fixed.isEmpty { text += " Scene options do not apply to \(fixed.joined(separator: ", "))." }
        return text
    }

    /// The option's help, naming the scenes that take it unless every sequence scene does.
    public static func help(for option: SceneOption) -> String {
        let sequence = all.filter { $0.kind == .sequence }
        let taking = sequence.filter { $0.options.contains(option) }.map(\.id)
        return taking.count == sequence.count ? option.help : "\(option.help) Scenes: \(taking.joined(separator: ", "))."
    }
}

extension SceneSpec {
    /// Refuses options this scene would silently ignore.
    public func check(_ options: SceneOptions) throws {
        let extra = unsupported(in: options)
        guard !extra.isEmpty else { return }
        let takes = self.options.isEmpty ? "it takes no scene options" : "it takes \(self.options.map(\.flag).joined(separator: ", "))"
        throw SceneError.invalid("\(id) does not take \(extra.map(\.flag).joined(separator: ", ")); \(takes)")
    }
}

extension SceneOptions {
    /// `--drop 3` or `--drop 2,5`: transmission ordinals, 1-based.
    public static func drops(_ text: String) throws -> Set<Int> {
        let parts = text.split(separator: ",").map { Int($0.filter { $0 != " " }) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw SceneError.invalid("--drop takes positive segment numbers, e.g. --drop 3 or --drop 2,5")
        }
        return Set(parts.compactMap { $0 })
    }
}
