import Foundation
import XCTest

/// Journey text, file names and arguments never reach the terminal raw: every message of
/// validate, fmt and new shows control characters, C1 controls and bidi overrides escaped.
final class ControlCharacterTests: XCTestCase {
    static let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{202E}"
    static let shown = "\\u{1B}[2J\\u{1B}]0;owned\\u{7}\\u{9B}31m\\u{202E}"

    func testNewEscapesTitleNameAndFrameworkArguments() throws {
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("j.json").path
        let r = try rawJourneyman(["new", path, "--framework", "custom", "--name", "Mine" + Self.hostile, "--stages", "A,B", "--title", Self.hostile])
        XCTAssertEqual(String(decoding: r.stdout, as: UTF8.self), "\(path): created a Mine\(Self.shown) journey with 2 stages\n")
        XCTAssertEqual(r.status, 0)
        // The file keeps the exact text.
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        XCTAssertTrue(text.contains(#""title": "\u001b[2J\u001b]0;owned\u0007\#u{9B}31m\#u{202E}""#), text)

        let bad = try rawJourneyman(["new", dir.appendingPathComponent("k.json").path, "--framework", "aarr" + Self.hostile])
        XCTAssertEqual(terminalUnsafe(bad.stdout) + terminalUnsafe(bad.stderr), [])
        XCTAssertTrue(String(decoding: bad.stderr, as: UTF8.self).contains("unknown framework 'aarr\(Self.shown)'"))
        XCTAssertEqual(bad.status, 64)

        let exists = try rawJourneyman(["new", path, "--framework", "aarrr"])
        XCTAssertEqual(terminalUnsafe(exists.stderr), [])
        XCTAssertEqual(exists.status, 73)
    }

    func testValidateAndFmtEscapeJourneyTextInEveryMessage() throws {
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("j.json").path
        let journey = """
            {"formatVersion": 2, "title": "\\u001b[31mT", "framework": {"id": "x\\u001b]0;t\\u0007"},
             "stages": [{"id": "\\u009b2J", "name": "S\u{202E}", "\\u001bkey": 1}], "loops": [{"id": "l", "from": "\\u001b", "to": "a"}]}
            """
        try Data(journey.utf8).write(to: URL(fileURLWithPath: path))
        for args in [["validate", path], ["fmt", "--check", path], ["fmt", path]] {
            let r = try rawJourneyman(args)
            XCTAssertEqual(r.status, 65, "\(args)")
            let err = String(decoding: r.stderr, as: UTF8.self)
            XCTAssertEqual(terminalUnsafe(r.stdout) + terminalUnsafe(r.stderr), [], "\(args)\n\(err)")
            XCTAssertTrue(err.contains(#".framework.id: unknown framework "x\u001b]0;t\u0007""#), err)
            XCTAssertTrue(err.contains(#".stages[0].id: "\u{9B}2J" is not a valid id"#), err)
            XCTAssertTrue(err.contains(#"unknown key "\u001bkey" in a stage"#), err)
            XCTAssertTrue(err.contains(#".loops[0].from: no stage has the id "\u001b""#), err)
            // The source excerpt shows the raw bidi override escaped.
            XCTAssertTrue(err.contains("\"name\": \"S\\u{202E}\""), err)
        }
    }

    func testRawControlBytesInFileAreShownEscapedInTheExcerpt() throws {
        let dir = Fixture.tempDir(self)
        let path = dir.appendingPathComponent("j.json").path
        try Data("{\"formatVersion\": 2, \"title\": \"a\u{1B}[31mb\u{07}\"}".utf8).write(to: URL(fileURLWithPath: path))
        let r = try rawJourneyman(["validate", path])
        XCTAssertEqual(String(decoding: r.stderr, as: UTF8.self), """
            \(path):1:33: control character U+001B inside a string; write it as \\u001B
             1 | {"formatVersion": 2, "title": "a\\u{1B}[31mb\\u{7}"}
               |                                 ^

            """)
        XCTAssertEqual(r.status, 65)
    }

    func testArgumentParserErrorsShowArgumentsEscaped() throws {
        let option = try rawJourneyman(["validate", "--\u{1B}[31mx", "x.json"])
        XCTAssertEqual(String(decoding: option.stderr, as: UTF8.self).split(separator: "\n").first, "Error: Unknown option '--\\u{1B}[31mx'")
        XCTAssertEqual(option.status, 64)
        let argument = try rawJourneyman(["frameworks", "\u{9B}2J"])
        XCTAssertEqual(String(decoding: argument.stderr, as: UTF8.self).split(separator: "\n").first, "Error: Unexpected argument '\\u{9B}2J'")
        XCTAssertEqual(argument.status, 64)
        let help = try rawJourneyman(["validate", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(String(decoding: help.stdout, as: UTF8.self).hasPrefix("OVERVIEW: Check journey files"))
        XCTAssertEqual(terminalUnsafe(help.stdout), [])
    }
}
