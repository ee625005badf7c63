import JourneyKit
import XCTest

final class SlugTests: XCTestCase {
    func testSlugsFromNames() {
        XCTAssertEqual(Slug.make(from: "Café welcome ✓ 欢迎", fallback: "touchpoint"), "cafe-welcome")
        XCTAssertEqual(Slug.make(from: "  Post-purchase experience!  ", fallback: "stage"), "post-purchase-experience")
        XCTAssertEqual(Slug.make(from: "欢迎", fallback: "touchpoint"), "touchpoint")
        XCTAssertEqual(Slug.make(from: "Straße", fallback: "x"), "strasse")
        XCTAssertTrue(Slug.isValid("a-b-1"))
        XCTAssertFalse(Slug.isValid("a--b"))
        XCTAssertFalse(Slug.isValid("-a"))
        XCTAssertFalse(Slug.isValid("A"))
        XCTAssertFalse(Slug.isValid(""))
    }

    func testTwoItemsWithTheSameNameGetDistinctIDs() {
        var j = Journey.template(Framework.named("aarrr")!)
        let first = j.newID(for: "Welcome email", fallback: "touchpoint")
        j.stages[0].touchpoints.append(Touchpoint(id: first, name: "Welcome email"))
        let second = j.newID(for: "Welcome email", fallback: "touchpoint")
        j.stages[1].touchpoints.append(Touchpoint(id: second, name: "Welcome email"))
        XCTAssertEqual(first, "welcome-email")
        XCTAssertEqual(second, "welcome-email-2")
        XCTAssertEqual(j.newID(for: "Acquisition", fallback: "stage"), "acquisition-2")
    }

    func testRenamingKeepsTheID() throws {
        var j = Journey.template(Framework.named("laer")!)
        j.stages[0].name = "Land and welcome"
        let back = try JourneyCodec.decode(JourneyCodec.encode(j)).journey
        XCTAssertEqual(back.stages[0].id, "land")
        XCTAssertEqual(back.stages[0].name, "Land and welcome")
    }
}
