/// Turns a `Journey` into its JSON tree. Fields equal to their default (empty
/// text, empty lists, absent values, `false`) are left out; required keys are
/// always written.
enum JourneyEncoder {
    static func encode(_ j: Journey) -> JSONNode {
        var m: [JSONMember] = []
        if let schema = j.schema { m.append(JSONMember("$schema", .string(schema))) }
        m.append(JSONMember("formatVersion", .number(Journey.formatVersion)))
        m.append(JSONMember("title", .string(j.title)))
        text(&m, "description", j.description)
        text(&m, "owner", j.owner)
        var fw: [JSONMember] = [JSONMember("id", .string(j.framework.id))]
        if let name = j.framework.name { fw.append(JSONMember("name", .string(name))) }
        if j.framework.custom { fw.append(JSONMember("custom", .bool(true))) }
        m.append(JSONMember("framework", .object(fw)))
        m.append(JSONMember("stages", .array(j.stages.map(stage))))
        list(&m, "loops", j.loops.map(loop))
        list(&m, "cohorts", j.cohorts.map(cohort))
        list(&m, "models", j.models.map(model))
        list(&m, "kpis", j.kpis.map(kpi))
        if let d = j.lastReviewed { m.append(JSONMember("lastReviewed", .string(d))) }
        if let t = j.team {
            var tm: [JSONMember] = []
            if let c = t.capacity { tm.append(JSONMember("capacity", .string(c.rawValue))) }
            if let b = t.budget { tm.append(JSONMember("budget", .string(b.rawValue))) }
            m.append(JSONMember("team", .object(tm)))
        }
        if let c = j.costs {
            var cm: [JSONMember] = []
            text(&cm, "currency", c.currency)
            cm.append(JSONMember("perCustomerYear", .object(c.perCustomerYear.map { JSONMember($0.key, .number($0.value)) })))
            m.append(JSONMember("costs", .object(cm)))
        }
        if let r = j.maturity {
            var rm: [JSONMember] = [
                JSONMember("assessed", .string(r.assessed)),
                JSONMember("rung", .number(r.rung)),
                JSONMember("level", .number(r.level)),
            ]
            list(&rm, "checks", r.checks.map { .string($0) })
            m.append(JSONMember("maturity", .object(rm)))
        }
        suppress(&m, j.suppress)
        return .object(m)
    }

    static func stage(_ s: Stage) -> JSONNode {
        var m: [JSONMember] = [JSONMember("id", .string(s.id)), JSONMember("name", .string(s.name))]
        text(&m, "goal", s.goal)
        if let l = s.level { m.append(JSONMember("level", .string(l.rawValue))) }
        if let d = s.dropOff { m.append(JSONMember("dropOff", .number(d))) }
        list(&m, "kpis", s.kpis.map(kpi))
        list(&m, "touchpoints", s.touchpoints.map(touchpoint))
        suppress(&m, s.suppress)
        return .object(m)
    }

    static func touchpoint(_ t: Touchpoint) -> JSONNode {
        var m: [JSONMember] = [JSONMember("id", .string(t.id)), JSONMember("name", .string(t.name))]
        if let c = t.channel { m.append(JSONMember("channel", .string(c))) }
        if let tr = t.trigger {
            var tm: [JSONMember] = [JSONMember("kind", .string(tr.kind.rawValue))]
            text(&tm, "detail", tr.detail)
            m.append(JSONMember("trigger", .object(tm)))
        }
        if let model = t.model { m.append(JSONMember("model", .string(model))) }
        list(&m, "layers", t.layers.map { .string($0) })
        list(&m, "cohorts", t.cohorts.map { .string($0) })
        text(&m, "owner", t.owner)
        text(&m, "content", t.content)
        list(&m, "kpis", t.kpis.map(kpi))
        text(&m, "escalation", t.escalation)
        if let s = t.status { m.append(JSONMember("status", .string(s.rawValue))) }
        if let e = t.evidence { m.append(JSONMember("evidence", .string(e.rawValue))) }
        text(&m, "notes", t.notes)
        suppress(&m, t.suppress)
        return .object(m)
    }

    static func cohort(_ c: Cohort) -> JSONNode {
        var m: [JSONMember] = [JSONMember("id", .string(c.id)), JSONMember("name", .string(c.name))]
        text(&m, "description", c.description)
        if let s = c.size { m.append(JSONMember("size", .number(s))) }
        if let v = c.valuePerUser { m.append(JSONMember("valuePerUser", .number(v))) }
        if let x = c.complexity { m.append(JSONMember("complexity", .string(x.rawValue))) }
        if let s = c.service { m.append(JSONMember("service", .string(s.rawValue))) }
        if let l = c.level { m.append(JSONMember("level", .string(l.rawValue))) }
        if let model = c.model { m.append(JSONMember("model", .string(model))) }
        list(&m, "layers", c.layers.map { .string($0) })
        suppress(&m, c.suppress)
        return .object(m)
    }

    static func kpi(_ k: KPI) -> JSONNode {
        var m: [JSONMember] = [
            JSONMember("id", .string(k.id)), JSONMember("name", .string(k.name)), JSONMember("kind", .string(k.kind.rawValue)),
        ]
        if k.health { m.append(JSONMember("health", .bool(true))) }
        if let t = k.target { m.append(JSONMember("target", .number(t))) }
        text(&m, "unit", k.unit)
        return .object(m)
    }

    static func loop(_ l: LoopEdge) -> JSONNode {
        var m: [JSONMember] = [JSONMember("id", .string(l.id)), JSONMember("from", .string(l.from)), JSONMember("to", .string(l.to))]
        text(&m, "label", l.label)
        return .object(m)
    }

    static func model(_ c: CustomModel) -> JSONNode {
        var m: [JSONMember] = [JSONMember("id", .string(c.id)), JSONMember("name", .string(c.name))]
        text(&m, "description", c.description)
        if let b = c.basedOn { m.append(JSONMember("basedOn", .string(b))) }
        return .object(m)
    }

    static func text(_ m: inout [JSONMember], _ key: String, _ value: String) {
        if !value.isEmpty { m.append(JSONMember(key, .string(value))) }
    }

    static func list(_ m: inout [JSONMember], _ key: String, _ items: [JSONNode]) {
        if !items.isEmpty { m.append(JSONMember(key, .array(items))) }
    }

    static func suppress(_ m: inout [JSONMember], _ s: [Suppression]) {
        list(&m, "suppress", s.map { .object([JSONMember("rule", .string($0.rule)), JSONMember("reason", .string($0.reason))]) })
    }
}
