// swift-tools-version:6.1
// In-process micro-benchmarks with package-benchmark (make bench runs them). A separate
// package so that `make test` does not build the benchmark library.
import Foundation
import PackageDescription

// The main package is the parent folder; SwiftPM names a path dependency after its folder.
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let nettutor = parent.lastPathComponent.lowercased()

let package = Package(
    name: "nettutor-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: parent.path),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NettutorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NettutorKit", package: nettutor),
            ],
            path: "Benchmarks/NettutorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
