import Foundation
import JourneyKit
import XCTest

/// Journeys the review tests start from.
enum ReviewFixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found")
    }()

    static func journey(_ name: String) throws -> Journey {
        try JourneyFile.read(root.appendingPathComponent("Tests/Fixtures/Review/\(name).json").path).journey
    }

    static var coffee: Journey { get throws { try journey("coffee") } }

    static func canonical(_ j: Journey) -> String { JourneyCodec.encodeString(j) }

    /// True when the journey survives a write and a strict read.
    static func isValid(_ j: Journey) -> Bool {
        (try? JourneyCodec.decode(JourneyCodec.encode(j))) != nil
    }
}

/// A small deterministic random generator (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
