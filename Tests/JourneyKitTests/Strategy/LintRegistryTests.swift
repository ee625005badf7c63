import JourneyKit
import XCTest

final class LintRegistryTests: XCTestCase {
    func testRuleIDsAreStableUniqueAndOrdered() {
        let ids = LintRule.all.map(\.id)
        XCTAssertEqual(ids, (1...37).map { String(format: "JM%03d", $0) })
        XCTAssertEqual(Set(ids).count, ids.count)
        for rule in LintRule.all {
            XCTAssertFalse(rule.title.isEmpty, rule.id)
            XCTAssertFalse(rule.reason.isEmpty, rule.id)
            XCTAssertFalse(rule.fix.isEmpty, rule.id)
        }
    }
}
