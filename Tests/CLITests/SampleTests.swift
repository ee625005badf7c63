import Foundation
import JourneyKit
import XCTest

/// The sample journeys in Journeys/ and journey.schema.json: each sample is valid for
/// journeyman and for an independent validator (Python's jsonschema), canonical, and
/// the set covers every built-in framework plus a custom one.
final class SampleTests: XCTestCase {
    /// What `journeyman validate` prints for each sample, run from the package root.
    static let expected: [String: String] = [
        "deals-app-race.json": "4 stages, 15 touchpoints, 4 cohorts",
        "fitness-community-custom.json": "5 stages, 19 touchpoints, 5 cohorts",
        "neobank-laer.json": "4 stages, 16 touchpoints, 4 cohorts",
        "retailer-loyalty-mckinsey.json": "4 stages, 17 touchpoints, 4 cohorts",
        "skincare-launch-aida.json": "4 stages, 15 touchpoints, 4 cohorts",
        "subscription-box-aarrr.json": "5 stages, 17 touchpoints, 5 cohorts",
    ]

    /// The one sample that is deliberately imperfect, so the linter has warnings to show.
    static let imperfect = "deals-app-race.json"

    var sampleNames: [String] { Fixture.samples.map(\.lastPathComponent) }

    var schemaPath: String { Fixture.root.appendingPathComponent("Journeys/journey.schema.json").path }

    func testThereAreAtLeastTheSixSamples() {
        XCTAssertGreaterThanOrEqual(sampleNames.count, 6)
        XCTAssertTrue(Set(SampleTests.expected.keys).isSubset(of: sampleNames), "\(sampleNames)")
    }

    func testEverySampleValidatesWithItsExactLine() throws {
        for name in sampleNames {
            let path = "Journeys/\(name)"
            let r = try journeyman("validate", path, cwd: Fixture.root)
            let line = SampleTests.expected[name].map { "\(path): valid (\($0))\n" } ?? "no expected line for \(name)"
            XCTAssertEqual(r, RunResult(status: 0, stdout: line, stderr: ""), name)
        }
    }

    func testEverySampleIsCanonical() throws {
        let paths = sampleNames.map { "Journeys/\($0)" }
        let r = try journeyman(arguments: ["fmt", "--check"] + paths, cwd: Fixture.root)
        XCTAssertEqual(r, RunResult(status: 0, stdout: "", stderr: ""))
        for path in paths + ["Journeys/journey.schema.json"] {
            let jq = try shell("jq -S --indent 2 . '\(path)' | cmp - '\(path)'", cwd: Fixture.root)
            XCTAssertEqual(jq, RunResult(status: 0, stdout: "", stderr: ""), path)
        }
    }

    func testSamplesCoverEveryBuiltInFrameworkAndACustomOne() throws {
        var builtIn: [String] = []
        var custom: [String] = []
        for url in Fixture.samples {
            let j = try JourneyFile.read(url.path).journey
            if j.framework.custom { custom.append(j.framework.id) } else { builtIn.append(j.framework.id) }
        }
        XCTAssertEqual(Set(builtIn), Set(Framework.ids))
        XCTAssertEqual(builtIn.count, Framework.ids.count, "one sample per built-in framework")
        XCTAssertEqual(custom, ["awareness-to-advocacy"])
    }

    func testTheMcKinseySampleKeepsTheTemplateStagesAndTheLoyaltyLoop() throws {
        let j = try JourneyFile.read(Fixture.root.appendingPathComponent("Journeys/retailer-loyalty-mckinsey.json").path).journey
        let template = Journey.template(Framework.named("mckinsey-cdj")!)
        // The sample predates the catalog's rename of "Moment of purchase" to "Purchase" and keeps its own
        // name and id, still recognised as the framework's purchase stage.
        let f = Framework.named("mckinsey-cdj")!
        XCTAssertEqual(j.stages.map { f.index(of: $0) }, [0, 1, 2, 3])
        XCTAssertEqual(j.stages.map(\.id), template.stages.map(\.id).map { $0 == "purchase" ? "moment-of-purchase" : $0 })
        XCTAssertEqual(j.loops.map { [$0.id, $0.from, $0.to] }, [["loyalty-loop", "post-purchase-experience", "moment-of-purchase"]])
        XCTAssertEqual(j.loops.map(\.label), ["Loyalty loop"])
        XCTAssertEqual(j.loops.map(\.share), [35], "the sample says how many loyal customers come back")
    }

    func testTheCustomSampleUsesItsOwnModel() throws {
        let j = try JourneyFile.read(Fixture.root.appendingPathComponent("Journeys/fitness-community-custom.json").path).journey
        XCTAssertEqual(j.stages.map(\.name), ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"])
        XCTAssertEqual(j.models.map { "\($0.id) \($0.basedOn ?? "-")" }, ["coach-led high-touch"])
        XCTAssertTrue(j.stages.contains { $0.touchpoints.contains { $0.model == "coach-led" } })
        XCTAssertTrue(j.cohorts.contains { $0.model == "community" })
    }

    /// The content every sample carries, and the mistakes only the deals app makes on purpose.
    func testSamplesAreCompleteAndOnlyTheDealsAppIsImperfect() throws {
        for url in Fixture.samples {
            let name = url.lastPathComponent
            let j = try JourneyFile.read(url.path).journey
            let imperfect = name == SampleTests.imperfect
            XCTAssertEqual(j.schema, "journey.schema.json", name)
            XCTAssertFalse(j.description.isEmpty || j.owner.isEmpty, name)
            XCTAssertNotNil(j.team?.people, name)
            XCTAssertNotNil(j.team?.budget, name)
            XCTAssertTrue(j.kpis.contains { $0.health }, "\(name): no health-score KPI")
            XCTAssertTrue(j.kpis.contains { $0.kind == .outcome }, "\(name): no outcome KPI")
            XCTAssertFalse(j.cohorts.isEmpty, name)
            for c in j.cohorts {
                XCTAssertTrue(c.size != nil && c.valuePerUser != nil && c.complexity != nil && c.service != nil && c.level != nil, "\(name): \(c.id)")
                XCTAssertNotEqual(c.model, "ai-augmented", "\(name): \(c.id) uses a layer as its model")
            }
            XCTAssertFalse(j.cohorts.allSatisfy { $0.model == "high-touch" }, name)
            var activityOnly: [String] = []
            var ownerless: [String] = []
            for s in j.stages {
                XCTAssertGreaterThanOrEqual(s.touchpoints.count, 3, "\(name): \(s.id)")
                XCTAssertTrue(s.level != nil && s.dropOff != nil && !s.goal.isEmpty, "\(name): \(s.id)")
                XCTAssertTrue(s.kpis.contains { $0.kind == .activity }, "\(name): \(s.id) has no activity KPI")
                if !s.kpis.contains(where: { $0.kind == .outcome }) { activityOnly.append(s.id) }
                for t in s.touchpoints {
                    XCTAssertTrue(t.channel != nil && t.trigger != nil && t.model != nil && !t.cohorts.isEmpty, "\(name): \(t.id)")
                    XCTAssertTrue(t.status != nil && t.evidence != nil && !t.content.isEmpty, "\(name): \(t.id)")
                    if t.owner.isEmpty { ownerless.append(t.id) }
                }
            }
            if imperfect {
                XCTAssertEqual(activityOnly, ["reach"], name)
                XCTAssertEqual(ownerless, ["price-drop-alert"], name)
                XCTAssertEqual(j.lastReviewed, "2025-06-30", name)
            } else {
                XCTAssertEqual(activityOnly, [], name)
                XCTAssertEqual(ownerless, [], name)
                XCTAssertTrue(j.lastReviewed?.hasPrefix("2026-") == true, "\(name): \(j.lastReviewed ?? "never reviewed")")
            }
        }
    }

    /// Every sample passes Python's jsonschema; mutated copies of one sample are
    /// rejected by the schema and by `journeyman validate` alike.
    func testSchemaAcceptsTheSamplesAndRejectsMutations() throws {
        let dir = Fixture.tempDir(self)
        let args = ["-c", SampleTests.schemaScript, schemaPath, dir.path] + Fixture.samples.map(\.path)
        let r = try runProcess("/usr/bin/env", ["python3"] + args)
        let samples = sampleNames.map { "\($0): valid\n" }.joined()
        let mutations = SampleTests.mutations.map { "\($0): \($0 == "unchanged" ? "accepted" : "rejected")\n" }.joined()
        XCTAssertEqual(r, RunResult(status: 0, stdout: "schema: valid\n" + samples + mutations, stderr: ""))

        let unchanged = try journeyman("validate", "-q", dir.appendingPathComponent("unchanged.json").path)
        XCTAssertEqual(unchanged, RunResult(status: 0, stdout: "", stderr: ""))
        let mutated = SampleTests.mutations.filter { $0 != "unchanged" }.map { dir.appendingPathComponent("\($0).json").path }
        let rejected = try journeyman(arguments: ["validate"] + mutated)
        XCTAssertEqual(rejected.status, 65, rejected.description)
        XCTAssertEqual(rejected.stdout, "", "journeyman accepted a file the schema rejects")
        for path in mutated {
            XCTAssertTrue(rejected.stderr.contains("\(path):"), "journeyman did not report \(path)\n\(rejected.stderr)")
        }
    }

    /// The names of the mutations the script makes, in order.
    static let mutations = [
        "unchanged", "bad-channel", "unknown-key", "size-as-text", "size-fraction", "bad-level", "bad-id", "bad-date",
        "custom-framework-without-name", "custom-model-with-built-in-id", "drop-off-over-100", "kpi-without-kind",
    ]

    /// Checks the schema, validates every sample against it and writes mutated copies of
    /// the custom-framework sample. Arguments: SCHEMA OUTDIR SAMPLE...
    static let schemaScript = #"""
    import copy, json, os, sys
    import jsonschema

    schema_path, out_dir, *samples = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    print("schema: valid")
    validator = jsonschema.Draft202012Validator(schema)
    docs = {}
    for path in samples:
        with open(path, encoding="utf-8") as f:
            docs[os.path.basename(path)] = doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
        report = "; ".join("/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors[:5])
        print(os.path.basename(path) + ": " + (report or "valid"))

    base = docs["fitness-community-custom.json"]
    def tp(d): return d["stages"][0]["touchpoints"][0]
    mutations = [
        ("unchanged", lambda d: None),
        ("bad-channel", lambda d: tp(d).update(channel="telegram")),
        ("unknown-key", lambda d: tp(d).update(chanel="email")),
        ("size-as-text", lambda d: d["cohorts"][0].update(size="1900")),
        ("size-fraction", lambda d: d["cohorts"][0].update(size=19.5)),
        ("bad-level", lambda d: d["stages"][0].update(level="loyal")),
        ("bad-id", lambda d: tp(d).update(id="Saturday_Run")),
        ("bad-date", lambda d: d.update(lastReviewed="2026-02-30")),
        ("custom-framework-without-name", lambda d: d["framework"].pop("name")),
        ("custom-model-with-built-in-id", lambda d: d["models"][0].update(id="hybrid")),
        ("drop-off-over-100", lambda d: d["stages"][0].update(dropOff=120)),
        ("kpi-without-kind", lambda d: d["kpis"][0].pop("kind")),
    ]
    for name, mutate in mutations:
        doc = copy.deepcopy(base)
        mutate(doc)
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
        print(name + ": " + ("accepted" if validator.is_valid(doc) else "rejected"))
    """#
}
