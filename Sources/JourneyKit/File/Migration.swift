/// Brings files written in older format versions up to the current one.
///
/// Format 1 (the prototype's) named the framework as a plain string:
/// `"framework": "aarrr"`. Format 2 makes it an object, `{"id": "aarrr"}`, so a
/// custom framework can carry its name. Format 3 gives the team in numbers (people,
/// hours, a budget amount) instead of the words low / medium / high, which are read as
/// `people(_:)` and `budget(_:)` say; it also adds optional fields (settings, health score,
/// routing rules, data capture, sentiment, pain points, scenarios, conflicts), which need
/// no migration. Files newer than this library are refused.
enum Migration {
    static let oldest = 1

    /// Checks the format version of a file read onto a tape and returns it; the
    /// decoder reads older forms as the current one.
    static func version(of root: JSONValue, file: String?, source: SourceText) throws(JourneyError) -> Int {
        guard root.isObject else {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: root.offset), path: .root, message: "expected a journey (an object), found \(root.typeName)")], source: source)
        }
        guard let node = root["formatVersion"] else {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: root.offset), path: .root, message: "missing \"formatVersion\"; this does not look like a journey file (the current format is \(Journey.formatVersion))")], source: source)
        }
        let path = JSONPath.root.key("formatVersion")
        guard let d = node.number, d == d.rounded() else {
            let found = node.number.map { JSONWriter.formatNumber($0) } ?? node.typeName
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: node.offset), path: path, message: "expected a whole number, found \(found)")], source: source)
        }
        let version = d >= 1e9 ? Int(1e9) : d < 0 ? -1 : Int(d)
        if version > Journey.formatVersion {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: node.offset), path: path, message: "format version \(JSONWriter.formatNumber(d)) is newer than this journeyman reads (\(Journey.formatVersion)); upgrade journeyman to open it")], source: source)
        }
        if version < oldest {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: node.offset), path: path, message: "format version \(JSONWriter.formatNumber(d)) does not exist; versions \(oldest) to \(Journey.formatVersion) are read")], source: source)
        }
        return version
    }

    /// Format 2's team capacity as people who can serve customers.
    static func people(_ r: Rating) -> Double {
        switch r {
        case .low: 2
        case .medium: 8
        case .high: 25
        }
    }

    /// Format 2's team budget as a yearly amount.
    static func budget(_ r: Rating) -> Double {
        switch r {
        case .low: 50_000
        case .medium: 500_000
        case .high: 5_000_000
        }
    }

    /// The tree of a file written in format `version`, brought up to the current format.
    static func upgrade(_ root: JSONNode, from version: Int) -> JSONNode {
        guard case .object(var out) = root.value else { return root }
        if version < 2 {
            // 1 -> 2: the framework string becomes an object.
            if let i = out.firstIndex(where: { $0.key == "framework" }), case .string(let id) = out[i].value.value {
                out[i].value = JSONNode(.object([JSONMember("id", JSONNode(.string(id), offset: out[i].value.offset), keyOffset: out[i].value.offset)]), offset: out[i].value.offset)
            }
        }
        if version < 3 {
            // 2 -> 3: the team's words become numbers.
            if let i = out.firstIndex(where: { $0.key == "team" }), case .object(let team) = out[i].value.value {
                var members: [JSONMember] = []
                for m in team {
                    guard case .string(let word) = m.value.value, let r = Rating(rawValue: word) else { members.append(m); continue }
                    if m.key == "capacity" { members.append(JSONMember("people", JSONNode(.number(people(r)), offset: m.value.offset), keyOffset: m.keyOffset)) }
                    else if m.key == "budget" { members.append(JSONMember("budget", JSONNode(.number(budget(r)), offset: m.value.offset), keyOffset: m.keyOffset)) }
                    else { members.append(m) }
                }
                out[i].value = JSONNode(.object(members), offset: out[i].value.offset)
            }
        }
        if let i = out.firstIndex(where: { $0.key == "formatVersion" }) {
            out[i].value = JSONNode(.number(Double(Journey.formatVersion)), offset: out[i].value.offset)
        }
        return JSONNode(.object(out), offset: root.offset)
    }
}
