import JourneyKit

/// Random valid edits of a journey, for the merge and diff properties.
struct JourneyEdits {
    var rng: SeededRandom
    var counter = 0

    mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(rng.next() % 100_000)-\(counter)"
    }

    /// The journey after 1 to 4 random edits; every edit keeps it valid.
    mutating func edit(_ journey: Journey) -> Journey {
        var j = journey
        for _ in 0..<Int.random(in: 1...4, using: &rng) { apply(&j) }
        return j
    }

    mutating func apply(_ j: inout Journey) {
        let stageIndex = j.stages.isEmpty ? nil : Int.random(in: 0..<j.stages.count, using: &rng)
        let tp: (Int, Int)? = {
            let all = j.stages.indices.flatMap { s in j.stages[s].touchpoints.indices.map { (s, $0) } }
            return all.isEmpty ? nil : all[Int.random(in: 0..<all.count, using: &rng)]
        }()
        switch Int.random(in: 0..<18, using: &rng) {
        case 0: if let (s, t) = tp { j.stages[s].touchpoints[t].name += " v\(counter)"; counter += 1 }
        case 1: if let (s, t) = tp { j.stages[s].touchpoints[t].owner = ["Ana", "Bo", "", "Cy"][Int.random(in: 0..<4, using: &rng)] }
        case 2: if let (s, t) = tp { j.stages[s].touchpoints[t].status = TouchpointStatus.allCases.randomElement(using: &rng) }
        case 3:
            if let s = stageIndex {
                let at = Int.random(in: 0...j.stages[s].touchpoints.count, using: &rng)
                j.stages[s].touchpoints.insert(Touchpoint(id: fresh("tp"), name: "New \(counter)", channel: "email"), at: at)
            }
        case 4: if let (s, t) = tp { j.stages[s].touchpoints.remove(at: t) }
        case 5:
            if let (s, t) = tp, let to = stageIndex {
                let moved = j.stages[s].touchpoints.remove(at: t)
                j.stages[to].touchpoints.insert(moved, at: Int.random(in: 0...j.stages[to].touchpoints.count, using: &rng))
            }
        case 6: if let s = stageIndex, j.stages[s].touchpoints.count > 1 { j.stages[s].touchpoints.swapAt(0, j.stages[s].touchpoints.count - 1) }
        case 7: if let s = stageIndex { j.stages[s].goal = "Goal \(counter)"; counter += 1 }
        case 8: if let s = stageIndex { j.stages[s].dropOff = Double(Int.random(in: 0...100, using: &rng)) }
        case 9: j.stages.insert(Stage(id: fresh("stage"), name: "Stage \(counter)"), at: Int.random(in: 0...j.stages.count, using: &rng))
        case 10:
            if let s = stageIndex {
                let id = j.stages[s].id
                j.loops.removeAll { $0.from == id || $0.to == id }
                j.stages.remove(at: s)
            }
        case 11: j.cohorts.append(Cohort(id: fresh("cohort"), name: "Cohort \(counter)", size: 10, model: "hybrid"))
        case 12:
            if !j.cohorts.isEmpty {
                let c = Int.random(in: 0..<j.cohorts.count, using: &rng)
                let id = j.cohorts[c].id
                j.cohorts.remove(at: c)
                for s in j.stages.indices { for t in j.stages[s].touchpoints.indices { j.stages[s].touchpoints[t].cohorts.removeAll { $0 == id } } }
            }
        case 13:
            if let (s, t) = tp, let c = j.cohorts.randomElement(using: &rng), !j.stages[s].touchpoints[t].cohorts.contains(c.id) {
                j.stages[s].touchpoints[t].cohorts.append(c.id)
            }
        case 14: if let s = stageIndex { j.stages[s].kpis.append(KPI(id: fresh("kpi"), name: "KPI \(counter)", kind: .outcome, target: 5)) }
        case 15: j.title = "Title \(counter)"; counter += 1; j.team = Team(people: Double(Int.random(in: 1...30, using: &rng)), budget: 50_000)
        case 16:
            if j.stages.count > 1 {
                j.loops.append(LoopEdge(id: fresh("loop"), from: j.stages[j.stages.count - 1].id, to: j.stages[0].id, label: "Back"))
            }
        default:
            if j.stages.count > 1 { j.stages.swapAt(0, j.stages.count - 1) }
        }
    }
}
