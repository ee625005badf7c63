import Foundation
import XCTest

/// `lint` and `validate` in json, github and sarif: broken files are reported with their
/// places, annotations are escaped as GitHub requires and name files from the repository root.
final class MachineFormatTests: XCTestCase {
    var dir: URL!
    /// No workspace from the environment unless a test sets one.
    let noWorkspace = ["GITHUB_WORKSPACE": ""]

    override func setUpWithError() throws {
        dir = Fixture.tempDir(self)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func coffee(_ edit: String = ".") throws -> String {
        let r = try runProcess("/usr/bin/env", ["jq", "-S", "--indent", "2", edit, ReviewFixture.path("coffee")])
        XCTAssertEqual(r.status, 0, r.description)
        return r.stdout
    }

    func testLintJsonCarriesASyntaxErrorWithItsPlace() throws {
        let r = try journeyman("lint", "--format", "json", "Tests/Corpus/syntax-missing-comma.json", cwd: Fixture.root)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stdout, """
            {
              "files": [
                {
                  "errors": 1,
                  "file": "Tests/Corpus/syntax-missing-comma.json",
                  "findings": [
                    {
                      "column": 3,
                      "line": 76,
                      "message": "missing ',' before this key; add one after the previous value",
                      "rule": "invalid",
                      "severity": "error"
                    }
                  ],
                  "info": 0,
                  "suppressed": [],
                  "valid": false,
                  "warnings": 0
                }
              ]
            }

            """)
        XCTAssertEqual(r.stderr, """
            Tests/Corpus/syntax-missing-comma.json:76:3: missing ',' before this key; add one after the previous value
             76 |   "stages": [
                |   ^

            """)
    }

    func testLintGithubAnnotatesACheckErrorAndAMissingFile() throws {
        let r = try journeyman("lint", "--format", "github", "Tests/Corpus/type-title-number.json", "Tests/Corpus/no-such-file.json",
                               cwd: Fixture.root, env: noWorkspace)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stdout, """
            ::error file=Tests/Corpus/type-title-number.json,line=188,col=12,title=invalid journey::.title: expected a string, found a number
            ::error file=Tests/Corpus/no-such-file.json,title=unreadable file::no such file; check the path

            """)
    }

    func testValidateFormats() throws {
        let good = try write(try coffee(), "good.json")
        let bad = try write(try coffee(".stages[0].touchpoints[0].channel = \"telegram\""), "bad.json")
        let json = try journeyman("validate", "--format", "json", good, bad, cwd: dir)
        XCTAssertEqual(json.status, 65)
        XCTAssertEqual(json.stdout, """
            {
              "files": [
                {
                  "cohorts": 2,
                  "errors": [],
                  "file": "\(good)",
                  "stages": 4,
                  "touchpoints": 7,
                  "valid": true
                },
                {
                  "errors": [
                    {
                      "column": 22,
                      "line": 77,
                      "message": "\\"telegram\\" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)",
                      "path": ".stages[0].touchpoints[0].channel",
                      "rule": "invalid",
                      "severity": "error"
                    }
                  ],
                  "file": "\(bad)",
                  "valid": false
                }
              ]
            }

            """)
        let github = try journeyman("validate", "--format", "github", "good.json", "bad.json", cwd: dir, env: ["GITHUB_WORKSPACE": dir.path])
        XCTAssertEqual(github.status, 65)
        XCTAssertEqual(github.stdout, """
            ::error file=bad.json,line=77,col=22,title=invalid journey::.stages[0].touchpoints[0].channel: "telegram" is not a valid channel (one of: email, push, sms, in-app, whatsapp, web, social, paid-ads, search, support-chat, phone, events, direct-mail, packaging, community, sales-call)

            """)
        let text = try journeyman("validate", "good.json", cwd: dir)
        XCTAssertEqual(text, RunResult(status: 0, stdout: "good.json: valid (4 stages, 7 touchpoints, 2 cohorts)\n", stderr: ""))
    }

    /// CR, LF and % in messages and properties become %0D, %0A and %25; ':' and ',' in properties %3A and %2C.
    func testGithubEscapingOfMessagesAndProperties() throws {
        let journey = try coffee(#".stages[0].touchpoints[0].owner = "" | .stages[0].touchpoints[0].name = "Ads\r\n100% off""#)
        let file = try write(journey, "a:b,c.json")
        let r = try journeyman("lint", "--format", "github", "--today", "2026-11-22", file, cwd: dir, env: ["GITHUB_WORKSPACE": dir.path])
        XCTAssertEqual(r.status, 0, r.description)
        let line = r.stdout.split(separator: "\n").first { $0.contains("JM015") }
        XCTAssertEqual(line.map(String.init), #"::warning file=a%3Ab%2Cc.json,line=76,col=9,endLine=87,title=JM015::Touchpoint "Ads%0D%0A100%25 off" has no owner."#)
    }

    /// Paths are relative to git's top level when GITHUB_WORKSPACE is not set, and to it when it is.
    func testAnnotationPathsAreRelativeToTheRepositoryRoot() throws {
        _ = try write(try coffee(".title = 1"), "journeys/club.json")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tools"), withIntermediateDirectories: true)
        XCTAssertEqual(try shell("git init -q", cwd: dir).status, 0)
        let fromGit = try journeyman("validate", "--format", "github", "../journeys/club.json", cwd: dir.appendingPathComponent("tools"), env: noWorkspace)
        XCTAssertEqual(fromGit.stdout, "::error file=journeys/club.json,line=208,col=12,title=invalid journey::.title: expected a string, found a number\n")
        let fromWorkspace = try journeyman("validate", "--format", "github", dir.appendingPathComponent("journeys/club.json").path,
                                           env: ["GITHUB_WORKSPACE": dir.appendingPathComponent("journeys").path])
        XCTAssertEqual(fromWorkspace.stdout, "::error file=club.json,line=208,col=12,title=invalid journey::.title: expected a string, found a number\n")
    }

    /// A finding on a value gives where it ends: endColumn on one line, endLine for a block.
    func testGithubEndLineAndColumn() throws {
        let r = try journeyman("lint", "--format", "github", "--today", "2026-11-22", "Journeys/deals-app-race.json", cwd: Fixture.root, env: noWorkspace)
        XCTAssertEqual(r.status, 0)
        // Four of its findings: on one line, on a stage block, on a touchpoint block, on a trigger.
        let lines = Set(r.stdout.split(separator: "\n").map(String.init))
        for line in [
            #"::warning file=Journeys/deals-app-race.json,line=104,col=19,endLine=104,endColumn=30,title=JM009::The engagement model was last reviewed on 2025-06-30, more than 12 months before 2026-11-22."#,
            #"::warning file=Journeys/deals-app-race.json,line=111,col=15,endLine=126,title=JM006::Stage "Reach" measures only activity ("Ad impressions", "Ad clicks"); nothing says whether customers get through it."#,
            #"::warning file=Journeys/deals-app-race.json,line=363,col=9,endLine=378,title=JM015::Touchpoint "Price-drop alert" has no owner."#,
            #"::notice file=Journeys/deals-app-race.json,line=445,col=22,endLine=448,title=JM019::Touchpoint "Personal weekly digest" is automated and sent on a schedule, not on what the customer does."#,
        ] {
            XCTAssertTrue(lines.contains(line), "missing \(line)\nin\n\(r.stdout)")
        }
    }

    /// The SARIF log of findings, a suppressed finding, an invalid and a missing file passes the
    /// SARIF 2.1.0 JSON Schema (python jsonschema, the schema from PyPI put in place by .ci/run).
    func testSarifPassesTheSchema() throws {
        let schema = Fixture.root.appendingPathComponent(".build/test-tools/sarif-schema-2.1.0.json").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: schema), "run Scripts/sarif-schema.sh (CI does) to fetch the SARIF schema")
        let suppressed = try write(try coffee(#".stages[0].suppress = [{"rule": "JM003", "reason": "measured elsewhere"}]"#), "with space/coffee.json")
        let broken = try write("{\"formatVersion\": 2,\n  \"title\": 1\n", "broken.json")
        let lint = try journeyman("lint", "--format", "sarif", "--today", "2026-11-22", suppressed, broken, dir.appendingPathComponent("missing.json").path,
                                  cwd: dir, env: ["GITHUB_WORKSPACE": dir.path])
        XCTAssertEqual(lint.status, 65, lint.description)
        let validate = try journeyman("validate", "--format", "sarif", suppressed, broken, cwd: dir, env: ["GITHUB_WORKSPACE": dir.path])
        XCTAssertEqual(validate.status, 65, validate.description)
        for (name, log) in [("lint", lint.stdout), ("validate", validate.stdout)] {
            let out = try write(log, "\(name).sarif")
            let check = try runProcess("/usr/bin/env", ["python3", "-c", """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                log = json.load(open(sys.argv[2]))
                jsonschema.Draft4Validator.check_schema(schema)
                errors = sorted(e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log))
                results = log["runs"][0]["results"]
                print(len(errors), "schema errors")
                for e in errors: print(e)
                for r in results:
                    loc = r["locations"][0]["physicalLocation"]
                    reg = loc.get("region", {})
                    print(r["ruleId"], r["level"], loc["artifactLocation"]["uri"], reg.get("startLine"), reg.get("startColumn"),
                          reg.get("endLine"), reg.get("endColumn"), "suppressed" if r.get("suppressions") else "")
                """, schema, out])
            XCTAssertEqual(check.status, 0, check.description)
            if name == "lint" {
                // The lint rules' findings on the fixture are their own tests' business; these are ours.
                let lines = check.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                XCTAssertEqual(lines.first, "0 schema errors", check.stdout)
                XCTAssertEqual(Array(lines.suffix(4)), [
                    "JM003 warning with%20space/coffee.json 69 5 103 6 suppressed", "invalid error broken.json 3 1 None None ",
                    "unreadable error missing.json None None None None ", "",
                ], check.stdout)
                XCTAssertTrue(lines.contains("JM014 warning with%20space/coffee.json 82 9 93 10 "), check.stdout)
            } else {
                XCTAssertEqual(check.stdout, """
                    0 schema errors
                    invalid error broken.json 3 1 None None 

                    """)
            }
        }
    }
}
