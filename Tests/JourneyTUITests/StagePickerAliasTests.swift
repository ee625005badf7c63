import JourneyKit
import XCTest
@testable import JourneyTUI

/// Searching stages by another name: AIDA's Attention is also called Awareness.
final class StagePickerAliasTests: XCTestCase {
    func testAwarenessFindsAttention() {
        let j = Journey.template(Framework.named("aida")!)
        let picker = Picker(title: "Stage", choices: Choices.choices(.stage, in: j), target: .formField(0), filter: "awareness")
        XCTAssertEqual(picker.visible.map(\.id), ["attention"])
        XCTAssertEqual(Picker(title: "Stage", choices: Choices.choices(.stage, in: j), target: .formField(0), filter: "desire").visible.map(\.id), ["desire"])
        // A custom framework has no other names.
        let custom = Journey.customTemplate(name: "Mine", stages: ["Attention", "Awareness drive"])
        XCTAssertEqual(Picker(title: "Stage", choices: Choices.choices(.stage, in: custom), target: .formField(0), filter: "awareness").visible.map(\.id), ["awareness-drive"])
    }
}
