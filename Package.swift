// swift-tools-version:6.0
// The oversight console: one target per layer, dependencies pointing one way
// (executable → console → store → domain; only the console's terminal backend sees C).
import PackageDescription

let package = Package(
    name: "oversight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oversight", targets: ["oversight"]),
        .executable(name: "oversight-dataset", targets: ["oversight-dataset"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        .target(name: "OversightDomain"),
        // Illustrative NOF and SOF scorecards on the real register, from a seeded generator: for tests, benchmarks
        // and `oversight init --demo` only, never the default store; every record it makes is marked illustrative.
        .target(name: "OversightDemo", dependencies: ["OversightDomain"]),
        .target(
            name: "OversightStore",
            dependencies: ["OversightDomain", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // Gives the terminal back on a crash, which no Swift code outlives (a signal handler in C).
        .target(name: "CCrashGuard"),
        .target(name: "OversightConsole", dependencies: ["OversightStore", "OversightDomain", "CNcursesw", "CCrashGuard"]),
        // The bundled dataset: data/store is shipped as a resource beside the binary.
        .target(
            name: "BundledData",
            path: "data",
            exclude: ["README.md", "reference", "source"],
            sources: ["BundledData.swift"],
            resources: [.copy("store")]
        ),
        .executableTarget(
            name: "oversight",
            dependencies: [
                "OversightConsole", "OversightStore", "OversightDomain", "OversightDemo", "BundledData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Regenerates data/store from data/reference and data/source (deterministic; nothing illustrative).
        .executableTarget(
            name: "oversight-dataset",
            dependencies: ["OversightStore", "OversightDomain"]
        ),
        // Release-build benchmarks: `swift run -c release oversight-bench [store|console|segmentation]`.
        .executableTarget(
            name: "oversight-bench",
            dependencies: ["OversightConsole", "OversightStore", "OversightDomain", "OversightDemo", "OversightTestSupport"]
        ),
        // The child process of the store's crash, kill, lock and file-size tests (built by `swift test`).
        .executableTarget(
            name: "store-torture",
            dependencies: ["OversightStore", "OversightDomain", "OversightTestSupport"]
        ),
        // Small, hand-made datasets, the demonstration dataset and scratch directories shared by the test targets.
        .target(name: "OversightTestSupport", dependencies: ["OversightDomain", "OversightStore", "OversightDemo", "BundledData"]),
        .testTarget(name: "OversightDomainTests", dependencies: ["OversightDomain", "OversightTestSupport"]),
        .testTarget(name: "OversightDemoTests", dependencies: ["OversightDemo", "OversightDomain", "OversightStore", "OversightTestSupport"]),
        .testTarget(
            name: "OversightStoreTests",
            dependencies: ["OversightStore", "OversightDomain", "OversightTestSupport", "BundledData", "store-torture"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OversightConsoleTests", dependencies: ["OversightConsole", "OversightStore", "OversightDomain", "OversightDemo", "OversightTestSupport"],
                    // Read by path (#filePath), so that UPDATE_SNAPSHOTS=1 can rewrite them in place.
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "oversightTests", dependencies: ["oversight", "OversightTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
