import JourneyKit

/// Editing the cost assumptions: the currency, and each model's yearly cost and minutes per customer.
extension Editor {
    /// `$`: the list of cost assumptions (the currency, then every model), Enter edits a row.
    static func openCosts(_ s: inout EditorState, highlight: String? = nil) {
        s.overlays.append(.picker(Choices.costs(s.journey, highlight: highlight)))
    }

    /// Enter on a row of the costs list: the list stays beneath the row's form.
    static func openCostForm(_ s: inout EditorState, _ p: Picker, _ id: String) {
        s.overlays.append(.picker(p))
        s.overlays.append(.form(id == Choices.currencyRow ? Forms.currency(s.journey) : Forms.modelCosts(id, in: s.journey)))
    }

    static func commitCurrency(_ s: inout EditorState, _ values: FormValues) throws(FormProblem) {
        var code = (values.text(.currency) ?? "").trimmingCharacters(in: .whitespaces)
        if code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isLetter }) { code = code.uppercased() }
        if !code.isEmpty && !NumberText.isCurrencyCode(code) {
            let letters = code.count == 3 && code.allSatisfy { $0.isASCII && $0.isLetter }
            throw FormProblem(field: 0, message: letters
                ? "\(TerminalText.escaped(code)) is not an ISO 4217 currency journeyman knows: use one such as EUR, GBP or JPY"
                : "The currency is a three-letter ISO 4217 code such as EUR (or one of $ € £ ¥); empty means \(CostModel.defaultCurrency)")
        }
        close(&s)
        let old = CostModel(s.journey).currency
        guard code != (s.journey.costs?.currency ?? "") else { return }
        edit(&s, "set the currency to \(code.isEmpty ? "the default" : code)") { j in
            var costs = j.costs ?? CostAssumptions()
            costs.currency = code
            j.costs = costs == CostAssumptions() ? nil : costs
        }
        refreshCosts(&s, highlight: Choices.currencyRow)
        let now = CostModel(s.journey).currency
        s.message = Message("Currency \(old) → \(now)\(code.isEmpty ? " (the default)" : ""): amounts now read \(CostModel(s.journey).money(1500)) (u undoes)")
    }

    static func commitModelCosts(_ s: inout EditorState, _ model: String, _ values: FormValues) throws(FormProblem) {
        let cost = try amount(values, .unitCost, max: 1e12)
        let minutes = try amount(values, .minutes, max: 525_600)
        close(&s)
        let before = s.journey
        var costs = s.journey.costs ?? CostAssumptions()
        costs.perCustomerYear[model] = cost
        costs.minutesPerCustomerYear[model] = minutes
        let updated: CostAssumptions? = costs == CostAssumptions() ? nil : costs
        guard updated != s.journey.costs else { return }
        let name = s.journey.modelName(model)
        edit(&s, "set the costs of \(name)") { $0.costs = updated }
        refreshCosts(&s, highlight: model)
        let m = CostModel(s.journey)
        let unit = m.unitCost(model).map { m.money($0) } ?? "no cost"
        s.message = Message("\(name): \(unit) and \(Forms.formatNumber(m.minutes(model))) minutes a customer a year" + costChanges(before, s.journey) + " (u undoes)")
    }

    /// An optional amount from a form field: 0 or more, at most `max`.
    static func amount(_ values: FormValues, _ key: FieldKey, max: Double) throws(FormProblem) -> Double? {
        guard let i = values.index(key) else { return nil }
        return try amount(values, at: i, max: max)
    }

    /// The optional amount of the form's field at `i`: 0 or more, at most `max`.
    static func amount(_ values: FormValues, at i: Int, max: Double) throws(FormProblem) -> Double? {
        let label = values.form.fields[i].label
        let raw = values.form.fields[i].text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if raw.isEmpty { return nil }
        guard let d = Double(raw), d.isFinite else { throw FormProblem(field: i, message: "\(label) must be a number, like 12 or 12.5 (empty: the default)") }
        if d < 0 { throw FormProblem(field: i, message: "\(label) cannot be negative") }
        if d > max { throw FormProblem(field: i, message: "\(label) must be at most \(CostModel.grouped(max))") }
        return d
    }

    /// How the cohorts' yearly cost to serve moved: "; cost to serve 'VIP' USD 1 → USD 2 a year".
    static func costChanges(_ before: Journey, _ after: Journey) -> String {
        let a = CostModel(before), b = CostModel(after)
        var changed: [String] = []
        for (old, new) in zip(before.cohorts, after.cohorts) {
            let x = a.unitCost(of: old).flatMap { u in old.size.map { Double($0) * u } }
            let y = b.unitCost(of: new).flatMap { u in new.size.map { Double($0) * u } }
            guard let x, let y, x != y else { continue }
            changed.append("'\(new.name)' \(a.money(x)) → \(b.money(y))")
        }
        guard !changed.isEmpty else { return "" }
        let shown = changed.prefix(2).joined(separator: ", ") + (changed.count > 2 ? " and \(changed.count - 2) more" : "")
        return "; cost to serve \(shown) a year"
    }

    /// The costs list beneath the form shows the new values.
    static func refreshCosts(_ s: inout EditorState, highlight: String) {
        guard s.top?.picker?.target == .costs else { return }
        s.top = .picker(Choices.costs(s.journey, highlight: highlight))
    }
}

extension Choices {
    /// The id of the currency row of the costs list.
    static let currencyRow = "currency"

    /// The costs list: the currency, then each model with its yearly cost and minutes per customer.
    static func costs(_ j: Journey, highlight: String? = nil) -> Picker {
        let m = CostModel(j)
        let currency = j.costs?.currency ?? ""
        var choices = [Choice(currencyRow, "Currency", detail: currency.isEmpty ? "\(m.currency) (default)" : currency)]
        for id in EngagementModel.catalog.map(\.id) + j.models.map(\.id) {
            let own = j.costs?.perCustomerYear[id] != nil, ownMinutes = j.costs?.minutesPerCustomerYear[id] != nil
            let cost = m.unitCost(id).map { m.money($0) } ?? "no cost yet"
            let set = own && ownMinutes ? "set" : own ? "cost set" : ownMinutes ? "minutes set" : "default"
            choices.append(Choice(id, j.modelName(id), detail: "\(cost) · \(Forms.formatNumber(m.minutes(id))) min · \(set)"))
        }
        return Picker(title: "Cost assumptions, a customer a year (Enter edits)", choices: choices, selected: [highlight ?? currencyRow], target: .costs)
    }
}

extension Forms {
    public static func currency(_ j: Journey) -> Form {
        Form("Currency (empty: \(CostModel.defaultCurrency))", [text(.currency, "Currency", j.costs?.currency ?? "")], target: .currency)
    }

    public static func modelCosts(_ model: String, in j: Journey) -> Form {
        var defaults = j
        defaults.costs = nil
        let d = CostModel(defaults)
        let cost = d.unitCost(model).map { "default \(CostModel.grouped($0))" } ?? "no default"
        return Form("Costs of \(j.modelName(model)) in \(CostModel(j).currency), a customer a year", [
            number(.unitCost, "Cost (\(cost))", j.costs?.perCustomerYear[model]),
            number(.minutes, "Minutes (default \(Forms.formatNumber(d.minutes(model))))", j.costs?.minutesPerCustomerYear[model]),
        ], target: .modelCosts(model: model))
    }
}
