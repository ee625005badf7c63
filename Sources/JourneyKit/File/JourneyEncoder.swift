/// Writes a `Journey` as canonical JSON bytes, straight from the model (no tree).
/// Fields equal to their default (empty text, empty lists, absent values, `false`)
/// are left out; required keys are always written. Each object's keys are written
/// in the canonical order (sorted by UTF-8 bytes), which debug builds check.
enum JourneyEncoder {
    static func encode(_ j: Journey, capacity: Int = 0) -> [UInt8] {
        var w = CanonicalWriter(capacity: capacity)
        w.object {
            if let schema = j.schema { $0.key("$schema"); $0.string(schema) }
            $0.list("cohorts", j.cohorts, cohort)
            $0.list("conflicts", j.conflicts, conflict)
            if let c = j.costs {
                $0.key("costs")
                $0.object {
                    $0.text("currency", c.currency)
                    if !c.minutesPerCustomerYear.isEmpty { $0.table("minutesPerCustomerYear", c.minutesPerCustomerYear) }
                    $0.key("perCustomerYear")
                    $0.object { $0.members(c.perCustomerYear) }
                }
            }
            $0.text("description", j.description)
            $0.key("formatVersion"); $0.number(Double(Journey.formatVersion))
            $0.key("framework")
            $0.object {
                if j.framework.custom { $0.key("custom"); $0.bool(true) }
                $0.key("id"); $0.string(j.framework.id)
                if let name = j.framework.name { $0.key("name"); $0.string(name) }
            }
            if let h = j.healthScore { $0.key("healthScore"); healthScore(h, &$0) }
            $0.list("kpis", j.kpis, kpi)
            if let d = j.lastReviewed { $0.key("lastReviewed"); $0.string(d) }
            $0.list("loops", j.loops, loop)
            if let r = j.maturity {
                $0.key("maturity")
                $0.object {
                    $0.key("assessed"); $0.string(r.assessed)
                    $0.strings("checks", r.checks)
                    $0.key("level"); $0.number(Double(r.level))
                    $0.key("rung"); $0.number(Double(r.rung))
                }
            }
            $0.list("models", j.models, model)
            $0.text("owner", j.owner)
            $0.list("scenarios", j.scenarios, scenario)
            if !j.settings.isEmpty {
                $0.key("settings")
                $0.object {
                    if let a = j.settings.affordableShare { $0.key("affordableShare"); $0.number(a) }
                    if let h = j.settings.horizonMonths { $0.key("horizonMonths"); $0.number(Double(h)) }
                    if !j.settings.thresholds.isEmpty { $0.table("thresholds", j.settings.thresholds) }
                }
            }
            $0.key("stages")
            $0.array { for s in j.stages { $0.element(); stage(s, &$0) } }
            suppress(j.suppress, &$0)
            if let t = j.team { $0.key("team"); team(t, &$0) }
            $0.key("title"); $0.string(j.title)
        }
        return w.finish()
    }

    static func stage(_ s: Stage, _ w: inout CanonicalWriter) {
        w.object {
            if let d = s.dropOff { $0.key("dropOff"); $0.number(d) }
            if s.earnsValue { $0.key("earnsValue"); $0.bool(true) }
            $0.text("goal", s.goal)
            $0.key("id"); $0.string(s.id)
            $0.list("kpis", s.kpis, kpi)
            if let l = s.level { $0.key("level"); $0.string(l.rawValue) }
            $0.key("name"); $0.string(s.name)
            suppress(s.suppress, &$0)
            $0.list("touchpoints", s.touchpoints, touchpoint)
        }
    }

    static func touchpoint(_ t: Touchpoint, _ w: inout CanonicalWriter) {
        w.object {
            if let c = t.channel { $0.key("channel"); $0.string(c) }
            $0.strings("cohorts", t.cohorts)
            $0.text("content", t.content)
            $0.list("dataCapture", t.dataCapture) { d, w in
                w.object {
                    $0.key("data"); $0.string(d.data)
                    $0.text("destination", d.destination)
                    $0.key("party"); $0.string(d.party.rawValue)
                }
            }
            $0.text("escalation", t.escalation)
            if let e = t.evidence { $0.key("evidence"); $0.string(e.rawValue) }
            $0.key("id"); $0.string(t.id)
            $0.list("kpis", t.kpis, kpi)
            $0.strings("layers", t.layers)
            if t.loyaltyProgramme { $0.key("loyaltyProgramme"); $0.bool(true) }
            if let model = t.model { $0.key("model"); $0.string(model) }
            $0.key("name"); $0.string(t.name)
            $0.text("notes", t.notes)
            $0.text("owner", t.owner)
            $0.strings("painPoints", t.painPoints)
            if let s = t.sentiment { $0.key("sentiment"); $0.number(Double(s)) }
            if let s = t.status { $0.key("status"); $0.string(s.rawValue) }
            suppress(t.suppress, &$0)
            if let tr = t.trigger {
                $0.key("trigger")
                $0.object {
                    $0.text("detail", tr.detail)
                    $0.key("kind"); $0.string(tr.kind.rawValue)
                }
            }
        }
    }

    static func cohort(_ c: Cohort, _ w: inout CanonicalWriter) {
        w.object {
            if let x = c.complexity { $0.key("complexity"); $0.string(x.rawValue) }
            $0.text("description", c.description)
            if !c.dropOff.isEmpty { $0.table("dropOff", c.dropOff) }
            if let h = c.healthScore { $0.key("healthScore"); healthScore(h, &$0) }
            $0.key("id"); $0.string(c.id)
            if let n = c.inflowPerYear { $0.key("inflowPerYear"); $0.number(Double(n)) }
            $0.strings("layers", c.layers)
            if let l = c.level { $0.key("level"); $0.string(l.rawValue) }
            if let model = c.model { $0.key("model"); $0.string(model) }
            $0.key("name"); $0.string(c.name)
            $0.text("owner", c.owner)
            $0.list("routing", c.routing, routingRule)
            if let s = c.service { $0.key("service"); $0.string(s.rawValue) }
            if let s = c.size { $0.key("size"); $0.number(Double(s)) }
            suppress(c.suppress, &$0)
            if let v = c.valuePerUser { $0.key("valuePerUser"); $0.number(v) }
        }
    }

    static func kpi(_ k: KPI, _ w: inout CanonicalWriter) {
        w.object {
            if k.health { $0.key("health"); $0.bool(true) }
            $0.key("id"); $0.string(k.id)
            $0.key("kind"); $0.string(k.kind.rawValue)
            $0.key("name"); $0.string(k.name)
            if let t = k.target { $0.key("target"); $0.number(t) }
            $0.text("unit", k.unit)
        }
    }

    static func loop(_ l: LoopEdge, _ w: inout CanonicalWriter) {
        w.object {
            $0.key("from"); $0.string(l.from)
            $0.key("id"); $0.string(l.id)
            $0.text("label", l.label)
            if let s = l.share { $0.key("share"); $0.number(s) }
            $0.key("to"); $0.string(l.to)
        }
    }

    static func model(_ c: CustomModel, _ w: inout CanonicalWriter) {
        w.object {
            if let b = c.basedOn { $0.key("basedOn"); $0.string(b) }
            $0.text("description", c.description)
            $0.key("id"); $0.string(c.id)
            $0.key("name"); $0.string(c.name)
            if let p = c.preset { $0.key("preset"); $0.string(p) }
        }
    }

    static func team(_ t: Team, _ w: inout CanonicalWriter) {
        w.object {
            if let b = t.budget { $0.key("budget"); $0.number(b) }
            if let h = t.hoursPerPerson { $0.key("hoursPerPerson"); $0.number(h) }
            if let p = t.people { $0.key("people"); $0.number(p) }
        }
    }

    static func healthScore(_ h: HealthScore, _ w: inout CanonicalWriter) {
        w.object {
            $0.list("bands", h.bands) { b, w in
                w.object {
                    if let x = b.below { $0.key("below"); $0.number(x) }
                    $0.strings("leadsTo", b.leadsTo)
                    $0.key("state"); $0.string(b.state.rawValue)
                }
            }
            $0.list("components", h.components) { c, w in
                w.object {
                    $0.key("id"); $0.string(c.id)
                    $0.key("kind"); $0.string(c.kind.rawValue)
                    if let k = c.kpi { $0.key("kpi"); $0.string(k) }
                    $0.key("name"); $0.string(c.name)
                    $0.key("weight"); $0.number(c.weight)
                }
            }
        }
    }

    static func routingRule(_ r: RoutingRule, _ w: inout CanonicalWriter) {
        w.object {
            $0.key("action"); $0.string(r.action)
            $0.key("condition"); $0.string(r.condition)
            $0.key("id"); $0.string(r.id)
            if let m = r.model { $0.key("model"); $0.string(m) }
            $0.text("owner", r.owner)
            $0.key("signal"); $0.string(r.signal)
            if let t = r.touchpoint { $0.key("touchpoint"); $0.string(t) }
        }
    }

    static func scenario(_ s: Scenario, _ w: inout CanonicalWriter) {
        w.object {
            $0.list("cohorts", s.cohorts) { o, w in
                w.object {
                    $0.key("cohort"); $0.string(o.cohort)
                    if let l = o.layers { $0.key("layers"); $0.array { for x in l { $0.element(); $0.string(x) } } }
                    if let m = o.model { $0.key("model"); $0.string(m) }
                    if let n = o.size { $0.key("size"); $0.number(Double(n)) }
                    if let v = o.valuePerUser { $0.key("valuePerUser"); $0.number(v) }
                }
            }
            if !s.costs.isEmpty { $0.table("costs", s.costs) }
            $0.text("description", s.description)
            $0.key("id"); $0.string(s.id)
            $0.key("name"); $0.string(s.name)
            $0.list("stages", s.stages) { o, w in
                w.object {
                    if let d = o.dropOff { $0.key("dropOff"); $0.number(d) }
                    $0.key("stage"); $0.string(o.stage)
                }
            }
            if let t = s.team { $0.key("team"); team(t, &$0) }
        }
    }

    static func conflict(_ c: UnresolvedConflict, _ w: inout CanonicalWriter) {
        w.object {
            if let b = c.base { $0.key("base"); $0.node(b) }
            $0.key("id"); $0.string(c.id)
            $0.text("message", c.message)
            if let o = c.ours { $0.key("ours"); $0.node(o) }
            $0.key("oursLabel"); $0.string(c.oursLabel)
            $0.key("path"); $0.string(c.path)
            if let t = c.theirs { $0.key("theirs"); $0.node(t) }
            $0.key("theirsLabel"); $0.string(c.theirsLabel)
        }
    }

    static func suppress(_ s: [Suppression], _ w: inout CanonicalWriter) {
        w.list("suppress", s) { s, w in
            w.object {
                $0.key("reason"); $0.string(s.reason)
                $0.key("rule"); $0.string(s.rule)
            }
        }
    }
}

/// Appends canonical JSON (the form of `JSONWriter.canonical`) to a byte buffer as
/// values are given: 2-space indent, one member or element per line, `{}` and `[]`
/// when empty. Keys must come in sorted order.
struct CanonicalWriter {
    private(set) var out: [UInt8] = []
    private var indent = 0
    /// For each open array or object: how many members or elements it has so far.
    private var counts: [Int] = []
    #if DEBUG
    private var lastKeys: [String] = []
    #endif

    init(capacity: Int = 0) { out.reserveCapacity(max(1 << 16, capacity)) }

    /// The text written, with the final newline.
    mutating func finish() -> [UInt8] {
        out.append(0x0A)
        return out
    }

    mutating func object(_ body: (inout CanonicalWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout CanonicalWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts the next member of the open object.
    mutating func key(_ k: String) {
        #if DEBUG
        assert(lastKeys[lastKeys.count - 1].utf8.lexicographicallyPrecedes(k.utf8), "key \(k) written out of order")
        lastKeys[lastKeys.count - 1] = k
        #endif
        element()
        JSONWriter.writeString(k, into: &out)
        out.append(UInt8(ascii: ":"))
        out.append(0x20)
    }

    /// Starts the next element of the open array.
    mutating func element() {
        if counts[counts.count - 1] > 0 { out.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        JSONWriter.newline(indent, into: &out)
    }

    mutating func string(_ s: String) { JSONWriter.writeString(s, into: &out) }
    mutating func number(_ d: Double) { out.append(contentsOf: JSONWriter.formatNumber(d).utf8) }
    mutating func bool(_ b: Bool) { out.append(contentsOf: (b ? "true" : "false").utf8) }

    /// A text member, left out when empty.
    mutating func text(_ key: String, _ value: String) {
        if value.isEmpty { return }
        self.key(key)
        string(value)
    }

    /// A list of strings, left out when empty.
    mutating func strings(_ key: String, _ items: [String]) {
        list(key, items) { s, w in w.string(s) }
    }

    /// An object from key to number, keys in canonical order.
    mutating func table(_ key: String, _ values: [String: Double]) {
        self.key(key)
        object { $0.members(values) }
    }

    /// The members of a key-to-number object, in canonical order.
    mutating func members(_ values: [String: Double]) {
        for k in values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            key(k)
            number(values[k]!)
        }
    }

    /// Any JSON value, its object keys in canonical order.
    mutating func node(_ n: JSONNode) {
        switch n.value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): bool(b)
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let items): array { for i in items { $0.element(); $0.node(i) } }
        case .object(let members):
            object {
                for m in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    $0.key(m.key)
                    $0.node(m.value)
                }
            }
        }
    }

    /// A list member, left out when empty.
    mutating func list<T>(_ key: String, _ items: [T], _ each: (T, inout CanonicalWriter) -> Void) {
        if items.isEmpty { return }
        self.key(key)
        array {
            for item in items {
                $0.element()
                each(item, &$0)
            }
        }
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        counts.append(0)
        indent += 2
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        #if DEBUG
        lastKeys.removeLast()
        #endif
        if counts.removeLast() > 0 { JSONWriter.newline(indent, into: &out) }
        out.append(bracket)
    }
}
