import Foundation
import JourneyKit

extension Editor {
    /// H / L: a card to the previous or next stage; on a header, the stage itself.
    static func moveAcross(_ s: inout EditorState, by delta: Int) {
        let si = s.selection.stage, to = si + delta
        guard s.journey.stages.indices.contains(si), s.journey.stages.indices.contains(to) else {
            s.message = Message(delta < 0 ? "Already the first stage" : "Already the last stage")
            return
        }
        if let t = s.selectedTouchpoint {
            let ti = s.selection.card
            let at = min(ti, s.journey.stages[to].touchpoints.count)
            let toName = s.journey.stages[to].name
            edit(&s, "move '\(t.name)' to \(toName)", applying: .moveCard(from: CardPosition(stage: si, index: ti), to: CardPosition(stage: to, index: at)))
            s.selection = Selection(stage: to, card: at)
            s.message = Message("Moved '\(t.name)' to \(toName)")
        } else {
            let name = s.journey.stages[si].name
            edit(&s, "move stage '\(name)' \(delta < 0 ? "left" : "right")", applying: .swapStages(si, to))
            s.selection.stage = to
            s.message = Message("Moved stage '\(name)' \(delta < 0 ? "left" : "right")" + frameworkNote(s))
        }
        ensureVisible(&s)
    }

    /// Said after a change to the stages of a journey on a built-in framework: when its
    /// stages no longer follow the framework's, the journey still names it.
    static func frameworkNote(_ s: EditorState) -> String {
        guard let fw = Framework.named(s.journey.framework.id), fw.stages != s.journey.stages.map(\.name) else { return "" }
        return "; the stages now differ from \(fw.name)'s, and the journey still names it as its framework"
    }

    /// J / K: a card up or down in its stage.
    static func reorder(_ s: inout EditorState, by delta: Int) {
        guard let t = s.selectedTouchpoint else { return }
        let si = s.selection.stage, ti = s.selection.card, to = ti + delta
        guard s.journey.stages[si].touchpoints.indices.contains(to) else {
            s.message = Message("'\(t.name)' is already the \(delta < 0 ? "first" : "last") card of \(s.journey.stages[si].name)")
            return
        }
        let label = "move '\(t.name)' \(delta < 0 ? "up" : "down")"
        edit(&s, label, applying: .moveCard(from: CardPosition(stage: si, index: ti), to: CardPosition(stage: si, index: to)))
        s.selection.card = to
        s.message = Message("Moved '\(t.name)' \(delta < 0 ? "up" : "down")")
        ensureVisible(&s)
    }
}
