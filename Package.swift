// swift-tools-version:6.0
import PackageDescription

// Linux only (built and tested there): the OS calls are in Sources/JourneyKit/File/OS.swift
// and the curses driver, with Darwin branches that are not built here (docs/ARCHITECTURE.md).
let package = Package(
    name: "Journeyman",
    products: [
        .library(name: "JourneyKit", targets: ["JourneyKit"]),
        .executable(name: "journeyman", targets: ["journeyman"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The model library: Foundation only.
        .target(name: "JourneyKit"),
        // The editor: state, update, render into a cell grid. No curses.
        .target(name: "JourneyTUI", dependencies: ["JourneyKit"]),
        .systemLibrary(
            name: "CNCursesW",
            path: "Sources/CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .executableTarget(
            name: "journeyman",
            dependencies: [
                "JourneyKit",
                "JourneyTUI",
                "CNCursesW",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes large journeys for the benchmark (Scripts/bench.sh).
        .executableTarget(
            name: "journeyman-gen",
            dependencies: [
                "JourneyKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the switch between the default and the full run (SlowTests).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "JourneyKitTests", dependencies: ["JourneyKit", "TestSupport"]),
        .testTarget(name: "JourneyTUITests", dependencies: ["JourneyTUI", "JourneyKit", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["journeyman", "JourneyKit", "TestSupport"]),
        // The editor driven for real under tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["journeyman", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
