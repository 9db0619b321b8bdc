// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vp-tui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vp-tui", targets: ["vp-tui"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "CSystem", path: "Sources/CSystem"),
        .target(
            name: "PlanKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "VPApp", dependencies: ["PlanKit"]),
        .executableTarget(
            name: "vp-tui",
            dependencies: [
                "PlanKit",
                "VPApp",
                "CNcurses",
                "CSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "vp-tui-bench", dependencies: ["PlanKit", "VPApp"], path: "Benchmarks/vp-tui-bench"),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "VPAppTests", dependencies: ["VPApp", "PlanKit"]),
        // Runs the built vp-tui binary as a person would; depends on it so that it is built.
        .testTarget(name: "CLITests", dependencies: ["vp-tui", "PlanKit"]),
    ]
)
