// swift-tools-version:6.1
// Benchmarks, kept out of the product: in-process micro-benchmarks with package-benchmark and
// the `nettutor-bench` tool (frame render times, a large progress store). `make bench` runs
// both. A separate package so that `make test` does not build the benchmark library.
import Foundation
import PackageDescription

// The main package is the parent folder; SwiftPM names a path dependency after its folder.
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let nettutor = parent.lastPathComponent.lowercased()
// NETTUTOR_BENCH_TOOL_ONLY=1 builds only nettutor-bench, without fetching package-benchmark
// (for a machine that cannot reach it).
let toolOnly = Context.environment["NETTUTOR_BENCH_TOOL_ONLY"] == "1"

let tool: Target = .executableTarget(
    name: "nettutor-bench",
    dependencies: [.product(name: "NettutorKit", package: nettutor)],
    path: "Tools/nettutor-bench"  // outside Benchmarks/: package-benchmark runs every target there
)
let micro: Target = .executableTarget(
    name: "NettutorBenchmarks",
    dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "NettutorKit", package: nettutor),
    ],
    path: "Benchmarks/NettutorBenchmarks",
    plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
)

let package = Package(
    name: "nettutor-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: parent.path)]
        + (toolOnly ? [] : [.package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])]),
    targets: toolOnly ? [tool] : [tool, micro]
)
