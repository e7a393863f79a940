import Foundation
import PackagePlugin

/// Generates `SceneCatalog.registered` from the scene files in the target's `Scenes/` folder,
/// so that adding a scene needs no edit outside its own file.
@main
struct SceneRegistry: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let scenes = target.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Scenes" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "SceneCatalog+Registered.swift")
        return [.buildCommand(displayName: "Registering \(scenes.count) scenes of \(target.name)",
                              executable: try context.tool(named: "scene-registry").url,
                              arguments: [output.path] + scenes.map(\.path),
                              inputFiles: scenes, outputFiles: [output])]
    }
}
