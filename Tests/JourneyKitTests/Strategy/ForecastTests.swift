import JourneyKit
import XCTest

/// The forecast's arithmetic, checked against figures worked out by hand in the comments.
final class ForecastTests: XCTestCase {
    /// A built-in framework's template with drop-offs 10%, 20%, 30%, ... by stage, and one cohort
    /// of 1,000 customers worth 12 a year on hybrid (150 a year) and no touchpoints, so each stage
    /// carries 1/N of the unit cost.
    func framework(_ id: String) -> Journey {
        var j = Journey.template(Framework.named(id)!)
        for i in j.stages.indices { j.stages[i].dropOff = Double(10 * (i + 1)) }
        j.cohorts = [Cohort(id: "all", name: "Everyone", size: 1000, valuePerUser: 12, model: "hybrid")]
        return j
    }

    func assertFigures(_ f: Forecast, entering: [Double], lost: [Double], valueStage: Int, revenue: Double, cost: Double,
                       leak: String, leakValue: Double, file: StaticString = #filePath, line: UInt = #line) {
        assertClose(f.stages.map(\.entering), entering, "entering", file: file, line: line)
        assertClose(f.stages.map(\.lost), lost, "lost", file: file, line: line)
        XCTAssertEqual(f.valueStage, valueStage, "value stage", file: file, line: line)
        XCTAssertEqual(f.revenue, revenue, accuracy: 1e-9, "revenue", file: file, line: line)
        XCTAssertEqual(f.cost, cost, accuracy: 1e-9, "cost", file: file, line: line)
        XCTAssertEqual(f.margin, revenue - cost, accuracy: 1e-9, "margin", file: file, line: line)
        XCTAssertEqual(f.leak?.stage, leak, "leak", file: file, line: line)
        XCTAssertEqual(f.leak?.value ?? -1, leakValue, accuracy: 1e-9, "leak value", file: file, line: line)
    }

    func assertClose(_ a: [Double], _ b: [Double], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-9 * max(1, abs(y)), "\(what): \(a) against \(b)", file: file, line: line) }
    }

    func testAARRR() {
        // Acquisition 1000, -10% = 100 lost -> 900; Activation -20% = 180 -> 720; Retention -30% = 216 -> 504;
        // Referral -40% = 201.6 -> 302.4; Revenue -50% = 151.2.
        // Value at Activation (first at level Active): 900 x 12 = 10,800.
        // Cost: (1000 + 900 + 720 + 504 + 302.4) x 150 / 5 = 3,426.4 x 30 = 102,792.
        // Leak by value: Retention 216 x 12 = 2,592 (Referral 201.6, Activation 180, Revenue 151.2, Acquisition 100).
        assertFigures(Forecast(framework("aarrr")), entering: [1000, 900, 720, 504, 302.4], lost: [100, 180, 216, 201.6, 151.2],
                      valueStage: 1, revenue: 10_800, cost: 102_792, leak: "retention", leakValue: 2592)
    }

    func testRACE() {
        // Reach 1000 -100 -> 900; Act -180 -> 720; Convert -216 -> 504; Engage -201.6.
        // Value at Act: 900 x 12 = 10,800. Cost (1000 + 900 + 720 + 504) x 150 / 4 = 3,124 x 37.5 = 117,150.
        // Leak: Convert 216 x 12 = 2,592.
        assertFigures(Forecast(framework("race")), entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 1, revenue: 10_800, cost: 117_150, leak: "convert", leakValue: 2592)
    }

    func testAIDA() {
        // Attention 1000 -> 900 -> 720 -> 504 (as RACE); value at Interest (Active): 10,800; cost 117,150.
        assertFigures(Forecast(framework("aida")), entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 1, revenue: 10_800, cost: 117_150, leak: "desire", leakValue: 2592)
    }

    func testLAER() {
        // Land is at level Active: value earned there by all 1,000: 12,000. Cost 117,150 as above.
        assertFigures(Forecast(framework("laer")), entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 0, revenue: 12_000, cost: 117_150, leak: "expand", leakValue: 2592)
    }

    func testMcKinseyLoopWithoutAShareCarriesNobody() {
        // The template's loyalty loop has no share: the funnel is as RACE, with a note saying so.
        let f = Forecast(framework("mckinsey-cdj"))
        assertFigures(f, entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 1, revenue: 10_800, cost: 117_150, leak: "moment-of-purchase", leakValue: 2592)
        XCTAssertEqual(f.notes, ["Loop \"loyalty-loop\" has no share: it carries nobody back."])
        XCTAssertEqual(f.cohorts[0].passes, 1)
    }

    func testCustomFrameworkWithNoLevelsEarnsAtTheLastStage() {
        var j = Journey.customTemplate(name: "Generic", stages: ["Awareness", "Consideration", "Purchase"])
        j.stages[0].dropOff = 50
        j.stages[1].dropOff = 50
        j.cohorts = [Cohort(id: "all", name: "Everyone", size: 1000, valuePerUser: 12, model: "hybrid")]
        // 1000 -> 500 -> 250 (Purchase has no drop-off: 0% assumed). Value at the last stage: 250 x 12 = 3,000.
        // Cost (1000 + 500 + 250) x 150 / 3 = 87,500. Leak: Awareness and Consideration both... 500 x 12 = 6,000 vs
        // 250 x 12 = 3,000: Awareness.
        let f = Forecast(j)
        assertFigures(f, entering: [1000, 500, 250], lost: [500, 250, 0], valueStage: 2, revenue: 3000, cost: 87_500,
                      leak: "awareness", leakValue: 6000)
        XCTAssertEqual(f.valueRule, .last)
        XCTAssertEqual(f.notes, ["Stage \"purchase\" has no drop-off: taken as 0% (everyone entering it passes)."])
    }

    // MARK: extremes

    func testNoCohortsAndNoStages() {
        let empty = Forecast(Journey(title: "Empty", framework: FrameworkRef(id: "aarrr")))
        XCTAssertEqual(empty.stages, [])
        XCTAssertEqual(empty.cohorts, [])
        XCTAssertNil(empty.valueStage)
        XCTAssertNil(empty.leak)
        XCTAssertEqual([empty.entering, empty.revenue, empty.cost, empty.margin, empty.reachingLast], [0, 0, 0, 0, 0])
        XCTAssertEqual(empty.notes, ["The journey has no cohorts: nobody enters.", "The journey has no stages: there is no funnel."])

        var stagesOnly = framework("race")
        stagesOnly.cohorts = []
        let f = Forecast(stagesOnly)
        XCTAssertEqual(f.stages.map(\.entering), [0, 0, 0, 0])
        XCTAssertEqual(f.stages.map(\.dropOff), [10, 20, 30, 40], "with nobody entering, the stage's own drop-off is shown")
        XCTAssertNil(f.leak)
    }

    func testDropOffZeroAndHundred() {
        var j = framework("race")
        j.stages[0].dropOff = 0
        j.stages[1].dropOff = 100
        // 1000 pass Reach; Act loses all 1000; nobody enters Convert or Engage.
        let f = Forecast(j)
        XCTAssertEqual(f.stages.map(\.entering), [1000, 1000, 0, 0])
        XCTAssertEqual(f.stages.map(\.lost), [0, 1000, 0, 0])
        XCTAssertEqual(f.stages.map(\.dropOff), [0, 100, 30, 40])
        XCTAssertEqual(f.reachingLast, 0)
        XCTAssertEqual(f.leak, Forecast.Leak(stage: "act", name: "Act", lost: 1000, value: 12_000))
        // Value at Act: 1000 x 12. Cost: (1000 + 1000) x 37.5 = 75,000.
        XCTAssertEqual(f.revenue, 12_000)
        XCTAssertEqual(f.cost, 75_000)
    }

    func testDropOffOutOfRangeIsClampedAndNaNIsTakenAsNotGiven() {
        var j = framework("race")
        j.stages[0].dropOff = 150
        j.stages[1].dropOff = -5
        j.stages[2].dropOff = .nan
        let f = Forecast(j)
        XCTAssertEqual(f.stages.map(\.dropOff), [100, 0, 0, 40])
        XCTAssertEqual(f.stages.map(\.entering), [1000, 0, 0, 0])
        XCTAssertEqual(f.notes, ["Stage \"convert\" has no drop-off: taken as 0% (everyone entering it passes)."])
    }

    func testSizeZeroAndNoSize() {
        var j = framework("race")
        j.cohorts = [Cohort(id: "zero", name: "Zero", size: 0, valuePerUser: 12, model: "hybrid"),
                     Cohort(id: "unknown", name: "Unknown", valuePerUser: 12, model: "hybrid")]
        let f = Forecast(j)
        XCTAssertEqual(f.cohorts.map(\.entry), [.size, .none])
        XCTAssertEqual(f.stages.map(\.entering), [0, 0, 0, 0])
        XCTAssertEqual([f.revenue, f.cost, f.margin], [0, 0, 0])
        XCTAssertNil(f.leak)
        XCTAssertEqual(f.notes, ["Cohort \"unknown\" has no size: taken as 0 customers."])
    }

    func testNoValueAndNoModel() {
        var j = framework("race")
        j.cohorts = [Cohort(id: "c", name: "C", size: 1000)]
        let f = Forecast(j)
        // Nothing earned or spent; the leak is then the stage losing the most customers: Convert (216).
        XCTAssertEqual([f.revenue, f.cost], [0, 0])
        XCTAssertEqual(f.leak, Forecast.Leak(stage: "convert", name: "Convert", lost: 216, value: 0))
        XCTAssertEqual(f.notes, ["Cohort \"c\" has no value per user: it earns nothing and loses nothing.",
                                 "Cohort \"c\" has no model with a known cost: its cost to serve is taken as 0."])
    }

    func testHugeFiguresStayFinite() {
        var j = framework("race")
        j.cohorts = [Cohort(id: "big", name: "Big", size: Int.max, valuePerUser: 1e300, model: "hybrid"),
                     Cohort(id: "big2", name: "Big 2", size: Int.max, valuePerUser: .infinity, model: "hybrid")]
        j.costs = CostAssumptions(perCustomerYear: ["hybrid": 1e300])
        let f = Forecast(j)
        let numbers = f.stages.flatMap { [$0.entering, $0.lost, $0.dropOff, $0.revenue, $0.cost, $0.margin, $0.leakValue] }
            + [f.revenue, f.cost, f.margin, f.entering]
        XCTAssertTrue(numbers.allSatisfy(\.isFinite), "\(numbers)")
        XCTAssertEqual(f.revenue, .greatestFiniteMagnitude)
        XCTAssertEqual(f.margin, 0, "the largest revenue less the largest cost")
        XCTAssertEqual(f.stages[0].entering, 2 * Double(Int.max))
        XCTAssertEqual(f.notes, ["Cohort \"big2\" has no value per user: it earns nothing and loses nothing."])
        let json = JSONWriter.canonicalString(ForecastData.json(f))
        XCTAssertFalse(json.contains("nan") || json.contains("inf"), json)
    }

    func testCohortFilter() {
        var j = framework("race")
        j.cohorts.append(Cohort(id: "more", name: "More", size: 500, valuePerUser: 1, model: "tech-touch"))
        let f = Forecast(j, cohort: "more")
        XCTAssertEqual(f.cohorts.map(\.cohort), ["more"])
        assertClose(f.stages.map(\.entering), [500, 450, 360, 252], "entering")
    }

    func testSummaryCarriesTheHeadline() {
        let s = Forecast.summary(framework("aarrr"))
        XCTAssertEqual(s, ForecastSummary(currency: "USD", horizonMonths: 12, entering: 1000, lastStage: "revenue", lastStageName: "Revenue",
                                          reachingLast: 302.4, leak: Forecast.Leak(stage: "retention", name: "Retention", lost: 216, value: 2592),
                                          value: 10_800, cost: 102_792))
        XCTAssertEqual(s.margin, 10_800 - 102_792)
    }
}
