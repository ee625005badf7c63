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

/// The fuzzer's SplitMix64 generator drives the random edits too, so failures reproduce.
typealias SeededRandom = FuzzTests.Random

extension FuzzTests.Random: RandomNumberGenerator {
    init(seed: UInt64) { self.init(state: seed) }
}
