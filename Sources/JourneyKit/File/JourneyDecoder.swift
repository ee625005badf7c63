import Foundation

/// Limits on what a journey may hold, so a hostile file cannot exhaust memory.
public struct JourneyLimits: Hashable, Sendable {
    /// The largest file read, in bytes (64 MiB by default).
    public var maxFileBytes: Int
    /// The most elements one array may hold.
    public var maxItems: Int
    public var json: JSONLimits

    public init(maxFileBytes: Int = 64 << 20, maxItems: Int = 1_000_000, json: JSONLimits = .default) {
        self.maxFileBytes = maxFileBytes
        self.maxItems = maxItems
        self.json = json
    }

    public static let `default` = JourneyLimits()
}

/// Turns a JSON tree into a `Journey`, strictly: unknown keys (with a suggestion),
/// wrong types, bad enum values, bad ids, duplicate ids and dangling references are
/// all reported, each at its place, in one pass.
struct JourneyDecoder {
    var diagnostics: [Diagnostic] = []
    let source: SourceText?
    let limits: JourneyLimits
    /// The text being decoded.
    let tape: JSONTape
    /// Every id seen, with the tape entry of the value that first defined it.
    var ids: IDTable
    /// Model, cohort and stage references to check once all are known.
    var modelRefs = References()
    var cohortRefs = References()
    var stageRefs = References()
    var kpiRefs = References()
    var touchpointRefs = References()
    /// Where a health band sends a customer: a touchpoint or a routing rule.
    var bandRefs = References()
    /// Routing rule ids, as they are read (cohorts come before the stages).
    var routingIDs: [String] = []
    /// KPI ids, as they are read.
    var kpiIDs: [String] = []

    /// An id used by the tape entry `entry`: a value, or a key that names a model.
    struct Reference {
        var id: String
        var entry: Int
    }

    /// References to one kind of item; those to ids already known are not kept.
    struct References {
        /// The ids defined so far, once the items are read.
        var known: Set<String>? = nil
        var unresolved: [Reference] = []

        mutating func add(_ id: String, _ entry: Int) {
            if known?.contains(id) == true { return }
            unresolved.append(Reference(id: id, entry: entry))
        }
    }

    /// The format version the file was written in: format 1 named the framework as a plain string.
    var sourceFormatVersion = Journey.formatVersion

    static let maxDiagnostics = 100

    init(source: SourceText?, limits: JourneyLimits, tape: JSONTape) {
        self.source = source
        self.limits = limits
        self.tape = tape
        ids = IDTable(tape: tape)
    }

    mutating func report(_ offset: Int?, _ path: JSONPath?, _ message: String) {
        guard diagnostics.count < JourneyDecoder.maxDiagnostics else { return }
        let loc = offset.flatMap { o in source.map { $0.location(of: o) } }
        diagnostics.append(Diagnostic(location: loc, path: path, message: message))
    }

    // MARK: - Objects and fields

    /// The members of an object, reporting unknown keys; nil (with a report) when not an object.
    mutating func members(_ node: JSONValue, _ path: JSONPath, _ what: String, keys: KeyList) -> Fields? {
        guard node.isObject else {
            report(node.offset, path, DiagnosticText.expected("\(what) (an object)", found: node.typeName))
            return nil
        }
        var out = Fields(keys: keys)
        node.forEachMember { k, v in
            if let position = keys.position(of: k) {
                out.values[position] = v
            } else {
                let key = k.string ?? ""
                report(k.offset, path.key(key), DiagnosticText.unknownKey(key, in: what, allowed: keys.names))
            }
        }
        return out
    }

    mutating func required(_ fields: Fields, _ key: StaticString, _ parent: JSONValue, _ path: JSONPath, _ what: String) -> JSONValue? {
        if let v = fields[key] { return v }
        report(parent.offset, path, DiagnosticText.missingKey(key.description, in: what))
        return nil
    }

    mutating func string(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath) -> String? {
        guard let node else { return nil }
        guard let s = node.string else {
            report(node.offset, path(), "expected a string, found \(node.typeName)")
            return nil
        }
        return s
    }

    mutating func bool(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath) -> Bool? {
        guard let node else { return nil }
        guard let b = node.bool else {
            report(node.offset, path(), "expected true or false, found \(node.typeName)")
            return nil
        }
        return b
    }

    mutating func number(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, range: ClosedRange<Double>? = nil, what: String = "a number") -> Double? {
        guard let node else { return nil }
        guard let d = node.number else {
            report(node.offset, path(), "expected \(what), found \(node.typeName)")
            return nil
        }
        if let range, !range.contains(d) {
            report(node.offset, path(), "\(JSONWriter.formatNumber(d)) is out of range; expected \(what) from \(JSONWriter.formatNumber(range.lowerBound)) to \(JSONWriter.formatNumber(range.upperBound))")
            return nil
        }
        return d
    }

    mutating func integer(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard let d = node.number, d == d.rounded(), abs(d) < 9.0e15 else {
            report(node.offset, path(), "expected a whole number, found \(node.typeName == "a number" ? "a fraction" : node.typeName)")
            return nil
        }
        let i = Int(d)
        guard range.contains(i) else {
            report(node.offset, path(), "\(i) is out of range; expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return i
    }

    mutating func enumValue<E: JourneyEnum>(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, _ type: E.Type, what: String) -> E? {
        guard let s = string(node, path()), let node else { return nil }
        if let e = E(rawValue: s) { return e }
        report(node.offset, path(), JourneyDecoder.notAChoice(s, "a valid \(what)", E.allIDs))
        return nil
    }

    /// "\"x\" is not a valid channel; did you mean \"y\"? (one of: ...)"
    static func notAChoice(_ value: String, _ what: String, _ choices: [String]) -> String {
        DiagnosticText.notAChoice(value, what, choices)
    }

    /// The array at `node` and its element count; nil (with a report) when not an array or too long.
    mutating func array(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath) -> (JSONValue, count: Int)? {
        guard let node else { return nil }
        guard node.isArray else {
            report(node.offset, path(), "expected an array, found \(node.typeName)")
            return nil
        }
        let count = node.count
        if count > limits.maxItems {
            report(node.offset, path(), "\(count) elements is more than the limit of \(limits.maxItems)")
            return nil
        }
        return (node, count)
    }

    mutating func list<T>(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, _ each: (inout JourneyDecoder, JSONValue, JSONPath) -> T?) -> [T] {
        guard let (items, count) = array(node, path()) else { return [] }
        let base = path()
        var out: [T] = []
        out.reserveCapacity(count)
        var i = 0
        items.forEachElement { item in
            if let v = each(&self, item, base.index(i)) { out.append(v) }
            i += 1
        }
        return out
    }

    mutating func strings(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath) -> [String] {
        elements(node, path) { d, item, p in d.string(item, p()) }
    }

    /// Like `list`, for elements that need their path only to report a problem.
    mutating func elements<T>(_ node: JSONValue?, _ path: () -> JSONPath, _ each: (inout JourneyDecoder, JSONValue, () -> JSONPath) -> T?) -> [T] {
        guard let (items, count) = array(node, path()) else { return [] }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = 0
        withoutActuallyEscaping(path) { path in
            items.forEachElement { item in
                if let v = each(&self, item, { path().index(i) }) { out.append(v) }
                i += 1
            }
        }
        return out
    }

    mutating func date(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath) -> String? {
        guard let s = string(node, path()), let node else { return nil }
        if !JourneyDate.isValid(s) {
            report(node.offset, path(), "\(JSONWriter.quoted(s)) is not a date; write it as YYYY-MM-DD, e.g. \"2026-03-31\"")
            return nil
        }
        return s
    }

    /// A required name (or title): a string that is not blank (`FieldRules.isBlank`).
    mutating func name(_ fields: Fields, _ parent: JSONValue, _ path: JSONPath, _ what: String, key: StaticString = "name") -> String? {
        guard let node = required(fields, key, parent, path, what), let s = string(node, path.key(key.description)) else { return nil }
        nonBlank(s, node, path.key(key.description), "\(what) needs a \(key)", fix: key.description == "title" ? "write what the journey is called" : "write the name people know it by")
        return s
    }

    /// Reports `s` when it is blank: `need` says what is missing.
    mutating func nonBlank(_ s: String, _ node: JSONValue, _ path: JSONPath, _ need: String, fix: String) {
        guard FieldRules.isBlank(s) else { return }
        let found = s.isEmpty ? "this one is empty" : "\(JourneyDecoder.visible(s)) is only white space"
        report(node.offset, path, "\(need); \(found): \(fix)")
    }

    /// White space quoted so it can be seen: spaces as they are, the rest escaped as JSON writes them (`" \u00a0\t"`).
    static func visible(_ blank: String) -> String {
        let inner = blank.unicodeScalars.map { c -> String in
            switch c {
            case " ": return " "
            case "\t": return "\\t"
            case "\n": return "\\n"
            case "\r": return "\\r"
            default:
                let hex = String(c.value, radix: 16)
                return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return "\"" + inner.joined() + "\""
    }

    /// Reports each string the array at `node` holds a second time: such lists are sets.
    mutating func noRepeats(_ node: JSONValue?, _ path: JSONPath, in what: String) {
        guard let node, node.isArray, node.count > 1 else { return }
        var seen: [String: Int] = [:]
        var i = 0
        node.forEachElement { item in
            if let s = item.string {
                if let first = seen[s] {
                    report(item.offset, path.index(i), "\(JSONWriter.quoted(s)) is listed twice in \(what) (first at \(path.index(first))); remove the repeat")
                } else {
                    seen[s] = i
                }
            }
            i += 1
        }
    }

    /// Records an item id, reporting a bad form or a duplicate.
    mutating func defineID(_ fields: Fields, _ parent: JSONValue, _ path: JSONPath, _ what: String) -> String? {
        guard let node = required(fields, "id", parent, path, what), let id = string(node, path.key("id")) else { return nil }
        if !Slug.isValid(id) {
            report(node.offset, path.key("id"), "\(JSONWriter.quoted(id)) is not a valid id; use lower-case letters, digits and single hyphens, e.g. \"\(Slug.make(from: id, fallback: "item"))\"")
            return id
        }
        if let first = ids.first(id) {
            let at = source.map { " at \($0.location(of: tape.offset(first)))" } ?? ""
            report(node.offset, path.key("id"), "duplicate id \(JSONWriter.quoted(id)); it is already used by \(tape.path(to: first))\(at); ids must be unique in the journey")
        } else {
            ids.insert(node.index)
        }
        return id
    }

    mutating func reference(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, into refs: WritableKeyPath<JourneyDecoder, References>) -> String? {
        guard let s = string(node, path()), let node else { return nil }
        self[keyPath: refs].add(s, node.index)
        return s
    }

    mutating func references(_ node: JSONValue?, _ path: @autoclosure () -> JSONPath, into refs: WritableKeyPath<JourneyDecoder, References>) -> [String] {
        elements(node, path) { d, item, p in d.reference(item, p(), into: refs) }
    }

    /// References that form a set: a repeat is reported. The values are compared first and
    /// the array walked again for the places only when one repeats (the common case reads once).
    mutating func uniqueReferences(_ node: JSONValue?, _ path: JSONPath, into refs: WritableKeyPath<JourneyDecoder, References>, in what: String) -> [String] {
        let values = references(node, path, into: refs)
        if JourneyDecoder.hasRepeats(values) { noRepeats(node, path, in: what) }
        return values
    }

    /// True when a value occurs twice; short lists are compared pairwise, without a set.
    static func hasRepeats(_ values: [String]) -> Bool {
        guard values.count > 1 else { return false }
        guard values.count > 16 else {
            for i in 1..<values.count { for j in 0..<i where values[i] == values[j] { return true } }
            return false
        }
        return Set(values).count != values.count
    }

    // MARK: - The journey

    static let rootKeys: KeyList = ["$schema", "formatVersion", "title", "description", "owner", "framework", "stages", "loops",
                           "cohorts", "models", "kpis", "lastReviewed", "team", "costs", "maturity", "suppress",
                           "settings", "healthScore", "scenarios", "conflicts"]

    mutating func journey(_ root: JSONValue) -> Journey? {
        let path = JSONPath.root
        guard let f = members(root, path, "a journey", keys: JourneyDecoder.rootKeys) else { return nil }
        let title = name(f, root, path, "the journey", key: "title")
        let frameworkNode = required(f, "framework", root, path, "the journey")
        let framework = frameworkNode.flatMap { self.framework($0, path.key("framework")) }
        let stagesNode = required(f, "stages", root, path, "the journey")
        // Models first, so references to them can be checked.
        let models: [CustomModel] = list(f["models"], path.key("models")) { d, n, p in d.customModel(n, p) }
        modelRefs.known = Set(EngagementModel.ids + models.map(\.id))
        let cohorts: [Cohort] = list(f["cohorts"], path.key("cohorts")) { d, n, p in d.cohort(n, p) }
        cohortRefs.known = Set(cohorts.map(\.id))
        let stages: [Stage] = list(stagesNode, path.key("stages")) { d, n, p in d.stage(n, p) }
        stageRefs.known = Set(stages.map(\.id))
        let loops: [LoopEdge] = list(f["loops"], path.key("loops")) { d, n, p in d.loop(n, p) }
        let kpis: [KPI] = list(f["kpis"], path.key("kpis")) { d, n, p in d.kpi(n, p) }
        let team = f["team"].flatMap { self.team($0, path.key("team")) }
        let costs = f["costs"].flatMap { self.costs($0, path.key("costs")) }
        let maturity = f["maturity"].flatMap { self.maturity($0, path.key("maturity")) }
        let suppress = suppressions(f["suppress"], path.key("suppress"))
        let settings = f["settings"].flatMap { self.settings($0, path.key("settings")) } ?? JourneySettings()
        let health = f["healthScore"].flatMap { healthScore($0, path.key("healthScore")) }
        let scenarios: [Scenario] = list(f["scenarios"], path.key("scenarios")) { d, n, p in d.scenario(n, p) }
        let conflicts: [UnresolvedConflict] = list(f["conflicts"], path.key("conflicts")) { d, n, p in d.conflict(n, p) }
        checkReferences(models: models, cohorts: cohorts, stages: stages)
        guard let title, let framework else { return nil }
        return Journey(
            schema: string(f["$schema"], path.key("$schema")),
            title: title,
            description: string(f["description"], path.key("description")) ?? "",
            owner: string(f["owner"], path.key("owner")) ?? "",
            framework: framework, stages: stages, loops: loops, cohorts: cohorts, models: models, kpis: kpis,
            lastReviewed: date(f["lastReviewed"], path.key("lastReviewed")),
            team: team, costs: costs, maturity: maturity, suppress: suppress,
            settings: settings, healthScore: health, scenarios: scenarios, conflicts: conflicts)
    }

    static let frameworkKeys: KeyList = ["id", "name", "custom"]

    mutating func framework(_ node: JSONValue, _ path: JSONPath) -> FrameworkRef? {
        let fields: Fields?, idNode: JSONValue
        if sourceFormatVersion < 2, node.string != nil {
            // Format 1: `"framework": "aarrr"` reads as `{"id": "aarrr"}`.
            fields = nil
            idNode = node
        } else {
            guard let f = members(node, path, "a framework", keys: JourneyDecoder.frameworkKeys),
                  let n = required(f, "id", node, path, "the framework") else { return nil }
            fields = f
            idNode = n
        }
        guard let id = string(idNode, path.key("id")) else { return nil }
        let custom = fields.flatMap { bool($0["custom"], path.key("custom")) } ?? false
        let name = fields.flatMap { string($0["name"], path.key("name")) }
        if let name, let nameNode = fields?["name"] {
            nonBlank(name, nameNode, path.key("name"), custom ? "a custom framework needs a name" : "the framework's name cannot be blank",
                     fix: custom ? "write the name people know it by" : "remove it to show the catalog's name, or write one")
        }
        if custom {
            if Framework.named(id) != nil {
                report(idNode.offset, path.key("id"), "\(JSONWriter.quoted(id)) is a built-in framework; give your own framework another id, or remove \"custom\"")
            } else if !Slug.isValid(id) {
                report(idNode.offset, path.key("id"), "\(JSONWriter.quoted(id)) is not a valid id; use lower-case letters, digits and single hyphens")
            }
            if name == nil, fields?["name"] == nil {
                report(node.offset, path, "a custom framework needs a \"name\"")
            }
        } else if Framework.named(id) == nil {
            var message = "unknown framework \(JSONWriter.quoted(id))"
            if let s = Suggest.closest(to: id, in: Framework.ids) { message += "; did you mean \(JSONWriter.quoted(s))?" }
            message += " Built-in: " + Framework.ids.joined(separator: ", ") + "; for your own, add \"custom\": true and a \"name\""
            report(idNode.offset, path.key("id"), message)
        }
        return FrameworkRef(id: id, name: name, custom: custom)
    }

    static let stageKeys: KeyList = ["id", "name", "goal", "level", "dropOff", "kpis", "touchpoints", "suppress", "earnsValue"]

    mutating func stage(_ node: JSONValue, _ path: JSONPath) -> Stage? {
        guard let f = members(node, path, "a stage", keys: JourneyDecoder.stageKeys) else { return nil }
        let id = defineID(f, node, path, "a stage")
        let name = self.name(f, node, path, "a stage")
        let stage = Stage(
            id: id ?? "", name: name ?? "",
            goal: string(f["goal"], path.key("goal")) ?? "",
            level: enumValue(f["level"], path.key("level"), CustomerLevel.self, what: "customer level"),
            dropOff: number(f["dropOff"], path.key("dropOff"), range: 0...100, what: "a percentage"),
            kpis: list(f["kpis"], path.key("kpis")) { d, n, p in d.kpi(n, p) },
            touchpoints: list(f["touchpoints"], path.key("touchpoints")) { d, n, p in d.touchpoint(n, p) },
            suppress: suppressions(f["suppress"], path.key("suppress")),
            earnsValue: bool(f["earnsValue"], path.key("earnsValue")) ?? false)
        return id == nil || name == nil ? nil : stage
    }

    static let touchpointKeys: KeyList = ["id", "name", "channel", "trigger", "model", "layers", "cohorts", "owner", "content",
                                 "kpis", "escalation", "status", "evidence", "notes", "suppress",
                                 "loyaltyProgramme", "dataCapture", "sentiment", "painPoints"]

    mutating func touchpoint(_ node: JSONValue, _ path: JSONPath) -> Touchpoint? {
        guard let f = members(node, path, "a touchpoint", keys: JourneyDecoder.touchpointKeys) else { return nil }
        let id = defineID(f, node, path, "a touchpoint")
        let name = self.name(f, node, path, "a touchpoint")
        var channel: String? = nil
        if let c = f["channel"], let s = string(c, path.key("channel")) {
            if Channel.named(s) == nil {
                report(c.offset, path.key("channel"), JourneyDecoder.notAChoice(s, "a valid channel", Channel.ids))
            } else {
                channel = s
            }
        }
        let tp = Touchpoint(
            id: id ?? "", name: name ?? "", channel: channel,
            trigger: f["trigger"].flatMap { trigger($0, path.key("trigger")) },
            model: reference(f["model"], path.key("model"), into: \.modelRefs),
            layers: uniqueReferences(f["layers"], path.key("layers"), into: \.modelRefs, in: "the layers"),
            cohorts: uniqueReferences(f["cohorts"], path.key("cohorts"), into: \.cohortRefs, in: "the touchpoint's cohorts"),
            owner: string(f["owner"], path.key("owner")) ?? "",
            content: string(f["content"], path.key("content")) ?? "",
            kpis: list(f["kpis"], path.key("kpis")) { d, n, p in d.kpi(n, p) },
            escalation: string(f["escalation"], path.key("escalation")) ?? "",
            status: enumValue(f["status"], path.key("status"), TouchpointStatus.self, what: "status"),
            evidence: enumValue(f["evidence"], path.key("evidence"), Evidence.self, what: "evidence level"),
            notes: string(f["notes"], path.key("notes")) ?? "",
            suppress: suppressions(f["suppress"], path.key("suppress")),
            loyaltyProgramme: bool(f["loyaltyProgramme"], path.key("loyaltyProgramme")) ?? false,
            dataCapture: list(f["dataCapture"], path.key("dataCapture")) { d, n, p in d.dataCapture(n, p) },
            sentiment: integer(f["sentiment"], path.key("sentiment"), range: Touchpoint.sentimentRange),
            painPoints: strings(f["painPoints"], path.key("painPoints")))
        return id == nil || name == nil ? nil : tp
    }

    static let triggerKeys: KeyList = ["kind", "detail"]
    static let kpiKeys: KeyList = ["id", "name", "kind", "health", "target", "unit"]
    static let loopKeys: KeyList = ["id", "from", "to", "label", "share"]
    static let customModelKeys: KeyList = ["id", "name", "description", "basedOn", "preset"]
    static let teamKeys: KeyList = ["people", "hoursPerPerson", "budget"]
    /// Format 2's team: words, not numbers.
    static let teamKeys2: KeyList = ["capacity", "budget"]
    static let costsKeys: KeyList = ["currency", "perCustomerYear", "minutesPerCustomerYear"]
    static let maturityKeys: KeyList = ["assessed", "rung", "level", "checks"]
    static let suppressionKeys: KeyList = ["rule", "reason"]
    static let maturityCheckIDs = Set(Maturity.checks.map(\.id))

    mutating func trigger(_ node: JSONValue, _ path: JSONPath) -> Trigger? {
        guard let f = members(node, path, "a trigger", keys: JourneyDecoder.triggerKeys) else { return nil }
        guard let kind = required(f, "kind", node, path, "a trigger").flatMap({ enumValue($0, path.key("kind"), TriggerKind.self, what: "trigger kind") }) else { return nil }
        return Trigger(kind: kind, detail: string(f["detail"], path.key("detail")) ?? "")
    }

    static let cohortKeys: KeyList = ["id", "name", "description", "size", "valuePerUser", "complexity", "service", "level", "model", "layers", "suppress",
                                      "owner", "inflowPerYear", "dropOff", "routing", "healthScore"]

    mutating func cohort(_ node: JSONValue, _ path: JSONPath) -> Cohort? {
        guard let f = members(node, path, "a cohort", keys: JourneyDecoder.cohortKeys) else { return nil }
        let id = defineID(f, node, path, "a cohort")
        let name = self.name(f, node, path, "a cohort")
        let cohort = Cohort(
            id: id ?? "", name: name ?? "",
            description: string(f["description"], path.key("description")) ?? "",
            size: integer(f["size"], path.key("size"), range: 0...1_000_000_000_000),
            valuePerUser: number(f["valuePerUser"], path.key("valuePerUser"), range: 0...1e12, what: "an amount"),
            complexity: enumValue(f["complexity"], path.key("complexity"), Rating.self, what: "complexity"),
            service: enumValue(f["service"], path.key("service"), ServiceMode.self, what: "service mode"),
            level: enumValue(f["level"], path.key("level"), CustomerLevel.self, what: "customer level"),
            model: reference(f["model"], path.key("model"), into: \.modelRefs),
            layers: uniqueReferences(f["layers"], path.key("layers"), into: \.modelRefs, in: "the layers"),
            suppress: suppressions(f["suppress"], path.key("suppress")),
            owner: string(f["owner"], path.key("owner")) ?? "",
            inflowPerYear: integer(f["inflowPerYear"], path.key("inflowPerYear"), range: 0...1_000_000_000_000),
            dropOff: percentTable(f["dropOff"], path.key("dropOff"), into: \.stageRefs, what: "stage id to drop-off percent"),
            routing: list(f["routing"], path.key("routing")) { d, n, p in d.routingRule(n, p) },
            healthScore: f["healthScore"].flatMap { healthScore($0, path.key("healthScore")) })
        return id == nil || name == nil ? nil : cohort
    }

    mutating func kpi(_ node: JSONValue, _ path: JSONPath) -> KPI? {
        guard let f = members(node, path, "a KPI", keys: JourneyDecoder.kpiKeys) else { return nil }
        let id = defineID(f, node, path, "a KPI")
        let name = self.name(f, node, path, "a KPI")
        let kind = required(f, "kind", node, path, "a KPI").flatMap { enumValue($0, path.key("kind"), KPIKind.self, what: "KPI kind") }
        if let id { kpiIDs.append(id) }
        let kpi = KPI(
            id: id ?? "", name: name ?? "", kind: kind ?? .outcome,
            health: bool(f["health"], path.key("health")) ?? false,
            target: number(f["target"], path.key("target")),
            unit: string(f["unit"], path.key("unit")) ?? "")
        return id == nil || name == nil || kind == nil ? nil : kpi
    }

    mutating func loop(_ node: JSONValue, _ path: JSONPath) -> LoopEdge? {
        guard let f = members(node, path, "a loop edge", keys: JourneyDecoder.loopKeys) else { return nil }
        let id = defineID(f, node, path, "a loop edge")
        let from = required(f, "from", node, path, "a loop edge").flatMap { reference($0, path.key("from"), into: \.stageRefs) }
        let to = required(f, "to", node, path, "a loop edge").flatMap { reference($0, path.key("to"), into: \.stageRefs) }
        let label = string(f["label"], path.key("label")) ?? ""
        let share = number(f["share"], path.key("share"), range: 0...100, what: "a percentage")
        if let from, let to, from == to, let node = f["to"] {
            report(node.offset, path.key("to"), "the loop edge leaves and returns to the same stage \(JSONWriter.quoted(from)); a loop goes back to an earlier stage: change \"to\", or remove the edge")
        }
        guard let id, let from, let to else { return nil }
        return LoopEdge(id: id, from: from, to: to, label: label, share: share)
    }

    mutating func customModel(_ node: JSONValue, _ path: JSONPath) -> CustomModel? {
        guard let f = members(node, path, "a custom model", keys: JourneyDecoder.customModelKeys) else { return nil }
        let id = defineID(f, node, path, "a custom model")
        if let id, EngagementModel.named(id) != nil, let n = f["id"] {
            report(n.offset, path.key("id"), "\(JSONWriter.quoted(id)) is a built-in model; a custom model needs its own id")
        }
        let name = self.name(f, node, path, "a custom model")
        var basedOn: String? = nil
        if let b = f["basedOn"], let s = string(b, path.key("basedOn")) {
            if EngagementModel.named(s) == nil {
                report(b.offset, path.key("basedOn"), JourneyDecoder.notAChoice(s, "a built-in model", EngagementModel.ids))
            } else {
                basedOn = s
            }
        }
        var preset: String? = nil
        if let b = f["preset"], let s = string(b, path.key("preset")) {
            if ModelPreset.named(s) == nil {
                report(b.offset, path.key("preset"), JourneyDecoder.notAChoice(s, "a model preset", ModelPreset.ids))
            } else {
                preset = s
            }
        }
        guard let id, let name else { return nil }
        return CustomModel(id: id, name: name, description: string(f["description"], path.key("description")) ?? "", basedOn: basedOn, preset: preset)
    }

    mutating func team(_ node: JSONValue, _ path: JSONPath) -> Team? {
        if sourceFormatVersion < 3 {
            // Format 2: capacity and budget as low / medium / high, read as numbers.
            guard let f = members(node, path, "the team", keys: JourneyDecoder.teamKeys2) else { return nil }
            let capacity = enumValue(f["capacity"], path.key("capacity"), Rating.self, what: "capacity")
            let budget = enumValue(f["budget"], path.key("budget"), Rating.self, what: "budget")
            return Team(people: capacity.map(Migration.people), budget: budget.map(Migration.budget))
        }
        guard let f = members(node, path, "the team", keys: JourneyDecoder.teamKeys) else { return nil }
        return Team(
            people: number(f["people"], path.key("people"), range: Team.peopleRange, what: "a number of people"),
            hoursPerPerson: number(f["hoursPerPerson"], path.key("hoursPerPerson"), range: Team.hoursPerPersonRange, what: "hours a year"),
            budget: number(f["budget"], path.key("budget"), range: Team.budgetRange, what: "an amount"))
    }

    mutating func costs(_ node: JSONValue, _ path: JSONPath) -> CostAssumptions? {
        guard let f = members(node, path, "the cost assumptions", keys: JourneyDecoder.costsKeys) else { return nil }
        let table = amountTable(f["perCustomerYear"], path.key("perCustomerYear"), range: 0...1e12, what: "an amount",
                                table: "model id to yearly cost per customer", keyRefs: \.modelRefs)
        let minutes = amountTable(f["minutesPerCustomerYear"], path.key("minutesPerCustomerYear"), range: 0...525_600, what: "minutes a year",
                                  table: "model id to minutes per customer and year", keyRefs: \.modelRefs)
        return CostAssumptions(currency: string(f["currency"], path.key("currency")) ?? "", perCustomerYear: table, minutesPerCustomerYear: minutes)
    }

    mutating func maturity(_ node: JSONValue, _ path: JSONPath) -> MaturityResult? {
        guard let f = members(node, path, "the maturity result", keys: JourneyDecoder.maturityKeys) else { return nil }
        let assessed = required(f, "assessed", node, path, "the maturity result").flatMap { date($0, path.key("assessed")) }
        let rung = required(f, "rung", node, path, "the maturity result").flatMap { integer($0, path.key("rung"), range: 1...4) }
        let level = required(f, "level", node, path, "the maturity result").flatMap { integer($0, path.key("level"), range: 0...4) }
        let checks: [String] = elements(f["checks"], { path.key("checks") }) { d, item, p in
            guard let s = d.string(item, p()) else { return nil }
            if !JourneyDecoder.maturityCheckIDs.contains(s) {
                d.report(item.offset, p(), DiagnosticText.notAChoice(s, "a maturity check", Maturity.checks.map(\.id)) + "; remove it, or run `journeyman assess` again")
            }
            return s
        }
        noRepeats(f["checks"], path.key("checks"), in: "the maturity checks")
        guard let assessed, let rung, let level else { return nil }
        return MaturityResult(assessed: assessed, rung: rung, level: level, checks: checks)
    }

    mutating func suppressions(_ node: JSONValue?, _ path: JSONPath) -> [Suppression] {
        list(node, path) { d, n, p in
            guard let f = d.members(n, p, "a suppression", keys: JourneyDecoder.suppressionKeys) else { return nil }
            let rule = d.required(f, "rule", n, p, "a suppression").flatMap { d.string($0, p.key("rule")) }
            let reason = d.required(f, "reason", n, p, "a suppression").flatMap { d.string($0, p.key("reason")) }
            if let reason, FieldRules.isBlank(reason), let r = f["reason"] {
                d.report(r.offset, p.key("reason"), "a suppression needs a reason; say why the rule does not apply")
            }
            if let rule, !FieldRules.isRuleID(rule), let r = f["rule"] {
                let form = FieldRules.likelyRuleID(rule).map { "JM and three digits); did you mean \(JSONWriter.quoted($0))?" } ?? "JM and three digits, e.g. \"JM003\");"
                d.report(r.offset, p.key("rule"), "\(JSONWriter.quoted(rule)) is not a lint rule id (\(form) `journeyman lint --rules` lists them")
            }
            guard let rule, let reason else { return nil }
            return Suppression(rule: rule, reason: reason)
        }
    }

    // MARK: - Format 3

    /// An object from an id to a number, such as stage id to drop-off percent.
    mutating func amountTable(_ node: JSONValue?, _ path: JSONPath, range: ClosedRange<Double>, what: String, table: String? = nil, keyRefs: WritableKeyPath<JourneyDecoder, References>?) -> [String: Double] {
        guard let node else { return [:] }
        guard node.isObject else {
            report(node.offset, path, "expected an object from \(table ?? "id to \(what)"), found \(node.typeName)")
            return [:]
        }
        var table: [String: Double] = [:]
        node.forEachMember { k, value in
            let key = k.string ?? ""
            if let v = number(value, path.key(key), range: range, what: what) {
                table[key] = v
                if let keyRefs { self[keyPath: keyRefs].add(key, k.index) }
            }
        }
        return table
    }

    mutating func percentTable(_ node: JSONValue?, _ path: JSONPath, into refs: WritableKeyPath<JourneyDecoder, References>, what: String) -> [String: Double] {
        amountTable(node, path, range: 0...100, what: "a percentage", keyRefs: refs)
    }

    static let settingsKeys: KeyList = ["affordableShare", "horizonMonths", "thresholds"]

    mutating func settings(_ node: JSONValue, _ path: JSONPath) -> JourneySettings? {
        guard let f = members(node, path, "the settings", keys: JourneyDecoder.settingsKeys) else { return nil }
        var thresholds: [String: Double] = [:]
        if let t = f["thresholds"] {
            let p = path.key("thresholds")
            if t.isObject {
                t.forEachMember { k, value in
                    let key = k.string ?? ""
                    guard JourneySettings.thresholdNames.contains(key) else {
                        report(k.offset, p.key(key), JourneyDecoder.notAChoice(key, "a decision threshold", JourneySettings.thresholdNames))
                        return
                    }
                    if let v = number(value, p.key(key), range: JourneySettings.thresholdRange, what: "a number") { thresholds[key] = v }
                }
            } else {
                report(t.offset, p, "expected an object from threshold name to number, found \(t.typeName)")
            }
        }
        return JourneySettings(
            affordableShare: number(f["affordableShare"], path.key("affordableShare"), range: JourneySettings.affordableShareRange, what: "a percentage"),
            horizonMonths: integer(f["horizonMonths"], path.key("horizonMonths"), range: JourneySettings.horizonMonthsRange),
            thresholds: thresholds)
    }

    static let healthScoreKeys: KeyList = ["components", "bands"]
    static let healthComponentKeys: KeyList = ["id", "name", "kind", "weight", "kpi"]
    static let healthBandKeys: KeyList = ["state", "below", "leadsTo"]

    mutating func healthScore(_ node: JSONValue, _ path: JSONPath) -> HealthScore? {
        guard let f = members(node, path, "a health score", keys: JourneyDecoder.healthScoreKeys) else { return nil }
        let components: [HealthComponent] = list(f["components"], path.key("components")) { d, n, p in
            guard let cf = d.members(n, p, "a health score component", keys: JourneyDecoder.healthComponentKeys) else { return nil }
            let id = d.defineID(cf, n, p, "a health score component")
            let name = d.name(cf, n, p, "a health score component")
            let kind = d.required(cf, "kind", n, p, "a health score component").flatMap { d.enumValue($0, p.key("kind"), HealthComponentKind.self, what: "health component kind") }
            let weight = d.required(cf, "weight", n, p, "a health score component").flatMap { d.number($0, p.key("weight"), range: HealthComponent.weightRange, what: "a weight") }
            let kpi = d.reference(cf["kpi"], p.key("kpi"), into: \.kpiRefs)
            guard let id, let name, let kind, let weight else { return nil }
            return HealthComponent(id: id, name: name, kind: kind, weight: weight, kpi: kpi)
        }
        var seen: Set<HealthState> = []
        let bands: [HealthBand] = list(f["bands"], path.key("bands")) { d, n, p in
            guard let bf = d.members(n, p, "a health band", keys: JourneyDecoder.healthBandKeys) else { return nil }
            guard let state = d.required(bf, "state", n, p, "a health band").flatMap({ d.enumValue($0, p.key("state"), HealthState.self, what: "health state") }) else { return nil }
            if !seen.insert(state).inserted, let s = bf["state"] {
                d.report(s.offset, p.key("state"), HealthScore.bandGivenTwice(state))
            }
            return HealthBand(
                state: state,
                below: d.number(bf["below"], p.key("below"), range: HealthBand.scoreRange, what: "a score"),
                leadsTo: d.references(bf["leadsTo"], p.key("leadsTo"), into: \.bandRefs))
        }
        return HealthScore(components: components, bands: bands)
    }

    static let routingKeys: KeyList = ["id", "signal", "condition", "action", "owner", "touchpoint", "model"]

    mutating func routingRule(_ node: JSONValue, _ path: JSONPath) -> RoutingRule? {
        guard let f = members(node, path, "a routing rule", keys: JourneyDecoder.routingKeys) else { return nil }
        let id = defineID(f, node, path, "a routing rule")
        let signal = required(f, "signal", node, path, "a routing rule").flatMap { string($0, path.key("signal")) }
        let condition = required(f, "condition", node, path, "a routing rule").flatMap { string($0, path.key("condition")) }
        let action = required(f, "action", node, path, "a routing rule").flatMap { string($0, path.key("action")) }
        let rule = RoutingRule(
            id: id ?? "", signal: signal ?? "", condition: condition ?? "", action: action ?? "",
            owner: string(f["owner"], path.key("owner")) ?? "",
            touchpoint: reference(f["touchpoint"], path.key("touchpoint"), into: \.touchpointRefs),
            model: reference(f["model"], path.key("model"), into: \.modelRefs))
        guard let id, signal != nil, condition != nil, action != nil else { return nil }
        routingIDs.append(id)
        return rule
    }

    static let dataCaptureKeys: KeyList = ["data", "party", "destination"]

    mutating func dataCapture(_ node: JSONValue, _ path: JSONPath) -> DataCapture? {
        guard let f = members(node, path, "a data capture", keys: JourneyDecoder.dataCaptureKeys) else { return nil }
        let data = required(f, "data", node, path, "a data capture").flatMap { string($0, path.key("data")) }
        let party = required(f, "party", node, path, "a data capture").flatMap { enumValue($0, path.key("party"), DataParty.self, what: "data party") }
        guard let data, let party else { return nil }
        return DataCapture(data: data, party: party, destination: string(f["destination"], path.key("destination")) ?? "")
    }

    static let scenarioKeys: KeyList = ["id", "name", "description", "cohorts", "stages", "costs", "team"]
    static let cohortOverrideKeys: KeyList = ["cohort", "model", "layers", "size", "valuePerUser"]
    static let stageOverrideKeys: KeyList = ["stage", "dropOff"]

    /// A scenario. Its references to cohorts, stages and models are checked by lint, so a
    /// scenario left behind by a removed item does not make the file unreadable.
    mutating func scenario(_ node: JSONValue, _ path: JSONPath) -> Scenario? {
        guard let f = members(node, path, "a scenario", keys: JourneyDecoder.scenarioKeys) else { return nil }
        let id = defineID(f, node, path, "a scenario")
        let name = self.name(f, node, path, "a scenario")
        let cohorts: [CohortOverride] = list(f["cohorts"], path.key("cohorts")) { d, n, p in
            guard let of = d.members(n, p, "a cohort override", keys: JourneyDecoder.cohortOverrideKeys),
                  let cohort = d.required(of, "cohort", n, p, "a cohort override").flatMap({ d.string($0, p.key("cohort")) }) else { return nil }
            return CohortOverride(
                cohort: cohort,
                model: d.string(of["model"], p.key("model")),
                layers: of["layers"].map { d.noRepeats($0, p.key("layers"), in: "the layers"); return d.strings($0, p.key("layers")) },
                size: d.integer(of["size"], p.key("size"), range: 0...1_000_000_000_000),
                valuePerUser: d.number(of["valuePerUser"], p.key("valuePerUser"), range: 0...1e12, what: "an amount"))
        }
        let stages: [StageOverride] = list(f["stages"], path.key("stages")) { d, n, p in
            guard let of = d.members(n, p, "a stage override", keys: JourneyDecoder.stageOverrideKeys),
                  let stage = d.required(of, "stage", n, p, "a stage override").flatMap({ d.string($0, p.key("stage")) }) else { return nil }
            return StageOverride(stage: stage, dropOff: d.number(of["dropOff"], p.key("dropOff"), range: 0...100, what: "a percentage"))
        }
        let costs = amountTable(f["costs"], path.key("costs"), range: 0...1e12, what: "an amount", keyRefs: nil)
        let team = f["team"].flatMap { self.team($0, path.key("team")) }
        guard let id, let name else { return nil }
        return Scenario(id: id, name: name, description: string(f["description"], path.key("description")) ?? "",
                        cohorts: cohorts, stages: stages, costs: costs, team: team)
    }

    static let conflictKeys: KeyList = ["id", "path", "base", "ours", "theirs", "oursLabel", "theirsLabel", "message"]

    mutating func conflict(_ node: JSONValue, _ path: JSONPath) -> UnresolvedConflict? {
        guard let f = members(node, path, "a merge conflict", keys: JourneyDecoder.conflictKeys) else { return nil }
        let id = defineID(f, node, path, "a merge conflict")
        let at = required(f, "path", node, path, "a merge conflict").flatMap { string($0, path.key("path")) }
        guard let id, let at else { return nil }
        return UnresolvedConflict(
            id: id, path: at,
            base: f["base"].map { tape.node(at: $0.index).withoutOffsets },
            ours: f["ours"].map { tape.node(at: $0.index).withoutOffsets },
            theirs: f["theirs"].map { tape.node(at: $0.index).withoutOffsets },
            oursLabel: string(f["oursLabel"], path.key("oursLabel")) ?? "ours",
            theirsLabel: string(f["theirsLabel"], path.key("theirsLabel")) ?? "theirs",
            message: string(f["message"], path.key("message")) ?? "")
    }

    // MARK: - References

    mutating func checkReferences(models: [CustomModel], cohorts: [Cohort], stages: [Stage]) {
        let modelIDs = EngagementModel.ids + models.map(\.id)
        let knownModels = Set(modelIDs)
        for ref in modelRefs.unresolved where !knownModels.contains(ref.id) {
            var message = "unknown engagement model \(JSONWriter.quoted(ref.id))"
            if let s = Suggest.closest(to: ref.id, in: modelIDs) { message += "; did you mean \(JSONWriter.quoted(s))?" }
            message += " (built-in: " + EngagementModel.ids.joined(separator: ", ") + "; or define it under \"models\")"
            report(tape.offset(ref.entry), tape.path(to: ref.entry), message)
        }
        let cohortIDs = cohorts.map(\.id)
        let knownCohorts = Set(cohortIDs)
        for ref in cohortRefs.unresolved where !knownCohorts.contains(ref.id) {
            var message = "no cohort has the id \(JSONWriter.quoted(ref.id))"
            if let s = Suggest.closest(to: ref.id, in: cohortIDs) { message += "; did you mean \(JSONWriter.quoted(s))?" }
            else { message += "; add it under \"cohorts\" or remove the reference" }
            report(tape.offset(ref.entry), tape.path(to: ref.entry), message)
        }
        let stageIDs = stages.map(\.id)
        unknown(stageRefs, stageIDs, "stage")
        let touchpointIDs = stages.flatMap { $0.touchpoints.map(\.id) }
        unknown(touchpointRefs, touchpointIDs, "touchpoint")
        unknown(kpiRefs, kpiIDs, "KPI")
        unknown(bandRefs, touchpointIDs + routingIDs, "touchpoint or routing rule")
    }

    mutating func unknown(_ refs: References, _ ids: [String], _ what: String) {
        guard !refs.unresolved.isEmpty else { return }
        let known = Set(ids)
        for ref in refs.unresolved where !known.contains(ref.id) {
            var message = "no \(what) has the id \(JSONWriter.quoted(ref.id))"
            if let s = Suggest.closest(to: ref.id, in: ids) { message += "; did you mean \(JSONWriter.quoted(s))?" }
            report(tape.offset(ref.entry), tape.path(to: ref.entry), message)
        }
    }
}

/// The keys an object may hold, matched against key entries without making Strings.
struct KeyList: ExpressibleByArrayLiteral, Sendable {
    let names: [String]
    /// Every name's UTF-8 bytes, one after another; name `i` is `utf8[starts[i]..<starts[i + 1]]`.
    private let utf8: [UInt8]
    private let starts: [Int]

    init(arrayLiteral names: String...) {
        self.names = names
        utf8 = names.flatMap { Array($0.utf8) }
        starts = names.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }
    }

    /// The position of the key entry's text in the list.
    func position(of key: JSONValue) -> Int? {
        guard key.kind == .string else {
            let text = key.string
            return names.firstIndex { $0 == text }
        }
        return key.tape.withRawText(key.index) { position(of: $0) }
    }

    /// The position of a name the decoder asks for; it must be in the list.
    func position(of name: StaticString) -> Int {
        guard let i = position(of: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) else {
            preconditionFailure("\(name) is not one of \(names)")
        }
        return i
    }

    private func position(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        utf8.withUnsafeBufferPointer { all in
            for i in 0..<names.count where starts[i + 1] - starts[i] == text.count {
                if text.count == 0 || memcmp(all.baseAddress! + starts[i], text.baseAddress!, text.count) == 0 { return i }
            }
            return nil
        }
    }
}

/// The members of one object, looked up by key.
struct Fields {
    let keys: KeyList
    var values: [JSONValue?]

    init(keys: KeyList) {
        self.keys = keys
        values = Array(repeating: nil, count: keys.names.count)
    }

    subscript(key: StaticString) -> JSONValue? { values[keys.position(of: key)] }
}

/// Calendar dates as journeys store them: `YYYY-MM-DD`.
public enum JourneyDate {
    /// True for a real calendar date written as `YYYY-MM-DD`.
    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return false }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// Today's date in UTC as `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }
}
