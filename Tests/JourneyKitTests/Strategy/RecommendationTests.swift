import JourneyKit
import XCTest

final class RecommendationTests: XCTestCase {
    func cohort(_ value: Double?, _ complexity: Rating?, _ service: ServiceMode?, size: Int? = 100, model: String? = nil) -> Cohort {
        Cohort(id: "c", name: "C", size: size, valuePerUser: value, complexity: complexity, service: service, model: model)
    }

    func recommend(_ c: Cohort, team: Team? = nil, costs: CostAssumptions? = nil) -> Recommendation {
        let j = Journey(title: "T", framework: FrameworkRef(id: "aarrr"), cohorts: [c], team: team, costs: costs)
        return Recommender.recommend(c, in: j)
    }

    func testValueBandBoundariesFollowTheUnitCosts() {
        let costs = CostModel(Journey(title: "T", framework: FrameworkRef(id: "aarrr")))
        // Affordable means the unit cost is at most 20% of the value: 1500 / 0.2 = 7500, 150 / 0.2 = 750, 8 / 0.2 = 40.
        XCTAssertEqual(costs.valueBand(7500), .high)
        XCTAssertEqual(costs.valueBand(7499.99), .medium)
        XCTAssertEqual(costs.valueBand(750), .medium)
        XCTAssertEqual(costs.valueBand(749), .low)
        XCTAssertEqual(costs.valueBand(40), .low)
        XCTAssertEqual(costs.valueBand(39), .veryLow)
        XCTAssertNil(costs.valueBand(nil))
        // Overrides move the boundaries: high-touch at 3000 needs 15000.
        let pricey = CostModel(Journey(title: "T", framework: FrameworkRef(id: "aarrr"), costs: CostAssumptions(perCustomerYear: ["high-touch": 3000])))
        XCTAssertEqual(pricey.valueBand(14_999), .medium)
        XCTAssertEqual(pricey.valueBand(15_000), .high)
    }

    func testHighValueComplexConfiguredGetsHighTouch() {
        let r = recommend(cohort(20_000, .high, .configured))
        XCTAssertEqual(r.model, "high-touch")
        XCTAssertEqual(r.runnerUp, "hybrid")
        XCTAssertEqual(r.answers.map(\.question), ["Value per user", "Complexity", "Self-serve or configured", "Team capacity and budget"])
        XCTAssertEqual(r.answers[0].answer, "USD 20,000 a year: high (hybrid is affordable from USD 750, high-touch from USD 7,500)")
    }

    func testSmallButComplexConfiguredCohortGetsMoreTouchThanItsSpend() {
        // Value 300 is "low" (only low-touch is affordable), but need is high: segment by need, bounded by economics.
        let r = recommend(cohort(300, .high, .configured))
        XCTAssertEqual(r.model, "hybrid")
        XCTAssertEqual(r.runnerUp, "high-touch")
        XCTAssertTrue(r.reasons.contains { $0.hasPrefix("Segment by need, bounded by economics") }, "\(r.reasons)")
        // A very-low-value cohort that needs help gets the automated equivalent: hybrid (150) is more than half of 5.
        XCTAssertEqual(recommend(cohort(5, .high, .configured)).option, ServiceOption(model: "tech-touch", guidance: true))
        XCTAssertEqual(recommend(cohort(5, .medium, .configured)).option, ServiceOption(model: "tech-touch", guidance: true))
    }

    func testNeedBoundedByEconomics() {
        // Need 3, value pays for hybrid only (750 <= v < 7500).
        XCTAssertEqual(recommend(cohort(750, .high, .configured)).model, "hybrid")
        XCTAssertEqual(recommend(cohort(7500, .high, .configured)).model, "high-touch")
        // Need 1 (medium, self-serve): low-touch, whatever the value below high.
        XCTAssertEqual(recommend(cohort(2000, .medium, .selfServe)).model, "low-touch")
        XCTAssertEqual(recommend(cohort(2000, .medium, .selfServe)).runnerUp, "hybrid")
        // Need 1 but value pays only for tech-touch (< 40).
        XCTAssertEqual(recommend(cohort(39, .medium, .selfServe)).model, "tech-touch")
        XCTAssertEqual(recommend(cohort(40, .medium, .selfServe)).model, "low-touch")
        // Simple and self-serve: tech-touch, runner-up low-touch.
        let simple = recommend(cohort(10, .low, .selfServe))
        XCTAssertEqual([simple.model, simple.runnerUp], ["tech-touch", "low-touch"])
    }

    func testHighValueAloneIsNotHVC() {
        // One cohort holds all the customers: not a top cohort, so no HVC however much each is worth.
        let r = recommend(cohort(9000, .low, .selfServe))
        XCTAssertEqual([r.model, r.runnerUp], ["low-touch", "hybrid"])
        XCTAssertEqual(recommend(cohort(9000, .high, .selfServe)).model, "hybrid")
    }

    func testTeamThatCannotStaffHighTouchGetsHybrid() {
        // Low capacity is 2 people x 1,600 hours = 3,200 hours; high-touch takes 12 hours a customer.
        XCTAssertEqual(recommend(cohort(20_000, .high, .configured, size: 100), team: Team(people: 2, budget: 5_000_000)).model, "high-touch")
        let r = recommend(cohort(20_000, .high, .configured, size: 300), team: Team(people: 2, budget: 5_000_000))
        XCTAssertEqual([r.model, r.runnerUp], ["hybrid", "high-touch"])
        XCTAssertEqual(r.reasons.last, "Bounded by the team: high-touch for these customers takes 3,600 hours a year (2.3 FTE); the higher-value cohorts leave 3,200 of the team's 3,200 hours, so hybrid.")
        XCTAssertEqual(r.hours, 150)
        XCTAssertEqual(r.answers[3].answer, "2 people (3,200 hours a year), budget USD 5,000,000")
    }

    func testUnknownFieldsAreNamed() {
        let r = recommend(cohort(nil, nil, nil))
        XCTAssertEqual(r.model, "low-touch")  // need taken as 1, economics unbounded
        XCTAssertEqual(r.answers[0].answer, "unknown: the economics are not checked; set valuePerUser")
        XCTAssertEqual(r.answers[1].answer, "unknown (taken as medium)")
        XCTAssertEqual(r.answers[3].answer, "people not stated, budget not stated")
    }

    func testAILayerForALargeBaseWhenAffordable() {
        // 2 + 3 = 5 per customer: affordable from a value of 25.
        XCTAssertEqual(recommend(cohort(25, .low, .selfServe, size: 10_000)).layers, ["ai-augmented"])
        XCTAssertEqual(recommend(cohort(24, .low, .selfServe, size: 10_000)).layers, [])
        XCTAssertEqual(recommend(cohort(25, .low, .selfServe, size: 9_999)).layers, [])
        // A low budget (50,000) funds 10,000 x 5 exactly; for 20,000 it drops the layer, as 20,000 x 2 then fits.
        XCTAssertEqual(recommend(cohort(25, .low, .selfServe, size: 10_000), team: Team(budget: 50_000)).layers, ["ai-augmented"])
        XCTAssertEqual(recommend(cohort(25, .low, .selfServe, size: 20_000), team: Team(budget: 50_000)).layers, [])
    }

    func testAgreementWithTheCurrentModelFollowsCustomModels() {
        let c = cohort(20_000, .high, .configured, model: "white-glove")
        let j = Journey(title: "T", framework: FrameworkRef(id: "aarrr"), cohorts: [c],
                        models: [CustomModel(id: "white-glove", name: "White glove", basedOn: "high-touch")])
        let r = Recommender.recommend(c, in: j)
        XCTAssertTrue(r.agrees)
        XCTAssertEqual(r.current, "white-glove")
        XCTAssertFalse(recommend(cohort(10, .low, .selfServe, model: "high-touch")).agrees)
    }
}

final class RecommendationRuleTests: XCTestCase {
    func journey(_ cohorts: [Cohort], team: Team? = nil) -> Journey {
        Journey(title: "T", framework: FrameworkRef(id: "aarrr"), cohorts: cohorts, team: team)
    }

    func testSelfServeCohortsSplitByValueAndScale() {
        // Low band (40 <= v < 750) can afford help on demand: low-touch.
        let low = Cohort(id: "a", name: "A", size: 99_999, valuePerUser: 100, complexity: .low, service: .selfServe)
        XCTAssertEqual(Recommender.recommend(low, in: journey([low])).model, "low-touch")
        // The same cohort at 1,000,000 customers: human contact is uneconomic, tech-touch.
        var huge = low
        huge.size = 1_000_000
        let r = Recommender.recommend(huge, in: journey([huge]))
        XCTAssertEqual([r.model, r.runnerUp], ["tech-touch", "low-touch"])
        // Medium complexity needs some help whatever the scale.
        huge.complexity = .medium
        XCTAssertEqual(Recommender.recommend(huge, in: journey([huge])).model, "low-touch")
    }

    func testTopCohortByShareGetsHVC() {
        // 1,000 of 101,000 customers (1%) bring 5,000,000 of 7,000,000 (71%) of the value.
        let vip = Cohort(id: "vip", name: "VIP", size: 1_000, valuePerUser: 5_000, complexity: .low, service: .selfServe)
        let mass = Cohort(id: "mass", name: "Mass", size: 100_000, valuePerUser: 20, complexity: .low, service: .selfServe)
        XCTAssertTrue(Decision.isTopCohort(vip, in: journey([vip, mass])))
        XCTAssertFalse(Decision.isTopCohort(mass, in: journey([vip, mass])))
        let r = Recommender.recommend(vip, in: journey([vip, mass]))
        XCTAssertEqual([r.model, r.runnerUp], ["hvc", "hybrid"])
        XCTAssertTrue(r.reasons.contains { $0.hasPrefix("A small share of the customers") }, "\(r.reasons)")
        // HVC costs 900: below a value of 4,500 it is not affordable, so no HVC even for the top cohort.
        var cheap = vip
        cheap.valuePerUser = 4_499
        let massCheap = Cohort(id: "mass", name: "Mass", size: 100_000, valuePerUser: 1, complexity: .low, service: .selfServe)
        XCTAssertTrue(Decision.isTopCohort(cheap, in: journey([cheap, massCheap])))
        XCTAssertEqual(Recommender.recommend(cheap, in: journey([cheap, massCheap])).model, "low-touch")
        // A cohort holding more than 20% of the customers is not a top cohort.
        let big = Cohort(id: "big", name: "Big", size: 30_000, valuePerUser: 5_000)
        XCTAssertFalse(Decision.isTopCohort(big, in: journey([big, mass])))
    }

    func testCommunityIsKeptWhereLowTouchWouldDo() {
        let c = Cohort(id: "fans", name: "Fans", size: 5_000, valuePerUser: 190, complexity: .medium, service: .selfServe, model: "community")
        let r = Recommender.recommend(c, in: journey([c]))
        XCTAssertEqual([r.model, r.runnerUp], ["community", "low-touch"])
        XCTAssertTrue(r.agrees)
        // Not when the cohort needs a person.
        var configured = c
        configured.complexity = .high
        configured.service = .configured
        XCTAssertEqual(Recommender.recommend(configured, in: journey([configured])).option, ServiceOption(model: "low-touch", guidance: true))
    }
}
