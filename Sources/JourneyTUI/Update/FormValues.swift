import Foundation
import JourneyKit

/// A field that does not hold a valid value, and why.
struct FormProblem: Error {
    var field: Int
    var message: String
}

/// Reads typed values out of a form, checking them.
struct FormValues {
    let form: Form

    func index(_ key: FieldKey) -> Int? { form.fields.firstIndex { $0.key == key } }
    func has(_ key: FieldKey) -> Bool { index(key) != nil }

    func text(_ key: FieldKey) -> String? {
        guard let i = index(key) else { return nil }
        return form.fields[i].text
    }

    /// A name: required, trimmed.
    func name(_ key: FieldKey = .name) throws(FormProblem) -> String? {
        guard let i = index(key) else { return nil }
        let v = form.fields[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty { throw FormProblem(field: i, message: "\(form.fields[i].label) cannot be empty") }
        return v
    }

    /// An optional number; `.some(nil)` when the field is empty.
    func number(_ key: FieldKey, range: ClosedRange<Double>? = nil) throws(FormProblem) -> Double?? {
        guard let i = index(key) else { return nil }
        let raw = form.fields[i].text.trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return .some(nil) }
        guard let d = Double(raw), d.isFinite else {
            throw FormProblem(field: i, message: "\(form.fields[i].label) must be a number, like 12 or 12.5")
        }
        if let range, !range.contains(d) {
            throw FormProblem(field: i, message: "\(form.fields[i].label) must be from \(Forms.formatNumber(range.lowerBound)) to \(Forms.formatNumber(range.upperBound))")
        }
        return .some(d)
    }

    func integer(_ key: FieldKey) throws(FormProblem) -> Int?? {
        guard let i = index(key) else { return nil }
        let raw = form.fields[i].text.trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return .some(nil) }
        guard let n = Int(raw), n >= 0 else { throw FormProblem(field: i, message: "\(form.fields[i].label) must be a whole number, 0 or more") }
        return .some(n)
    }

    func date(_ key: FieldKey) throws(FormProblem) -> String?? {
        guard let i = index(key) else { return nil }
        let raw = form.fields[i].text.trimmingCharacters(in: .whitespaces)
        if raw.isEmpty { return .some(nil) }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
            && (1...12).contains(Int(parts[1]) ?? 0) && (1...31).contains(Int(parts[2]) ?? 0)
        if !ok { throw FormProblem(field: i, message: "\(form.fields[i].label) must be a date like 2026-11-22") }
        return .some(raw)
    }

    func choice(_ key: FieldKey) -> String?? {
        guard let i = index(key), case .choice(let v) = form.fields[i].value else { return nil }
        return .some(v)
    }

    func enumValue<E: JourneyEnum>(_ key: FieldKey, _ type: E.Type) -> E?? {
        guard let c = choice(key) else { return nil }
        return .some(c.flatMap { E(rawValue: $0) })
    }

    func multi(_ key: FieldKey) -> [String]? {
        guard let i = index(key), case .multi(let v) = form.fields[i].value else { return nil }
        return v
    }

    func toggle(_ key: FieldKey) -> Bool? {
        guard let i = index(key), case .toggle(let v) = form.fields[i].value else { return nil }
        return v
    }

    func kpis(_ key: FieldKey = .kpis) -> [KPI]? {
        guard let i = index(key), case .kpis(let v) = form.fields[i].value else { return nil }
        return v
    }
}
