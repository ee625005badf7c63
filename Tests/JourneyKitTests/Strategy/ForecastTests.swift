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
        // Value at Engage (the first stage past Aware: Reach, Act and Convert are pre-purchase): 504 x 12 = 6,048.
        // Cost (1000 + 900 + 720 + 504) x 150 / 4 = 3,124 x 37.5 = 117,150. Leak: Convert 216 x 12 = 2,592.
        assertFigures(Forecast(framework("race")), entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 3, revenue: 6048, cost: 117_150, leak: "convert", leakValue: 2592)
    }

    func testAIDA() {
        // Attention 1000 -> 900 -> 720 -> 504 (as RACE). Every AIDA stage is at level Aware, so value is earned at
        // the last, Action: 504 x 12 = 6,048; cost 117,150.
        let f = Forecast(framework("aida"))
        assertFigures(f, entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 3, revenue: 6048, cost: 117_150, leak: "desire", leakValue: 2592)
        XCTAssertEqual(f.valueRule, .last)
    }

    func testLAER() {
        // Adopt is the first stage at level Active: value earned there by 900: 10,800. Cost 117,150 as above.
        assertFigures(Forecast(framework("laer")), entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 1, revenue: 10_800, cost: 117_150, leak: "expand", leakValue: 2592)
    }

    func testMcKinseyLoopWithoutAShareCarriesNobody() {
        // The template's loyalty loop has no share: the funnel is as RACE, with a note saying so. Value at
        // Post-purchase experience (Invested; the stages before it are Aware): 504 x 12 = 6,048.
        let f = Forecast(framework("mckinsey-cdj"))
        assertFigures(f, entering: [1000, 900, 720, 504], lost: [100, 180, 216, 201.6],
                      valueStage: 3, revenue: 6048, cost: 117_150, leak: "purchase", leakValue: 2592)
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

    /// The fenced blocks of docs/forecast.md written in this language, in order.
    static func docBlocks(_ language: String) throws -> [String] {
        let doc = try String(contentsOf: ReviewFixtures.root.appendingPathComponent("docs/forecast.md"), encoding: .utf8)
        return doc.components(separatedBy: "```" + language + "\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] + "\n" }
    }

    /// The worked example of docs/forecast.md, every figure worked out by hand (the doc explains each).
    func testTheWorkedExampleOfTheDocs() throws {
        let journey = try JourneyCodec.decode(try Self.docBlocks("json")[0]).journey
        let f = Forecast(journey)
        XCTAssertEqual(f.valueStage, 1)
        XCTAssertEqual(f.valueRule, .marked)
        XCTAssertEqual(f.notes, [])
        let shoppers = f.cohorts[0], regulars = f.cohorts[1]

        // Shoppers: 1,000 enter; Discover loses 50%. Buy gets 500 plus the loop's returns: Stay passes 90% of
        // 80% of what enters Buy, and half of that comes back, 0.36 a pass: 180 / (1 - 0.36) = 281.25.
        let returnsA = 180 / (1 - 0.8 * 0.9 * 0.5)
        XCTAssertEqual(returnsA, 281.25, accuracy: 1e-12)
        assertClose(shoppers.stages.map(\.entering), [1000, 500 + returnsA, 0.8 * (500 + returnsA)], "shoppers entering")
        assertClose(shoppers.stages.map(\.entering), [1000, 781.25, 625], "shoppers entering")
        assertClose(shoppers.stages.map(\.lost), [500, 0.2 * 781.25, 0.1 * 625], "shoppers lost")
        assertClose(shoppers.stages.map(\.lost), [500, 156.25, 62.5], "shoppers lost")
        // Conservation: lost + those staying after Stay (the half of 562.5 not carried back) = 1,000.
        XCTAssertEqual(500 + 156.25 + 62.5 + 562.5 / 2, 1000)
        // Revenue at Buy: 781.25 x 10. Cost: tech-touch 2 a year, a third per stage (one touchpoint each).
        assertClose(shoppers.stages.map(\.revenue), [0, 7812.5, 0], "shoppers revenue")
        assertClose(shoppers.stages.map(\.cost), [1000 * 2 / 3, 781.25 * 2 / 3, 625 * 2 / 3], "shoppers cost")
        XCTAssertEqual(shoppers.cost, (1000 + 781.25 + 625) * 2 / 3, accuracy: 1e-5)
        XCTAssertEqual(shoppers.margin, 7812.5 - 1604.1666667, accuracy: 1e-5)
        assertClose(shoppers.stages.map(\.leakValue), [500 * 10, 156.25 * 10, 62.5 * 10], "shoppers leak")
        XCTAssertEqual(shoppers.leak?.stage, "discover")
        // The iteration stops once a pass carries back at most 1e-12 x 1,000: 180 x 0.36^(n-1) <= 1e-9 first at
        // n - 1 = 26 (ln(1e-9 / 180) / ln 0.36 = 25.4), so n = 27; for the regulars 36 x 0.36^(n-1) <= 1e-10 at n = 28.
        XCTAssertEqual(shoppers.passes, 27)
        XCTAssertEqual(regulars.passes, 28)
        XCTAssertTrue(shoppers.converged)

        // Regulars: 100 enter, none lost at Discover (their own drop-off 0). Returns: 36 / 0.64 = 56.25.
        assertClose(regulars.stages.map(\.entering), [100, 156.25, 125], "regulars entering")
        assertClose(regulars.stages.map(\.lost), [0, 31.25, 12.5], "regulars lost")
        // Low-touch 8 a year; touchpoints reaching them: 1, 1 and 2, so 1/4, 1/4, 2/4 of it.
        assertClose(regulars.stages.map(\.cost), [100 * 8 / 4, 156.25 * 8 / 4, 125 * 8 / 2], "regulars cost")
        XCTAssertEqual(regulars.cost, 200 + 312.5 + 500, accuracy: 1e-5)
        XCTAssertEqual(regulars.revenue, 156.25 * 100, accuracy: 1e-5)
        XCTAssertEqual(regulars.margin, 15_625 - 1012.5, accuracy: 1e-5)
        XCTAssertEqual(regulars.leak?.stage, "buy")
        XCTAssertEqual(regulars.leak?.value ?? 0, 3125, accuracy: 1e-5)
        XCTAssertEqual(regulars.reachingLast, 125, accuracy: 1e-5, "loop returns count: more reach Stay than entered")

        // The journey: the stages add up the cohorts.
        assertClose(f.stages.map(\.entering), [1100, 937.5, 750], "entering")
        assertClose(f.stages.map(\.lost), [500, 187.5, 75], "lost")
        assertClose(f.stages.map(\.dropOff), [500.0 / 1100 * 100, 20, 10], "drop-off")
        assertClose(f.stages.map(\.leakValue), [5000, 1562.5 + 3125, 625 + 1250], "leak")
        XCTAssertEqual(f.leak?.stage, "discover")
        XCTAssertEqual(f.revenue, 7812.5 + 15_625, accuracy: 1e-5)
        XCTAssertEqual(f.cost, 1604.1666667 + 1012.5, accuracy: 1e-5)
        XCTAssertEqual(f.margin, 23_437.5 - 2616.6666667, accuracy: 1e-5)
        XCTAssertEqual(JSONWriter.canonicalString(ForecastData.json(f)["totals"]!),
                       JSONWriter.canonicalString(.object([
                           JSONMember("cost", .number(2616.67)), JSONMember("entering", .number(1100)), JSONMember("margin", .number(20_820.83)),
                           JSONMember("reachingLast", .number(750)), JSONMember("revenue", .number(23_437.5)),
                       ])))
    }

    func testALoopOfAHundredPercentWithNoDropOffStopsAtTheLimit() {
        var j = framework("mckinsey-cdj")
        for i in j.stages.indices { j.stages[i].dropOff = 0 }
        j.loops[0].share = 100
        let f = Forecast(j)
        // Every pass carries all 1,000 from Post-purchase back to Moment of purchase: 1,000 passes, then dropped.
        XCTAssertFalse(f.cohorts[0].converged)
        XCTAssertEqual(f.cohorts[0].passes, Forecast.maxPasses)
        assertClose(f.stages.map(\.entering), [1000, 1000, 1000 * 1000, 1000 * 1000], "entering")
        XCTAssertEqual(f.notes, ["Cohort \"all\": the loops still carried 1,000 customers back after 1000 passes; the forecast counts the first 1000."])
    }

    func testLoopSharesOverAHundredPercentAreCut() {
        var j = framework("mckinsey-cdj")
        j.loops[0].share = 70
        j.loops.append(LoopEdge(id: "skip", from: "post-purchase-experience", to: "initial-consideration", share: 70))
        let f = Forecast(j)
        XCTAssertEqual(f.notes, ["Loops leaving stage \"post-purchase-experience\" carry more than 100% in total: \"skip\" is cut to 30%."])
    }

    func testInflowOverTheHorizonAndTheHorizon() {
        var j = framework("race")
        j.settings.horizonMonths = 6
        j.cohorts[0].inflowPerYear = 2000
        // 2,000 a year over 6 months: 1,000 enter, as the framework test; money is for half a year.
        let f = Forecast(j)
        XCTAssertEqual(f.cohorts[0].entry, .inflow)
        assertClose(f.stages.map(\.entering), [1000, 900, 720, 504], "entering")
        XCTAssertEqual(f.revenue, 6048 / 2, accuracy: 1e-9)
        XCTAssertEqual(f.cost, 117_150 / 2, accuracy: 1e-9)
        XCTAssertEqual(f.horizonMonths, 6)
    }

    func testACohortsOwnDropOffOverridesTheStages() {
        var j = framework("race")
        j.cohorts[0].dropOff = ["reach": 50]
        // Reach loses 500 instead of 100; then 500 -> 400 -> 280.
        assertClose(Forecast(j).stages.map(\.entering), [1000, 500, 400, 280], "entering")
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
        // Value at Engage, which nobody reaches: 0. Cost: (1000 + 1000) x 37.5 = 75,000.
        XCTAssertEqual(f.revenue, 0)
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
