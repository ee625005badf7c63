// swift-tools-version:6.0
// The libFuzzer target for the journey reader, kept out of the main package build.
// Build and run it with Scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "JourneyFuzz",
    dependencies: [.package(name: "Journeyman", path: "..")],
    targets: [
        .executableTarget(
            name: "JourneyFuzz",
            dependencies: [.product(name: "JourneyKit", package: "Journeyman")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
