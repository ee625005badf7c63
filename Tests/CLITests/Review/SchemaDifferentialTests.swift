import Foundation
import TestSupport
import XCTest

/// The JSON Schema against the reader: hundreds of mutated samples through `journeyman
/// validate` and `check-jsonschema`; they disagree only on the kinds docs/review.md lists as
/// what the schema cannot express. The default run (`SlowTests`) checks every third
/// mutation of each kind, the full run all of them.
final class SchemaDifferentialTests: XCTestCase {
    /// The kinds in the docs table "What the JSON Schema cannot express".
    func documentedGaps() throws -> Set<String> {
        let doc = try String(contentsOf: Fixture.root.appendingPathComponent("docs/review.md"), encoding: .utf8)
        guard let section = doc.components(separatedBy: "## What the JSON Schema cannot express").last else { return [] }
        var kinds: Set<String> = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            if let kind = line.dropFirst(3).split(separator: "`").first { kinds.insert(String(kind)) }
        }
        return kinds
    }

    func testReaderAndSchemaAgreeExceptWhereDocumented() throws {
        let dir = Fixture.tempDir(self)
        let samples = Fixture.samples.map(\.path) + [ReviewFixture.path("coffee")]
        let gen = try runProcess("/usr/bin/env", ["python3", Fixture.root.appendingPathComponent("Scripts/schema-mutations.py").path, dir.path] + samples,
                                 env: ["KNOWN_CHECK": "a2-segments"])
        XCTAssertEqual(gen.status, 0, gen.description)
        let generated = gen.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertGreaterThanOrEqual(generated.count, 200)
        var ofKind: [String: Int] = [:]
        let manifest = generated.filter { entry in
            defer { ofKind[entry[1], default: 0] += 1 }
            return SlowTests.enabled || ofKind[entry[1], default: 0] % 3 == 0
        }
        let files = manifest.map { $0[0] }
        let jm = try journeyman(arguments: ["validate", "--format", "json"] + files, cwd: dir)
        let valid = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jm.stdout.utf8)) as? [String: Any])["files"] as? [[String: Any]] ?? []
        var byReader: [String: Bool] = [:]
        for f in valid { byReader[f["file"] as? String ?? ""] = f["valid"] as? Bool }
        let schema = Fixture.root.appendingPathComponent("Journeys/journey.schema.json").path
        let cj = try runProcess("/usr/bin/env", ["check-jsonschema", "--schemafile", schema, "-o", "json"] + files, cwd: dir)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(cj.stdout.utf8)) as? [String: Any], cj.description)
        let refused = Set(((report["errors"] as? [[String: Any]]) ?? []).compactMap { $0["filename"] as? String })
        let gaps = try documentedGaps()
        XCTAssertEqual(gaps, ["duplicate-id", "unknown-reference"])
        var disagreements: [String: Int] = [:]
        var kinds: Set<String> = []
        for entry in manifest {
            let (file, kind) = (entry[0], entry[1])
            kinds.insert(kind)
            let reader = try XCTUnwrap(byReader[file], file)
            let bySchema = !refused.contains(file)
            if reader != bySchema {
                disagreements[kind, default: 0] += 1
                XCTAssertTrue(gaps.contains(kind) && !reader && bySchema, "\(file): journeyman says \(reader ? "valid" : "invalid"), the schema \(bySchema ? "valid" : "invalid")")
            }
        }
        // Each documented gap is real: the generator produces it and the schema lets it through.
        XCTAssertEqual(Set(disagreements.keys), gaps)
        XCTAssertTrue(kinds.isSuperset(of: ["blank-name", "duplicate-in-list", "loop-to-itself", "bad-date", "good-date", "bad-suppression-rule", "bad-maturity-check"]))
    }
}
