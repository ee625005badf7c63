/// Unresolved merge conflicts kept in a journey: `validate` and `lint` refuse the file
/// until each is resolved and its entry removed.
extension JourneyDocument {
    /// One located error per entry of `conflicts`, or nil when there are none. Each
    /// points at the entry and names the path, the sides and their values.
    public func conflictError(file: String?) -> JourneyError? {
        let list = journey.conflicts
        if list.isEmpty { return nil }
        let diagnostics = list.enumerated().map { i, c in
            let path = JSONPath.root.key("conflicts").index(i)
            return Diagnostic(location: location(of: path), path: path, message: JourneyDocument.describe(c))
        }
        return JourneyError(.data, file: file, diagnostics: diagnostics, source: source)
    }

    /// A conflict in one line: what, where, and the three values.
    static func describe(_ c: UnresolvedConflict) -> String {
        func show(_ v: JSONNode?) -> String {
            guard let v else { return "(none)" }
            let text = FieldPaths.compact(v)
            return text.count > 60 ? String(text.prefix(57)) + "..." : text
        }
        return "unresolved merge conflict \(JSONWriter.quoted(c.id)) at \(c.path): \(c.message) "
            + "[base \(show(c.base)), \(c.oursLabel) \(show(c.ours)), \(c.theirsLabel) \(show(c.theirs))]; "
            + "keep the value you want at \(c.path) and delete this entry"
    }
}
