// swift-tools-version:6.0
// The oversight console: one target per layer, dependencies pointing one way
// (executable → terminal → console core → domain, and terminal → store → domain; only the terminal sees C).
//
// Linux only: the store calls Glibc directly (fdatasync, flock, and the crash tests' fault hooks) and
// the terminal needs ncursesw, so no other platform is declared. A macOS port would need conditional
// imports of Darwin and F_FULLFSYNC in the store's POSIXFileSystem.
import PackageDescription

let package = Package(
    name: "oversight",
    products: [
        .executable(name: "oversight", targets: ["oversight"]),
        .executable(name: "oversight-dataset", targets: ["oversight-dataset"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // 0.x: a minor release may break the API, so only patch releases are taken.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", .upToNextMinor(from: "0.10.0")),
        // The team store (issue 17): PostgreSQL's wire protocol in Swift, no libpq. Only OversightPostgres sees it.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
            dependencies: ["OversightDomain", "CCRC32C", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // The CPU's CRC-32C instruction, where it has one (x86-64 with SSE 4.2), for the store's checksums.
        .target(name: "CCRC32C"),
        // The team store: the same RecordStore on PostgreSQL (schema migrations, journal table, before-image
        // checks, LISTEN/NOTIFY). PostgresNIO stops here: the domain and the console core never see it.
        .target(
            name: "OversightPostgres",
            dependencies: ["OversightStore", "OversightDomain", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Board papers (scorecard, footprint, league, agenda, minutes, action and decision logs) as values, and their
        // Markdown, CSV and HTML (inline SVG charts) forms: pure, on the domain alone, so the console can export too.
        .target(name: "OversightPapers", dependencies: ["OversightDomain"]),
        // Gives the terminal back on a crash, which no Swift code outlives (a signal handler in C).
        .target(name: "CCrashGuard"),
        // The console's pure core: state, intents, update, screens, views, forms, the grid. The domain is
        // its only dependency, so a view cannot read the store or a file: the store is reached through
        // effects, and what it holds arrives as values the session hands in.
        .target(name: "OversightConsole", dependencies: ["OversightDomain", "OversightPapers"]),
        // The console run in a terminal: the session (the loop, effects against the store, derived data
        // worked out and handed in), the ncurses and headless terminals. Only here do store and C meet it.
        .target(name: "OversightTerminal", dependencies: ["OversightConsole", "OversightStore", "OversightDomain", "CNcursesw", "CCrashGuard"]),
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
                "OversightTerminal", "OversightStore", "OversightPostgres", "OversightDomain", "OversightDemo", "OversightPapers", "BundledData",
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
            dependencies: ["OversightConsole", "OversightTerminal", "OversightStore", "OversightPostgres", "OversightDomain", "OversightDemo", "OversightTestSupport"]
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
            dependencies: ["OversightStore", "OversightPostgres", "OversightDomain", "OversightTestSupport", "BundledData", "store-torture"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OversightConsoleTests", dependencies: ["OversightConsole", "OversightTerminal", "OversightStore", "OversightPostgres", "OversightDomain", "OversightDemo", "OversightTestSupport", "BundledData", "CNcursesw"],
                    // Read by path (#filePath), so that UPDATE_SNAPSHOTS=1 can rewrite them in place.
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "OversightPapersTests",
                    dependencies: ["OversightPapers", "OversightDomain", "OversightStore", "OversightTestSupport", "BundledData",
                                   .product(name: "SwiftCSV", package: "SwiftCSV")],
                    // Read by path (#filePath), so that UPDATE_GOLDEN=1 can rewrite them in place.
                    exclude: ["__Golden__"]),
        .testTarget(name: "oversightTests", dependencies: ["oversight", "OversightTestSupport", "OversightPostgres", "OversightStore"]),
    ],
    swiftLanguageModes: [.v6]
)
