import Foundation
import XCTest

final class LintCommandTests: XCTestCase {
    /// A journey with one error, warnings, info and a suppression; every item on a known line.
    static let journey = #"""
    {"formatVersion": 2, "title": "CLI", "framework": {"id": "aarrr"},
     "kpis": [{"id": "opens", "name": "Opens", "kind": "activity"}],
     "cohorts": [
      {"id": "all", "name": "Everyone", "size": 1000, "valuePerUser": 50, "complexity": "low", "service": "self-serve", "model": "ai-augmented"}
     ],
     "stages": [
      {"id": "acquisition", "name": "Acquisition", "level": "aware", "touchpoints": [
       {"id": "ad", "name": "Ad: 50% off, today", "channel": "paid-ads", "trigger": {"kind": "event"}}]},
      {"id": "activation", "name": "Activation", "level": "active", "touchpoints": [
       {"id": "welcome", "name": "Welcome", "trigger": {"kind": "event"}, "owner": "Growth"}]},
      {"id": "retention", "name": "Retention", "level": "invested", "suppress": [{"rule": "JM016", "reason": "planned for Q3"}]},
      {"id": "referral", "name": "Referral", "level": "advocate"},
      {"id": "revenue", "name": "Revenue", "level": "invested", "touchpoints": [
       {"id": "upsell", "name": "Upsell", "channel": "email", "trigger": {"kind": "schedule"}, "model": "tech-touch", "owner": "Growth"}]}
     ]}
    """#

    static let golden = #"""
    j.json: 1 error, 9 warnings, 2 info, 1 suppressed
    Journey
      1:1    warning  JM009  The engagement model has never been reviewed (no "lastReviewed" date).
             at   .
             why  Common mistake 3: the model treated as static; customers move between levels, so review it at least yearly and its metrics quarterly.
             fix  Review the cohorts and their models, then set "lastReviewed" to the date (YYYY-MM-DD); plan the next review within a year.
      2:10   warning  JM005  The journey's only KPI, "Opens", is not part of a customer health score.
             at   .kpis
             why  Common mistake 2: playbooks shipped but health never measured (no KPI, no health score).
             fix  Define a "healthScore" (components usage frequency, recency, depth, support friction, with weights and bands), or mark the KPIs that make it up with "health": true.
      2:10   warning  JM006  The only KPI, "Opens", measures activity; none measures an outcome.
             at   .kpis
             why  Common mistake 4: activity confused with outcomes; a dashboard of opens and clicks only measures motion.
             fix  Add an outcome KPI (retention rate, churn rate, repeat purchase rate, conversion rate, CLV, NPS) beside the activity ones.
    Stage "Acquisition"
      7:3    warning  JM003  Stage "Acquisition" has 1 touchpoint and no KPI: nobody knows whether it works.
             at   .stages[0]
             why  Common mistake 2: playbooks shipped but health never measured (no KPI, no health score).
             fix  Add a KPI to the stage (or to its touchpoints) that tells whether customers get through it, e.g. activation rate or conversion rate.
      7:3    info     JM033  No touchpoint in the acquisition or onboarding stages ("Acquisition", "Activation") captures first- or zero-party data: nothing says who sits where.
             at   .stages[0]
             why  First- and zero-party data collected along the journey is the foundation: everything downstream depends on knowing who sits where.
             fix  Declare on the touchpoints that collect it what first- or zero-party data they capture and where it goes ("dataCapture": CRM, CDP).
      8:4    warning  JM015  Touchpoint "Ad: 50% off, today" has no owner.
             at   .stages[0].touchpoints[0]
             why  Low-touch trap: "low-touch" read as "low-effort"; a play nobody owns or that fires on nothing is where silent churn starts.
             fix  Set "owner" to the team or person who keeps the touchpoint working.
    Stage "Activation"
      9:3    warning  JM003  Stage "Activation" has 1 touchpoint and no KPI: nobody knows whether it works.
             at   .stages[1]
      10:4   warning  JM013  Touchpoint "Welcome" has no channel.
             at   .stages[1].touchpoints[0]
             why  Common mistake 7: inconsistency across channels; one cohort gets a slick experience in one place and a careless one in another.
             fix  Set "channel" to where the customer meets it (email, push, in-app, phone, ...; see `journeyman models`).
    Stage "Referral"
      12:3   warning  JM016  Stage "Referral" has no touchpoints.
             at   .stages[3]
             why  Building a journey starts with mapping the stages with their real drop-off points; a stage with nothing on it is a drop-off nobody works on.
             fix  Place the touchpoints that move customers through this stage, or remove the stage if the journey does not have it.
    Stage "Revenue"
      13:3   warning  JM003  Stage "Revenue" has 1 touchpoint and no KPI: nobody knows whether it works.
             at   .stages[4]
      14:70  info     JM019  Touchpoint "Upsell" is automated and sent on a schedule, not on what the customer does.
             at   .stages[4].touchpoints[0].trigger
             why  Tech-touch trap: batch-and-blast; behavioural triggers beat scheduled blasts (push opens 14.4% vs 4.19%, about 3.4x).
             fix  Fire the message on a behaviour (an event trigger) instead of a schedule, or say which behaviour the schedule stands for.
    Cohorts
      4:126  error    JM010  Cohort "Everyone" has ai-augmented as its model; AI is a layer over another model.
             at   .cohorts[0].model
             why  AI-augmented trap: it is a layer over one of the other six models, not a model on its own.
             fix  Choose the model the AI supports (e.g. tech-touch or hybrid) and list ai-augmented under "layers".
    """#

    func write(_ text: String, _ name: String, in dir: URL) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testTextOutputGroupedByStageWithExitOne() throws {
        let dir = Fixture.tempDir(self)
        try write(Self.journey + "\n", "j.json", in: dir)
        let r = try journeyman("lint", "j.json", "--today", "2026-11-22", cwd: dir)
        XCTAssertEqual(r, RunResult(status: 1, stdout: Self.golden + "\n", stderr: ""))
    }

    func testGitHubAnnotationsLineByLine() throws {
        let dir = Fixture.tempDir(self)
        try write(Self.journey, "a,b:c.json", in: dir)
        let r = try journeyman("lint", "--format", "github", "--today", "2026-11-22", "a,b:c.json", cwd: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines, [
            #"::warning file=a%2Cb%3Ac.json,line=1,col=1,endLine=15,title=JM009::The engagement model has never been reviewed (no "lastReviewed" date)."#,
            #"::warning file=a%2Cb%3Ac.json,line=2,col=10,endLine=2,endColumn=63,title=JM005::The journey's only KPI, "Opens", is not part of a customer health score."#,
            #"::warning file=a%2Cb%3Ac.json,line=2,col=10,endLine=2,endColumn=63,title=JM006::The only KPI, "Opens", measures activity; none measures an outcome."#,
            #"::error file=a%2Cb%3Ac.json,line=4,col=126,endLine=4,endColumn=139,title=JM010::Cohort "Everyone" has ai-augmented as its model; AI is a layer over another model."#,
            #"::warning file=a%2Cb%3Ac.json,line=7,col=3,endLine=8,title=JM003::Stage "Acquisition" has 1 touchpoint and no KPI: nobody knows whether it works."#,
            #"::notice file=a%2Cb%3Ac.json,line=7,col=3,endLine=8,title=JM033::No touchpoint in the acquisition or onboarding stages ("Acquisition", "Activation") captures first- or zero-party data: nothing says who sits where."#,
            #"::warning file=a%2Cb%3Ac.json,line=8,col=4,endLine=8,endColumn=98,title=JM015::Touchpoint "Ad: 50%25 off, today" has no owner."#,
            #"::warning file=a%2Cb%3Ac.json,line=9,col=3,endLine=10,title=JM003::Stage "Activation" has 1 touchpoint and no KPI: nobody knows whether it works."#,
            #"::warning file=a%2Cb%3Ac.json,line=10,col=4,endLine=10,endColumn=88,title=JM013::Touchpoint "Welcome" has no channel."#,
            #"::warning file=a%2Cb%3Ac.json,line=12,col=3,endLine=12,endColumn=61,title=JM016::Stage "Referral" has no touchpoints."#,
            #"::warning file=a%2Cb%3Ac.json,line=13,col=3,endLine=14,title=JM003::Stage "Revenue" has 1 touchpoint and no KPI: nobody knows whether it works."#,
            #"::notice file=a%2Cb%3Ac.json,line=14,col=70,endLine=14,endColumn=89,title=JM019::Touchpoint "Upsell" is automated and sent on a schedule, not on what the customer does."#,
            "",
        ])
    }

    func testGitHubEscapesLineBreaksInMessages() throws {
        let dir = Fixture.tempDir(self)
        // A touchpoint name with a real line break and a carriage return (JSON escapes in the file).
        let text = Self.journey.replacingOccurrences(of: #""name": "Welcome""#, with: #""name": "Wel\r\ncome""#)
        try write(text, "j.json", in: dir)
        let r = try journeyman("lint", "--format", "github", "j.json", cwd: dir)
        let line = r.stdout.split(separator: "\n").first { $0.contains("JM013") }
        // CR and LF are written %0D and %0A, as GitHub's workflow commands require: the annotation stays on one line.
        XCTAssertEqual(line.map(String.init), #"::warning file=j.json,line=10,col=4,endLine=10,endColumn=92,title=JM013::Touchpoint "Wel%0D%0Acome" has no channel."#)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 12)
    }

    func testJSONIsParsedBackByJq() throws {
        let dir = Fixture.tempDir(self)
        try write(Self.journey, "j.json", in: dir)
        let r = try shell("'\(Fixture.binary)' lint --format json --today 2026-11-22 j.json | jq -r '.files[0] | (.findings[] | \"\\(.rule) \\(.severity) \\(.path) \\(.line):\\(.column) \\(.stage // \"-\")\"), \"\\(.errors) \\(.warnings) \\(.info) \\(.suppressed | length)\"'", cwd: dir)
        XCTAssertEqual(r.status, 0, r.description)
        XCTAssertEqual(r.stdout, """
            JM009 warning . 1:1 -
            JM005 warning .kpis 2:10 -
            JM006 warning .kpis 2:10 -
            JM010 error .cohorts[0].model 4:126 -
            JM003 warning .stages[0] 7:3 acquisition
            JM033 info .stages[0] 7:3 acquisition
            JM015 warning .stages[0].touchpoints[0] 8:4 acquisition
            JM003 warning .stages[1] 9:3 activation
            JM013 warning .stages[1].touchpoints[0] 10:4 activation
            JM016 warning .stages[3] 12:3 referral
            JM003 warning .stages[4] 13:3 revenue
            JM019 info .stages[4].touchpoints[0].trigger 14:70 revenue
            1 9 2 1

            """)
        // Canonical: the bytes jq -S --indent 2 would write.
        let canonical = try shell("'\(Fixture.binary)' lint --format json j.json > out.json; jq -S --indent 2 . out.json | cmp - out.json && echo same", cwd: dir)
        XCTAssertEqual(canonical.stdout, "same\n", canonical.description)
    }

    func testWarningsFailOnlyWithStrict() throws {
        let dir = Fixture.tempDir(self)
        // Fix the error: the cohort becomes tech-touch with an AI layer.
        let text = Self.journey.replacingOccurrences(of: #""model": "ai-augmented"}"#, with: #""model": "tech-touch", "layers": ["ai-augmented"]}"#)
        try write(text, "w.json", in: dir)
        let plain = try journeyman("lint", "w.json", "--today", "2026-11-22", cwd: dir)
        XCTAssertEqual(plain.status, 0, plain.description)
        XCTAssertTrue(plain.stdout.hasPrefix("w.json: 0 errors, 9 warnings, 2 info, 1 suppressed\n"), plain.stdout)
        XCTAssertEqual(try journeyman("lint", "--strict", "w.json", cwd: dir).status, 1)
    }

    func testCleanJourneyHasNoFindings() throws {
        let dir = Fixture.tempDir(self)
        let r = try journeyman("new", "--framework", "aarrr", "n.json", cwd: dir)
        XCTAssertEqual(r.status, 0)
        // A fresh template has empty stages and no KPI; suppress what it cannot have yet.
        let doc = try String(contentsOf: dir.appendingPathComponent("n.json"), encoding: .utf8)
        let suppressed = doc.replacingOccurrences(of: #""title": "#, with: #""suppress": [{"rule": "JM004", "reason": "draft"}, {"rule": "JM009", "reason": "draft"}, {"rule": "JM016", "reason": "draft"}], "title": "#)
        try write(suppressed, "n.json", in: dir)
        XCTAssertEqual(try journeyman("lint", "--strict", "n.json", cwd: dir), RunResult(status: 0, stdout: "n.json: no findings, 7 suppressed\n", stderr: ""))
    }

    func testUnreadableFilesOutrankFindings() throws {
        let dir = Fixture.tempDir(self)
        try write(Self.journey, "j.json", in: dir)
        try write("{\"formatVersion\": 2,", "bad.json", in: dir)
        let missing = try journeyman("lint", "j.json", "missing.json", cwd: dir)
        XCTAssertEqual(missing.status, 66, missing.description)
        XCTAssertTrue(missing.stdout.hasPrefix("j.json: 1 error"), missing.stdout)
        XCTAssertTrue(missing.stderr.contains("missing.json"), missing.stderr)
        XCTAssertEqual(try journeyman("lint", "bad.json", "j.json", cwd: dir).status, 65)
        XCTAssertEqual(try journeyman("lint", "--today", "2026-13-01", "j.json", cwd: dir).status, 64)
        XCTAssertEqual(try journeyman("lint").status, 64)
    }

    func testColourOnlyOnATerminalWithoutNoColor() throws {
        let dir = Fixture.tempDir(self)
        try write(Self.journey, "j.json", in: dir)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("needs script(1) for a terminal") }
        let tty = try runProcess("/usr/bin/script", ["-qec", "'\(Fixture.binary)' lint --today 2026-11-22 j.json", "/dev/null"], cwd: dir)
        XCTAssertTrue(tty.stdout.contains("\u{1B}[1;31merror  \u{1B}[0m  JM010"), tty.stdout)
        XCTAssertTrue(tty.stdout.contains("\u{1B}[33mwarning\u{1B}[0m  JM009"), tty.stdout)
        let noColor = try runProcess("/usr/bin/script", ["-qec", "'\(Fixture.binary)' lint --today 2026-11-22 j.json", "/dev/null"], cwd: dir, env: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.stdout.contains("\u{1B}"), noColor.stdout)
        XCTAssertTrue(noColor.stdout.contains("error    JM010"), noColor.stdout)
    }

    func testRulesListsEveryRule() throws {
        let r = try journeyman("lint", "--rules")
        XCTAssertEqual(r.status, 0)
        let ids = r.stdout.split(separator: "\n").filter { $0.hasPrefix("JM") }.map { String($0.prefix(5)) }
        XCTAssertEqual(ids, (1...37).map { String(format: "JM%03d", $0) })
        XCTAssertTrue(r.stdout.hasPrefix("JM001  error    High-touch assigned to every cohort\n  why  Common mistake 1:"), r.stdout)
    }
}
