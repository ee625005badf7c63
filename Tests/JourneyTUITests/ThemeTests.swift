import Foundation
import JourneyKit
@testable import JourneyTUI
import XCTest

final class ThemeTests: XCTestCase {
    /// The package root: this file is Tests/JourneyTUITests/ThemeTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testThemesFolderMatchesTheBuiltInCopies() throws {
        let dir = ThemeTests.root.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(files, ["default.json", "high-contrast.json", "light.json", "monochrome.json"])
        for (name, json) in BuiltInThemes.files {
            let text = try String(contentsOf: dir.appendingPathComponent("\(name).json"), encoding: .utf8)
            XCTAssertEqual(text, json + "\n", "Themes/\(name).json differs from BuiltInThemes.swift")
        }
    }

    func testEveryBuiltInThemeStylesEveryRoleAndShowsSelection() throws {
        for name in ThemeCatalog.builtInNames {
            let theme = try XCTUnwrap(ThemeCatalog.builtIn(name), name)
            XCTAssertEqual(Set(theme.styles.keys), Set(StyleRole.allCases), name)
            // The selection is drawn with reverse video on top of the role, so it shows in every theme;
            // the role itself must not be reverse (that would cancel it out).
            XCTAssertFalse(theme.style(.selectedCard).reverse, name)
        }
        XCTAssertTrue(StyleRole.allCases.allSatisfy { ThemeCatalog.builtIn("monochrome")!.style($0).isMonochrome })
    }

    func testNoColorMakesAnyThemeMonochrome() throws {
        let t = try ThemeCatalog.resolve(option: "light", environment: ["NO_COLOR": "1"])
        XCTAssertTrue(StyleRole.allCases.allSatisfy { t.style($0).isMonochrome })
        XCTAssertTrue(t.style(.title).bold)
    }

    func testThemeChoiceOrder() throws {
        XCTAssertEqual(try ThemeCatalog.resolve(option: nil, environment: [:]).name, "default")
        XCTAssertEqual(try ThemeCatalog.resolve(option: nil, environment: ["JOURNEYMAN_THEME": "light"]).name, "light")
        XCTAssertEqual(try ThemeCatalog.resolve(option: "high-contrast", environment: ["JOURNEYMAN_THEME": "light"]).name, "high-contrast")
    }

    func testUnknownThemeNameSuggestsOne() {
        XCTAssertThrowsError(try ThemeCatalog.resolve(option: "ligth", environment: [:])) { e in
            let error = e as! JourneyError
            XCTAssertEqual(error.exitCode, 64)
            XCTAssertEqual(error.description, "--theme: unknown theme 'ligth' (did you mean 'light'?); the themes are default, light, high-contrast, monochrome")
        }
    }

    func testUserThemeFromXDGConfigHome() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let themes = dir.appendingPathComponent("journeyman/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try #"{"name": "mine", "roles": {"title": {"fg": 208, "bg": "black", "attributes": ["bold"]}}}"#
            .write(to: themes.appendingPathComponent("mine.json"), atomically: true, encoding: .utf8)
        let t = try ThemeCatalog.resolve(option: "mine", environment: ["XDG_CONFIG_HOME": dir.path])
        XCTAssertEqual(t.style(.title), Style(foreground: .index(208), background: .index(0), bold: true))
        XCTAssertEqual(t.style(.card), Style())
        XCTAssertTrue(ThemeCatalog.names(environment: ["XDG_CONFIG_HOME": dir.path]).contains("mine"))
    }

    func testBrokenThemeNamesFileLineAndKey() {
        func error(_ json: String) -> String {
            do {
                _ = try ThemeParser.parse(Array(json.utf8), file: "bad.json")
                return "no error"
            } catch {
                return error.lines.joined(separator: "\n")
            }
        }
        XCTAssertEqual(error("{\"roles\": {\n  \"title\": {\"fg\": \"blu\"}}}"), """
            bad.json:2:19: .roles.title.fg: "blu" is not a colour (a name or a number 0-255); did you mean "blue"? \
            (one of: black, red, green, yellow, blue, magenta, cyan, white, default)
            """)
        XCTAssertEqual(error("{\"roles\": {\"titel\": {}}}"), "bad.json:1:12: .roles.titel: unknown key \"titel\" in the roles; did you mean \"title\"?")
        XCTAssertEqual(error("{\"roles\": {\"card\": {\"fg\": 300}}}"), "bad.json:1:27: .roles.card.fg: 300 is not a colour (a name or a number 0-255)")
        XCTAssertEqual(error("{\"roles\": {\"card\": {\"fg\": [1]}}}"),
                       "bad.json:1:27: .roles.card.fg: expected a colour (a name or a number 0-255), found an array")
        XCTAssertEqual(error("{\"roles\": {\"card\": {\"attributes\": [\"blink\"]}}}"),
                       "bad.json:1:36: .roles.card.attributes[0]: \"blink\" is not an attribute (one of: bold, reverse, underline, dim)")
        XCTAssertEqual(error("{\"roles\": {\"card\": {\"fgg\": 1}}}"), "bad.json:1:21: .roles.card.fgg: unknown key \"fgg\" in a style; did you mean \"fg\"?")
        XCTAssertEqual(error("{\"roles\": {\"card\": {\"fg\": \"red\",}}}"), "bad.json:1:33: trailing comma before '}'; remove the comma")
        XCTAssertEqual(error("{\"name\": \"x\"}"), "bad.json:1:1: .: a theme is missing the required key \"roles\"")
        XCTAssertEqual(error("[]"), "bad.json:1:1: .: expected a theme (an object with \"name\" and \"roles\"), found an array")
    }

    /// Like the journey reader, every mistake is reported, not only the first.
    func testEveryMistakeInAThemeIsReported() {
        do {
            _ = try ThemeParser.parse(Array("{\"nmae\": \"x\",\n \"roles\": {\"titel\": {},\n  \"card\": {\"fg\": \"blu\", \"attributes\": [\"bold\", 7]}}}".utf8), file: "t.json")
            XCTFail("the theme was accepted")
        } catch {
            XCTAssertEqual(error.lines, [
                "t.json:1:2: .nmae: unknown key \"nmae\" in a theme; did you mean \"name\"?",
                "t.json:2:12: .roles.titel: unknown key \"titel\" in the roles; did you mean \"title\"?",
                "t.json:3:18: .roles.card.fg: \"blu\" is not a colour (a name or a number 0-255); did you mean \"blue\"? "
                    + "(one of: black, red, green, yellow, blue, magenta, cyan, white, default)",
                "t.json:3:48: .roles.card.attributes[1]: expected an attribute name, found a number",
            ])
            XCTAssertEqual(error.exitCode, 65)
        }
    }
}
