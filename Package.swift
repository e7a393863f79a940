// swift-tools-version:6.0
import PackageDescription

// Target graph: see docs/ARCHITECTURE.md. Pure targets import the stdlib only (plus each other
// as drawn); shell targets own one kind of I/O each.
let package = Package(
    name: "nettutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nettutor", targets: ["nettutor"]),
        // For the micro-benchmarks package (Benchmarks/).
        .library(name: "NettutorKit", targets: ["NetSim", "TutorCore", "TutorRender", "TutorQuiz", "TutorApp", "TutorContent", "TutorProgress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CPcap", path: "Sources/CPcap"),

        // Scenes/ is registered into SceneCatalog at build time (one file per scene).
        .target(name: "NetSim", dependencies: ["TutorCore"], plugins: ["SceneRegistry"]),
        .executableTarget(name: "scene-registry"),
        .plugin(name: "SceneRegistry", capability: .buildTool(), dependencies: ["scene-registry"]),
        .target(name: "TutorCore"),
        // The command tree as data: parsing, --help, the man page and completion scripts.
        .target(name: "TutorCLI"),
        .target(name: "TutorRender"),
        .target(name: "TutorQuiz", dependencies: ["TutorCore", "NetSim"]),
        .target(name: "TutorContent", dependencies: [
            "TutorCore", "TutorRender", "CCmarkGFM", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "TutorProgress", dependencies: [
            "TutorCore", "TutorQuiz", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "TutorApp", dependencies: ["TutorCore", "TutorRender", "TutorQuiz", "NetSim"]),
        .target(name: "TutorTerminal", dependencies: ["TutorRender", "CNcursesw"]),
        .target(name: "TutorLive", dependencies: ["NetSim", "CCurl"]),
        .target(name: "TutorCapture", dependencies: ["NetSim", "CPcap"]),
        // The imperative shell: effects against the store and the content, the system clock, the TUI session.
        .target(name: "TutorShell", dependencies: ["NetSim", "TutorApp", "TutorCapture", "TutorCLI", "TutorContent", "TutorCore", "TutorLive", "TutorProgress", "TutorQuiz", "TutorRender", "TutorTerminal"]),
        .executableTarget(name: "nettutor", dependencies: [
            "NetSim", "TutorCore", "TutorRender", "TutorQuiz", "TutorContent", "TutorProgress",
            "TutorApp", "TutorTerminal", "TutorLive", "TutorShell", "TutorCapture", "TutorCLI",
        ]),
        // Fuzz targets for the loaders (make soak); built normally it replays a corpus.
        .executableTarget(name: "nettutor-fuzz", dependencies: ["TutorContent", "TutorCore", "TutorApp", "TutorProgress", "NetSim"]),
        .target(name: "TutorTestSupport", dependencies: ["TutorCore", "TutorRender", "TutorApp", "TutorQuiz", "NetSim"],
                path: "Tests/TutorTestSupport"),

        .testTarget(name: "NetSimTests", dependencies: ["NetSim", "TutorCore"]),
        .testTarget(name: "TutorRenderTests", dependencies: ["TutorRender", "TutorTestSupport"]),
        .testTarget(name: "TutorContentTests", dependencies: [
            "TutorContent", "TutorCore", "TutorRender", "NetSim", "TutorQuiz", "TutorTestSupport", .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "TutorAppTests", dependencies: [
            "TutorApp", "TutorCore", "TutorRender", "TutorTestSupport", "TutorContent", "NetSim", "TutorQuiz",
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "TutorTerminalTests", dependencies: ["TutorTerminal", "TutorRender", "CNcursesw"]),
        .testTarget(name: "TutorCLITests", dependencies: ["TutorCLI"]),
        .testTarget(name: "TutorQuizTests", dependencies: ["TutorQuiz", "TutorCore", "NetSim"]),
        .testTarget(name: "TutorLiveTests", dependencies: ["TutorLive", "NetSim"]),
        .testTarget(name: "TutorCaptureTests", dependencies: ["TutorCapture", "NetSim"]),
        .testTarget(name: "TutorProgressTests", dependencies: [
            "TutorProgress", "TutorCore", "TutorQuiz", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
