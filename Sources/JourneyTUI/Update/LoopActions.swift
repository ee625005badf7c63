import JourneyKit

/// Editing a loop edge's label and share.
extension Editor {
    /// `E`: the journey's loop edges (the selected stage's first); Enter edits one.
    static func openLoops(_ s: inout EditorState) {
        let j = s.journey
        let stage = s.selectedStage?.id
        let mine = j.loops.filter { $0.from == stage || $0.to == stage }
        let choices = (mine + j.loops.filter { !mine.contains($0) }).map { loop in
            Choice(loop.id, "\(loopName(loop, in: j))" + (loop.label.isEmpty ? "" : " (\(loop.label))"),
                   detail: loop.share.map { "share " + Forms.formatNumber($0) + "%" } ?? "")
        }
        s.overlays.append(.picker(Picker(title: "Edit a loop edge", choices: choices, target: .editLoop)))
    }

    /// A loop edge as "From → To" with the stages' names.
    static func loopName(_ loop: LoopEdge, in j: Journey) -> String {
        "\(Choices.label(loop.from, .stage, in: j)) → \(Choices.label(loop.to, .stage, in: j))"
    }

    static func commitLoop(_ s: inout EditorState, _ id: String, _ values: FormValues) throws(FormProblem) {
        let label = (values.text(.label) ?? "").trimmingCharacters(in: .whitespaces)
        let share = try values.number(.share, range: 0...100) ?? nil
        close(&s)
        guard let li = s.journey.loops.firstIndex(where: { $0.id == id }) else { return }
        let old = s.journey.loops[li]
        guard old.label != label || old.share != share else { return }
        let what = old.label != label ? "rename loop edge '\(old.label)' to '\(label)'" : "set the share of loop edge '\(label)'"
        edit(&s, what) { j in
            j.loops[li].label = label
            j.loops[li].share = share
        }
        s.message = Message("Loop edge \(loopName(old, in: s.journey)): " + (label.isEmpty ? "no label" : "'\(label)'")
                            + (share.map { ", carries \(Forms.formatNumber($0))% back" } ?? "") + " (u undoes)")
    }
}

extension Forms {
    public static func loopEdge(_ loop: LoopEdge, in j: Journey) -> Form {
        Form("Loop edge \(Editor.loopName(loop, in: j))", [
            text(.label, "Label", loop.label),
            number(.share, "Share % carried back", loop.share),
        ], target: .loop(id: loop.id))
    }
}
