// swift-tools-version:6.0
import PackageDescription

// Linux only: JourneyKit and the editor driver call Glibc (see docs/ARCHITECTURE.md).
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
        .testTarget(name: "JourneyKitTests", dependencies: ["JourneyKit"]),
        .testTarget(name: "JourneyTUITests", dependencies: ["JourneyTUI", "JourneyKit"]),
        .testTarget(name: "CLITests", dependencies: ["journeyman", "JourneyKit"]),
        // The editor driven for real under tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["journeyman"]),
    ],
    swiftLanguageModes: [.v6]
)
