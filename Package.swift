// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vp-tui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vp-tui", targets: ["vp-tui"]),
        .executable(name: "vp-tui-postgres", targets: ["vp-tui-postgres"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
        .library(name: "PlanTextImport", targets: ["PlanTextImport"]),
        .library(name: "PlanGenerator", targets: ["PlanGenerator"]),
        .library(name: "PlanKitPostgres", targets: ["PlanKitPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Not "CSystem": swift-system, which SwiftNIO brings, has a target of that name.
        .target(name: "CVPSystem", path: "Sources/CVPSystem"),
        .target(
            name: "PlanKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The city-scale database: connecting to PostgreSQL, its schema, its rights, and copying
        // between it and a SQLite file.
        .target(
            name: "PlanKitPostgres",
            dependencies: [
                "PlanKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "PlanTextImport", dependencies: ["PlanKit"]),
        .target(name: "PlanGenerator", dependencies: ["PlanKit"]),
        .target(name: "VPApp", dependencies: ["PlanKit"]),
        // The command line, without the PostgreSQL client: its size slows every start of the
        // program (docs/PERFORMANCE.md). What needs PostgreSQL goes through PostgresHook.
        .target(
            name: "VPCommandLine",
            dependencies: [
                "PlanKit",
                "PlanTextImport",
                "PlanGenerator",
                "VPApp",
                "CNcurses",
                "CVPSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // PostgresHook's commands on the PostgreSQL client.
        .target(name: "VPCommandLinePostgres", dependencies: ["VPCommandLine", "PlanKit", "PlanKitPostgres"]),
        // Hands a command that needs PostgreSQL over to vp-tui-postgres, in the same folder.
        .executableTarget(name: "vp-tui", dependencies: ["VPCommandLine"]),
        .executableTarget(name: "vp-tui-postgres", dependencies: ["VPCommandLine", "VPCommandLinePostgres"]),
        // What the benchmark programs share: timing, figures, options.
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport"),
        .executableTarget(name: "vp-tui-bench", dependencies: ["PlanKit", "PlanGenerator", "PlanTextImport", "VPApp", "BenchSupport"], path: "Benchmarks/vp-tui-bench"),
        // Apart from vp-tui-bench, so that the PostgreSQL client does not weigh on its start-up figures.
        .executableTarget(name: "vp-tui-load-bench", dependencies: ["PlanKit", "PlanKitPostgres", "BenchSupport", .product(name: "GRDB", package: "GRDB.swift")],
                          path: "Benchmarks/vp-tui-load-bench"),
        // Commands, hooks and temporary folders only tests use, kept out of the product.
        .target(
            name: "PlanKitTestSupport",
            dependencies: ["PlanKit", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/PlanKitTestSupport"
        ),
        // A throwaway PostgreSQL cluster per suite, on a Unix socket in a temporary folder.
        .target(name: "PostgresTestSupport", dependencies: ["PlanKitPostgres"], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "PlanKitPostgresTests", dependencies: ["PlanKitPostgres", "PlanKit", "PlanGenerator", "PostgresTestSupport", "PlanKitTestSupport", "VPApp",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        // The store's tests run on a SQLite file and on PostgreSQL (a throwaway cluster per suite).
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "PlanGenerator", "PlanKitTestSupport", "PlanKitPostgres",
                                                  "PostgresTestSupport"]),
        .testTarget(name: "PlanTextImportTests", dependencies: ["PlanTextImport", "PlanKit"], resources: [.copy("Fixtures")]),
        // The golden screens are read from the source tree by path, not bundled.
        .testTarget(name: "VPAppTests", dependencies: ["VPApp", "PlanKit", "PlanGenerator", "PlanKitTestSupport"], exclude: ["Golden"]),
        // Runs the built vp-tui binary as a person would, and through it vp-tui-postgres;
        // depends on both so that they are built.
        .testTarget(name: "CLITests", dependencies: ["vp-tui", "vp-tui-postgres", "VPCommandLine", "PlanKit", "PlanKitTestSupport", "PostgresTestSupport"]),
    ]
)
