import Foundation
@testable import JourneyKit
import XCTest

/// `KPIEntry.matching` looks names up in an index built once (lint calls it for every KPI of
/// every version the editor makes); it must answer as the plain definition does: the first
/// catalog entry whose normalized name, or one of whose synonyms, is the normalized name.
final class KPIMatchingTests: XCTestCase {
    /// The definition written out with Foundation, as it stood before the index.
    static func reference(_ name: String) -> KPIEntry? {
        func normalized(_ s: String) -> String {
            s.lowercased().split { $0 == " " || $0 == "\t" }.joined(separator: " ")
                .trimmingCharacters(in: .init(charactersIn: " .,:;!?()"))
        }
        let key = normalized(name)
        guard !key.isEmpty else { return nil }
        return KPIEntry.catalog.first { e in normalized(e.name) == key || e.synonyms.contains(key) }
    }

    func testTheIndexAnswersAsTheDefinition() {
        var names = ["", " ", "()", "?.!", "Activation rate", "churn", "  Churn rate ", "(Churn rate)", "churn\trate", "Churn  Rate!",
                     "NPS?", "e\u{301}", "(\u{301}churn", "churn (", ". Retention rate .", "ÉTÉ", "İ", "retention\u{00A0}rate"]
        for e in KPIEntry.catalog {
            for n in [e.name] + e.synonyms {
                names += [n, n.uppercased(), " \(n) ", "(\(n))", n.replacingOccurrences(of: " ", with: "\t \t"), n + "?", String(n.dropLast()), n + "s"]
            }
        }
        XCTAssertGreaterThan(names.count, 300)
        for n in names {
            XCTAssertEqual(KPIEntry.matching(n)?.id, Self.reference(n)?.id, "\(n.debugDescription)")
        }
        XCTAssertEqual(KPIEntry.matching("(Churn rate)")?.id, "churn-rate")
        XCTAssertEqual(KPIEntry.normalized(" (\tNet  Revenue!) "), "net revenue")
    }
}
