/// Brings files written in older format versions up to the current one.
///
/// Format 1 (the prototype's) named the framework as a plain string:
/// `"framework": "aarrr"`. Format 2 makes it an object, `{"id": "aarrr"}`, so a
/// custom framework can carry its name. Files newer than this library are refused.
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

    /// The tree of a file written in format `version`, brought up to the current format.
    static func upgrade(_ root: JSONNode, from version: Int) -> JSONNode {
        guard case .object(var out) = root.value else { return root }
        if version < 2 {
            // 1 -> 2: the framework string becomes an object.
            if let i = out.firstIndex(where: { $0.key == "framework" }), case .string(let id) = out[i].value.value {
                out[i].value = JSONNode(.object([JSONMember("id", JSONNode(.string(id), offset: out[i].value.offset), keyOffset: out[i].value.offset)]), offset: out[i].value.offset)
            }
        }
        if let i = out.firstIndex(where: { $0.key == "formatVersion" }) {
            out[i].value = JSONNode(.number(Double(Journey.formatVersion)), offset: out[i].value.offset)
        }
        return JSONNode(.object(out), offset: root.offset)
    }
}
