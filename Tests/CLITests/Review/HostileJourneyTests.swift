import Foundation
import JourneyKit
import XCTest

/// A journey whose text holds quotes, line breaks, tabs, CJK, emoji, terminal escape
/// sequences (ESC [ 2 J, OSC 0;title BEL, C1 CSI) and each format's syntax characters
/// passes through every output without breaking it, and no output holds a raw control byte.
final class HostileJourneyTests: XCTestCase {
    let path = ReviewFixture.path("hostile")

    func run(_ args: [String], status: Int32 = 0) throws -> String {
        let r = try journeyman(arguments: args)
        XCTAssertEqual(r.status, status, r.description)
        XCTAssertEqual(r.stderr, "", r.description)
        assertNoRawControl(r.stdout, args.joined(separator: " "))
        return r.stdout
    }

    /// No C0 control but line feed (and CR, tab where a format allows them), no DEL, no C1, no bidi override.
    func assertNoRawControl(_ s: String, _ what: String, allowed: Set<Unicode.Scalar> = ["\n"], file: StaticString = #filePath, line: UInt = #line) {
        let bad = s.unicodeScalars.filter { TerminalText.isUnsafe($0) && !allowed.contains($0) }
        XCTAssertEqual(bad.map { String($0.value, radix: 16) }, [], what, file: file, line: line)
        XCTAssertFalse(s.utf8.contains(0x1B), what, file: file, line: line)
    }

    func testSummaryTextFitsEveryWidthAndShowsEscapesVisibly() throws {
        for width in [10, 17, 40, 80, 120] {
            let out = try run(["summary", path, "--width", "\(width)"])
            for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
                XCTAssertLessThanOrEqual(TerminalText.width(String(line)), width, "\(width): \(line)")
            }
            XCTAssertTrue(out.contains("\\u{1B}"), out)
        }
        let ascii = try run(["summary", path, "--ascii", "--width", "60"])
        XCTAssertTrue(ascii.utf8.allSatisfy { $0 < 0x80 }, ascii)
        XCTAssertTrue(ascii.contains("\\u{65E5}\\u{672C}\\u{8A9E}"), ascii)
        let markdown = try run(["summary", path, "--format", "markdown"])
        XCTAssertEqual(try run(["summary", path, "--format", "markdown", "--ascii"]).utf8.allSatisfy { $0 < 0x80 }, true)
        // Every table row keeps its column count: pipes in text are escaped.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            XCTAssertTrue([3, 6].contains(cells), String(line))
        }
        XCTAssertTrue(markdown.contains("\\<script\\>alert(1)\\</script\\>"), markdown)
    }

    func testMermaidLinesStayWhole() throws {
        let journey = try JourneyFile.read(path).journey
        let out = try run(["export", path, "--format", "mermaid"])
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2 + journey.stages.count + journey.stages.reduce(0) { $0 + $1.touchpoints.count })
        for line in lines.dropFirst(2) where !line.hasPrefix("    section ") {
            // name: score[: actors] with no stray syntax characters inside the parts.
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            XCTAssertTrue(parts.count == 2 || parts.count == 3, line)
            XCTAssertTrue(["1", "2", "3", "4", "5"].contains(parts[1].trimmingCharacters(in: .whitespaces)), line)
            for part in parts {
                let bare = part.replacing(/#\w+;/, with: "")
                XCTAssertFalse(bare.contains(";") || bare.contains("#") || bare.contains("%%"), line)
            }
        }
        XCTAssertTrue(out.contains("      Say #quot;hi#quot;#58; now#59; #35;1 #37;#37; \\ back\\slash: 3: VIP#44; #quot;gold#quot;#59; 金 🥇, #115;ection people#58; #35;1\n"), out)
        let flow = try run(["export", path, "--format", "mermaid", "--flowchart"])
        XCTAssertTrue(flow.contains("    s1 <-.-|\"loop #quot;back#quot;#59; #58;#35;\"| s3\n"), flow)
        XCTAssertEqual(flow.components(separatedBy: "\n    end\n").count, 3)
    }

    func testDotCSVAndDiffStayWellFormed() throws {
        let dot = try run(["export", path, "--format", "dot"])
        XCTAssertTrue(dot.contains(##">Say &quot;hi&quot;: now; #1 %% \<BR ALIGN="LEFT"/>back\slash<BR ALIGN="LEFT"/><FONT POINT-SIZE="10" COLOR="#555555">Email · Weird | model `code`</FONT>"##), dot)
        let csv = try journeyman("export", path, "--format", "csv")
        assertNoRawControl(csv.stdout, "csv", allowed: ["\n", "\r", "\t"])
        XCTAssertFalse(csv.stdout.contains("\u{9B}"))
        // A diff naming hostile text escapes it.
        let dir = Fixture.tempDir(self)
        let edited = dir.appendingPathComponent("edited.json").path
        let jq = try shell("jq -S --indent 2 '.stages[0].touchpoints[0].name = \"x\\u001b[2J\\u009b\\u202ey\"' '\(path)' > '\(edited)'")
        XCTAssertEqual(jq.status, 0, jq.description)
        let diff = try run(["diff", path, edited], status: 1)
        XCTAssertTrue(diff.contains(#"-> "x\u001b[2J\u{9B}\u{202E}y""#), diff)
        _ = try run(["diff", path, edited, "--format", "markdown"], status: 1)
    }
}
