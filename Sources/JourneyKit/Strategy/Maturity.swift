import Foundation

/// One question of the maturity self-assessment.
public struct MaturityCheck: Sendable, Hashable, Identifiable {
    /// Stable id: `a2-segments` is ladder A, rung 2.
    public let id: String
    public let question: String
}

/// A rung of ladder A or a level of ladder B, with the checks that earn it.
public struct MaturityStep: Sendable, Hashable {
    public let number: Int
    public let name: String
    public let description: String
    /// What to work on to reach the next step.
    public let nextFocus: String
    public let checks: [MaturityCheck]
}

/// The two maturity ladders of the brand's engagement capability, as checklists.
///
/// Scoring: a step is reached when all of its checks and all checks of the steps below it are
/// ticked. Ladder A starts at rung 1 (Reactive), ladder B at level 0 (Unstructured campaigns);
/// a ticked check above an unreached step does not count toward the score, but is kept.
public enum Maturity {
    /// Ladder A, rungs 1 (Reactive) to 4 (Predictive). Not a race: doing a lower rung well beats a higher one done badly.
    public static let ladderA: [MaturityStep] = [
        MaturityStep(number: 1, name: "Reactive", description: "Manual batch-and-blast sends, rebuilt every time.",
                     nextFocus: "Segment the base and replace one-off blasts with a few triggered flows: welcome, abandoned cart, win-back.",
                     checks: []),
        MaturityStep(number: 2, name: "Active", description: "Segmented, triggered flows on a single channel, measured by opens.",
                     nextFocus: "Orchestrate across channels, route cohorts to different models, and steer by a health score instead of opens.",
                     checks: [
                        MaturityCheck(id: "a2-segments", question: "Do you send to defined segments or cohorts rather than to everyone?"),
                        MaturityCheck(id: "a2-triggers", question: "Do automated flows fire on customer behaviour (sign-up, abandoned cart, inactivity)?"),
                        MaturityCheck(id: "a2-measured", question: "Do you measure the result of each flow, at least opens and clicks?"),
                     ]),
        MaturityStep(number: 3, name: "Orchestrated", description: "Cross-channel, routed by cohort, steered by a health score.",
                     nextFocus: "Predict: churn and propensity scores per customer, and an individual next-best action.",
                     checks: [
                        MaturityCheck(id: "a3-cross-channel", question: "Does one flow coordinate several channels (email, push, in-app, a person)?"),
                        MaturityCheck(id: "a3-routing", question: "Are customers routed to different engagement models by cohort or value?"),
                        MaturityCheck(id: "a3-health-score", question: "Does a customer health score (usage, recency, depth, support friction) decide who gets what?"),
                     ]),
        MaturityStep(number: 4, name: "Predictive", description: "An individual next-best action for each customer, driven by AI.",
                     nextFocus: "Keep it honest: check predictions against outcomes; a brand doing a lower rung brilliantly beats one doing this rung badly.",
                     checks: [
                        MaturityCheck(id: "a4-prediction", question: "Do models predict churn or propensity for each customer?"),
                        MaturityCheck(id: "a4-next-best-action", question: "Does each customer get an individual next-best action chosen from those predictions?"),
                     ]),
    ]

    /// Ladder B, levels 0 (Unstructured campaigns) to 4 (OS-powered engagement system): each level's
    /// checks are the signs that you are there, and its focus is what to work on next.
    public static let ladderB: [MaturityStep] = [
        MaturityStep(number: 0, name: "Unstructured campaigns",
                     description: "Campaigns answer internal requests or deadlines; engagement is reactive and not tracked in one system; teams run activations on their own; little data, or in spreadsheets.",
                     nextFocus: "Start with templates, run execution from one place, and launch a first interactive campaign.",
                     checks: []),
        MaturityStep(number: 1, name: "Isolated campaigns",
                     description: "More intentional but disconnected: each campaign rebuilt from scratch with no reuse or learning; tools and data siloed, so nobody knows what works.",
                     nextFocus: "Reuse templates, bring the cost of each campaign down, and connect campaign results to your systems.",
                     checks: [
                        MaturityCheck(id: "b1-planned", question: "Are campaigns intentional, planned with a goal and an audience rather than only answering internal requests or deadlines?"),
                     ]),
        MaturityStep(number: 2, name: "Repeatable activations",
                     description: "Some automation and a few reused formats; data captured but not centralized or actionable; basic personalization, coordinated by hand.",
                     nextFocus: "Centralize the data, personalize by what customers take part in, and test journeys of several steps.",
                     checks: [
                        MaturityCheck(id: "b2-automated", question: "Do some activations run by automation once they are set up?"),
                        MaturityCheck(id: "b2-reuse", question: "Do you reuse a few formats or templates instead of rebuilding every campaign?"),
                        MaturityCheck(id: "b2-data-captured", question: "Is participation data captured, even if not yet in one place or usable?"),
                        MaturityCheck(id: "b2-personalized", question: "Is there basic personalization (name, segment, last purchase)?"),
                     ]),
        MaturityStep(number: 3, name: "Integrated engagement loops",
                     description: "Connected and always on, not bound to one campaign; data informs personalization, but launching takes time or IT, and small changes need ops.",
                     nextFocus: "Take control back: streamline the stack so marketers launch, personalize and react in real time.",
                     checks: [
                        MaturityCheck(id: "b3-always-on", question: "Is engagement connected and always on, rather than tied to one campaign at a time?"),
                        MaturityCheck(id: "b3-centralized", question: "Does engagement data flow into a CRM or CDP and inform personalization?"),
                     ]),
        MaturityStep(number: 4, name: "OS-powered engagement system",
                     description: "Always-on, personalized engagement across the journey: campaigns drive participation, participation drives data, data powers action; marketing owns execution and outcomes.",
                     nextFocus: "Keep optimizing, scale it across the organization, and tie engagement to revenue and loyalty metrics.",
                     checks: [
                        MaturityCheck(id: "b4-marketer-owned", question: "Can marketing launch, change and personalize journeys itself, without IT or ops for small changes?"),
                        MaturityCheck(id: "b4-individual", question: "Is engagement personalized and always on across the whole journey?"),
                        MaturityCheck(id: "b4-loop", question: "Do campaigns drive participation, participation feed your data, and the data power the next action?"),
                        MaturityCheck(id: "b4-outcomes", question: "Does marketing own both the execution and its outcomes?"),
                     ]),
    ]

    /// Every check, ladder A first, in the order the assessment asks them.
    public static let checks: [MaturityCheck] = (ladderA + ladderB).flatMap(\.checks)

    /// The step reached on a ladder with these checks ticked.
    public static func reached(_ ladder: [MaturityStep], _ ticked: Set<String>) -> MaturityStep {
        var current = ladder[0]
        for step in ladder.dropFirst() {
            guard step.checks.allSatisfy({ ticked.contains($0.id) }) else { break }
            current = step
        }
        return current
    }

    /// The result of an assessment on `date` (`YYYY-MM-DD`); checks are kept in question order.
    public static func assess(_ ticked: Set<String>, on date: String) -> MaturityResult {
        MaturityResult(assessed: date, rung: reached(ladderA, ticked).number, level: reached(ladderB, ticked).number,
                       checks: checks.map(\.id).filter { ticked.contains($0) })
    }

    /// The rung of ladder A with this number.
    public static func rung(_ n: Int) -> MaturityStep? { ladderA.first { $0.number == n } }

    /// The level of ladder B with this number.
    public static func level(_ n: Int) -> MaturityStep? { ladderB.first { $0.number == n } }

    /// Reads scripted answers: comma-separated check ids (`a2-segments,b1-planned`), or one
    /// `y`/`n` per check in question order (`yyynnnnn...`, exactly `checks.count` letters),
    /// or `none`. Returns the ticked ids, or the error message.
    public static func parseAnswers(_ text: String) -> Result<Set<String>, MaturityAnswerError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t.lowercased() == "none" { return .success([]) }
        let lower = t.lowercased()
        if lower.allSatisfy({ $0 == "y" || $0 == "n" }) {
            guard lower.count == checks.count else {
                return .failure(MaturityAnswerError(message: "a y/n answer string needs exactly \(checks.count) letters, one per question; got \(lower.count)"))
            }
            return .success(Set(zip(checks, lower).filter { $0.1 == "y" }.map(\.0.id)))
        }
        var out: Set<String> = []
        let ids = checks.map(\.id)
        for part in t.split(separator: ",") {
            let id = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard ids.contains(id) else {
                var message = "unknown check \"\(id)\""
                if let s = Suggest.closest(to: id, in: ids) { message += "; did you mean \"\(s)\"?" }
                return .failure(MaturityAnswerError(message: message + " (see `journeyman assess --list`)"))
            }
            out.insert(id)
        }
        return .success(out)
    }
}

/// Scripted maturity answers that could not be read.
public struct MaturityAnswerError: Error, Sendable, Hashable {
    public var message: String
}
