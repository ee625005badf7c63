import JourneyKit

/// Moving a journey to another framework: the stages whose name or id matches a stage of the
/// new framework become that stage (with their touchpoints); the framework's other stages are
/// added; the journey's other stages are kept. No touchpoint is ever lost.
public struct FrameworkChange: Hashable, Sendable {
    /// One journey stage that becomes a stage of the framework.
    public struct Mapping: Hashable, Sendable {
        public var stageID: String
        public var from: String
        public var to: String
    }

    public var framework: Framework
    public var mapped: [Mapping]
    /// The framework's stages no journey stage matches: added, empty.
    public var added: [String]
    /// The ids of the journey stages that match no stage of the framework: kept as they are.
    public var kept: [String]
    /// The journey's stages after the change, and its loop edges (with the framework's own).
    var stages: [Stage]
    var loops: [LoopEdge]

    /// The plan for moving `journey` to `framework`.
    public init(_ journey: Journey, to framework: Framework) {
        self.framework = framework
        var match: [Int: Int] = [:]
        for (si, stage) in journey.stages.enumerated() {
            if let i = framework.index(of: stage), match[i] == nil { match[i] = si }
        }
        var ids = journey.allIDs
        var catalog: [Stage] = []
        mapped = []
        added = []
        for (i, name) in framework.stages.enumerated() {
            if let si = match[i] {
                var st = journey.stages[si]
                mapped.append(Mapping(stageID: st.id, from: st.name, to: name))
                st.name = name
                st.level = st.level ?? Journey.typicalLevel(framework.id, name)
                catalog.append(st)
            } else {
                let id = Slug.unique(from: name, fallback: "stage", taken: ids)
                ids.insert(id)
                catalog.append(Stage(id: id, name: name, level: Journey.typicalLevel(framework.id, name)))
                added.append(name)
            }
        }
        // A stage with no match stays after the journey stage it followed.
        let matched = Set(match.values)
        kept = journey.stages.indices.filter { !matched.contains($0) }.map { journey.stages[$0].id }
        var result = catalog
        var anchor: String? = nil
        for (si, stage) in journey.stages.enumerated() {
            if !matched.contains(si) {
                let at = anchor.flatMap { a in result.firstIndex { $0.id == a } }.map { $0 + 1 } ?? 0
                result.insert(stage, at: at)
            }
            anchor = stage.id
        }
        stages = result
        loops = journey.loops
        for edge in framework.loops {
            let from = catalog[edge.from].id, to = catalog[edge.to].id
            guard !loops.contains(where: { $0.from == from && $0.to == to }) else { continue }
            let id = Slug.unique(from: edge.label, fallback: "loop", taken: ids)
            ids.insert(id)
            loops.append(LoopEdge(id: id, from: from, to: to, label: edge.label))
        }
    }

    /// True when the journey already is on this framework with its stages as they are.
    public func changesNothing(_ journey: Journey) -> Bool {
        journey.framework == FrameworkRef(id: framework.id) && stages == journey.stages && loops == journey.loops
    }

    /// The journey moved: the new stages and loop edges, and the framework (custom when `custom`).
    public func apply(to journey: Journey, custom: Bool) -> Journey {
        var j = journey
        j.stages = stages
        j.loops = loops
        j.framework = custom ? FrameworkChange.customRef(framework) : FrameworkRef(id: framework.id)
        return j
    }

    /// A custom framework based on a built-in one: "LAER (by TSIA), extended".
    static func customRef(_ f: Framework) -> FrameworkRef {
        FrameworkRef(id: f.id + "-custom", name: f.name + ", extended", custom: true)
    }

    /// The preview question's text: what maps, what is added, what is kept.
    public func preview(_ journey: Journey) -> String {
        func cards(_ id: String) -> String {
            let n = journey.stages.first { $0.id == id }?.touchpoints.count ?? 0
            return n == 0 ? "" : " (\(DetailPane.plural(n, "touchpoint")))"
        }
        let maps = mapped.map { m in (m.from == m.to ? m.to : "\(m.from) → \(m.to)") + cards(m.stageID) }
        let keeps = kept.map { id in (journey.stages.first { $0.id == id }?.name ?? id) + cards(id) }
        var parts = ["Change the framework from \(journey.framework.displayName) to \(framework.name)?"]
        parts.append("Maps by name: " + (maps.isEmpty ? "none." : maps.joined(separator: ", ") + "."))
        parts.append("Adds: " + (added.isEmpty ? "none." : added.joined(separator: ", ") + "."))
        if !keeps.isEmpty {
            parts.append("Keeps (no match): " + keeps.joined(separator: ", ") + "; as your own framework it is \(FrameworkChange.customRef(framework).displayName).")
        }
        let newLoops = loops.count - journey.loops.count
        if newLoops > 0 { parts.append("Adds the \(framework.loops.map(\.label).joined(separator: ", ")) edge.") }
        parts.append("Every touchpoint stays.")
        return parts.joined(separator: " ")
    }
}

extension Editor {
    /// Ctrl-F: the framework list (the five built-ins and your own).
    static func openFrameworkChange(_ s: inout EditorState) {
        let current = s.journey.framework
        var choices = Framework.catalog.map { f in
            Choice(f.id, "\(f.name): \(f.stages.joined(separator: ", "))", detail: !current.custom && current.id == f.id ? "current" : "")
        }
        choices.append(Choice(Choices.customFramework, "Your own framework: keep these stages, give it a name", detail: current.custom ? "current" : ""))
        s.overlays.append(.picker(Picker(title: "Change the framework (now \(current.displayName))", choices: choices,
                                         selected: [current.custom ? Choices.customFramework : current.id], target: .changeFramework)))
    }

    /// A framework chosen: the preview question (or, for your own, its name).
    static func chooseFramework(_ s: inout EditorState, _ id: String) {
        if id == Choices.customFramework {
            s.overlays.append(.form(Form("Your own framework (the stages stay)", [
                Forms.text(.name, "Framework name", s.journey.framework.custom ? s.journey.framework.displayName : s.journey.framework.displayName + ", extended"),
            ], target: .frameworkName)))
            return
        }
        guard let f = Framework.named(id) else { return }
        let plan = FrameworkChange(s.journey, to: f)
        if plan.changesNothing(s.journey) {
            s.message = Message("The journey is on \(f.name) already, with its stages")
            return
        }
        let choices: [ConfirmChoice] = plan.kept.isEmpty
            ? [ConfirmChoice("y", "change it", .yes), ConfirmChoice("n", "no", .cancel)]
            : [ConfirmChoice("c", "change it, as your own framework", .custom),
               ConfirmChoice("y", "change it, named \(f.name)", .yes), ConfirmChoice("n", "no", .cancel)]
        s.overlays.append(.confirm(Confirm(plan.preview(s.journey), choices: choices, purpose: .changeFramework(id: id))))
    }

    /// The answer to the preview question: one undo step.
    static func answerFrameworkChange(_ s: inout EditorState, id: String, _ answer: ConfirmAnswer) {
        guard answer == .yes || answer == .custom, let f = Framework.named(id) else { return }
        let plan = FrameworkChange(s.journey, to: f)
        let selected = s.selectedStage?.id
        let oldName = s.journey.framework.displayName
        edit(&s, "change the framework from \(oldName) to \(f.name)") { $0 = plan.apply(to: $0, custom: answer == .custom) }
        if let selected, let si = s.journey.stages.firstIndex(where: { $0.id == selected }) { s.selection.stage = si }
        let counts = [plan.mapped.isEmpty ? nil : "\(plan.mapped.count) mapped", plan.added.isEmpty ? nil : "\(plan.added.count) added",
                      plan.kept.isEmpty ? nil : "\(plan.kept.count) kept"].compactMap { $0 }.joined(separator: ", ")
        s.message = Message("Framework \(oldName) → \(s.journey.framework.displayName): stages \(counts) (u undoes)")
    }

    static func commitFrameworkName(_ s: inout EditorState, _ values: FormValues) throws(FormProblem) {
        let name = try values.name() ?? ""
        close(&s)
        let slug = Slug.make(from: name, fallback: "custom")
        let ref = FrameworkRef(id: Framework.named(slug) == nil ? slug : slug + "-custom", name: name, custom: true)
        guard ref != s.journey.framework else { return }
        let old = s.journey.framework.displayName
        edit(&s, "make the framework your own: \(name)") { $0.framework = ref }
        s.message = Message("Framework \(old) → \(name), your own: the stages stay as they are (u undoes)")
    }
}
