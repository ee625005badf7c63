import Foundation
import JourneyKit
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
        XCTAssertEqual(gaps, ["duplicate-id", "loop-to-itself", "unknown-reference"])
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
        XCTAssertTrue(kinds.isSuperset(of: SchemaDifferentialTests.refusedByBoth.union(SchemaDifferentialTests.acceptedByBoth)), "\(kinds)")
        // The gaps closed in both: every such mutation is refused by both; the near misses are accepted by both.
        for entry in manifest {
            let (file, kind) = (entry[0], entry[1])
            let reader = byReader[file] ?? true, bySchema = !refused.contains(file)
            if SchemaDifferentialTests.refusedByBoth.contains(kind) { XCTAssertFalse(reader || bySchema, "\(file): journeyman \(reader), schema \(bySchema)") }
            if SchemaDifferentialTests.acceptedByBoth.contains(kind) { XCTAssertTrue(reader && bySchema, "\(file): journeyman \(reader), schema \(bySchema)") }
        }
    }

    /// Mutations both must refuse: among them the gaps closed in the reader and the schema together.
    static let refusedByBoth: Set<String> = ["blank-name", "blank-title", "blank-reason", "duplicate-in-list", "bad-suppression-rule",
                                             "bad-maturity-check", "bad-date", "bad-id", "bad-enum", "wrong-type", "unknown-key"]
    /// Near misses both must accept: names that only look blank, lists without repeats, well-formed rule ids and checks.
    static let acceptedByBoth: Set<String> = ["valid", "named", "distinct-list", "good-suppression", "unknown-suppression-rule",
                                              "good-maturity-check", "good-date"]

    /// The schema's rules on single values are the reader's, written once in `FieldRules` and `Maturity`.
    func testTheSchemaStatesTheReadersRules() throws {
        let data = try Data(contentsOf: Fixture.root.appendingPathComponent("Journeys/journey.schema.json"))
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: [String: Any]])
        func property(_ def: String, _ name: String) -> [String: Any] {
            ((defs[def]?["properties"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
        }
        let names = ["stage", "touchpoint", "cohort", "kpi", "model", "healthComponent", "scenario", "framework"].map { property($0, "name") }
            + [((schema["properties"] as? [String: Any])?["title"] as? [String: Any]) ?? [:], property("suppression", "reason")]
        for n in names { XCTAssertEqual(n["pattern"] as? String, FieldRules.nonBlankPattern, "\(n)") }
        XCTAssertEqual(property("suppression", "rule")["pattern"] as? String, FieldRules.ruleIDPattern)
        let checks = property("maturity", "checks")
        XCTAssertEqual((checks["items"] as? [String: Any])?["enum"] as? [String], Maturity.checks.map(\.id))
        XCTAssertEqual(checks["uniqueItems"] as? Bool, true)
        let overrides = ((property("scenario", "cohorts")["items"] as? [String: Any])?["properties"] as? [String: Any])?["layers"] as? [String: Any]
        for list in [property("touchpoint", "layers"), property("touchpoint", "cohorts"), property("cohort", "layers"), overrides ?? [:]] {
            XCTAssertEqual(list["uniqueItems"] as? Bool, true, "\(list)")
        }
        // The pattern's class is exactly FieldRules' white space: Python's re (as check-jsonschema uses it) says
        // which of the first 0x3100 code points the pattern finds; those must be the ones that are not blank.
        let script = "import json,re,sys\np=re.compile(json.load(open(sys.argv[1]))['$defs']['stage']['properties']['name']['pattern'])\n"
            + "print(','.join(str(c) for c in range(0x3100) if not p.search(chr(c))))"
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script, Fixture.root.appendingPathComponent("Journeys/journey.schema.json").path])
        XCTAssertEqual(r.status, 0, r.description)
        let blankBySchema = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { UInt32($0) }
        let blankByReader = (0..<UInt32(0x3100)).filter { v in
            guard let scalar = Unicode.Scalar(v) else { return false }
            return FieldRules.isBlankScalar(scalar)
        }
        XCTAssertEqual(blankBySchema, blankByReader)
    }
}
