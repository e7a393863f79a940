import TutorCore

/// Every scene (DESIGN §5). The CLI (`play`, its `--help`, `check`'s known scene ids), the
/// TUI (Labs, scene cards, the player) and the tests read this list.
///
/// `registered` is generated at build time (Plugins/SceneRegistry) from the files in
/// `Scenes/`: each declares one `static let <name> = SceneSpec(...)`, so adding a scene is one
/// new file there, plus its simulation.
public enum SceneCatalog {
    /// In `order`.
    public static let all: [SceneSpec] = registered.sorted { $0.order < $1.order }

    public static var ids: [String] { all.map(\.id) }

    public static func spec(_ id: String) -> SceneSpec? { all.first { $0.id == id } }
}

extension SceneCatalog {
    /// The scene's title, or the id itself for an id no scene has (a typo in content).
    public static func title(_ id: String, _ language: Language) -> String { spec(id)?.title[language] ?? id }
}
