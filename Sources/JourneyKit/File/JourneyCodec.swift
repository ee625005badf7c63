/// A journey read from text, with what is needed to point back into that text.
public struct JourneyDocument: Sendable {
    public var journey: Journey
    /// The source text, for turning offsets into lines and columns.
    public let source: SourceText
    /// The JSON tree the journey was read from (after migration).
    public let tree: JSONNode
    /// The format version the file was written in (older ones are migrated on read).
    public let sourceFormatVersion: Int

    /// The line and column of the value at `path`, or of its nearest existing parent.
    public func location(of path: JSONPath) -> SourceLocation? {
        var node = tree
        var offset = tree.offset
        for c in path.components {
            switch (c, node.value) {
            case (.key(let k), .object(let members)):
                guard let m = members.first(where: { $0.key == k }) else { return source.location(of: offset) }
                node = m.value
            case (.index(let i), .array(let items)):
                guard i >= 0 && i < items.count else { return source.location(of: offset) }
                node = items[i]
            default:
                return source.location(of: offset)
            }
            offset = node.offset
        }
        return source.location(of: offset)
    }
}

/// Reads and writes journeys as canonical JSON text.
public enum JourneyCodec {
    /// The canonical bytes of a journey.
    public static func encode(_ journey: Journey) -> [UInt8] {
        JSONWriter.canonical(JourneyEncoder.encode(journey))
    }

    /// The canonical text of a journey.
    public static func encodeString(_ journey: Journey) -> String {
        String(decoding: encode(journey), as: UTF8.self)
    }

    /// The journey's JSON tree, as it would be written.
    public static func tree(_ journey: Journey) -> JSONNode {
        JourneyEncoder.encode(journey)
    }

    /// Reads a journey from bytes; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String? = nil, limits: JourneyLimits = .default) throws(JourneyError) -> JourneyDocument {
        let source = SourceText(bytes)
        if bytes.count > limits.maxFileBytes {
            throw JourneyError(.data, file: file, message: "the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes) bytes; raise it with --max-bytes if the file is genuine")
        }
        let tree: JSONNode
        do {
            tree = try JSONReader.read(bytes, limits: limits.json)
        } catch {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: error.offset), message: error.message)], source: source)
        }
        var decoder = JourneyDecoder(source: source, limits: limits)
        let (migrated, version) = try Migration.migrate(tree, decoder: &decoder, file: file, source: source)
        let journey = decoder.journey(migrated)
        if !decoder.diagnostics.isEmpty || journey == nil {
            let diags = decoder.diagnostics.isEmpty ? [Diagnostic(message: "the journey could not be read")] : decoder.diagnostics
            throw JourneyError(.data, file: file, diagnostics: diags, source: source)
        }
        return JourneyDocument(journey: journey!, source: source, tree: migrated, sourceFormatVersion: version)
    }

    /// Reads a journey from a String (tests, tools).
    public static func decode(_ text: String, file: String? = nil) throws(JourneyError) -> JourneyDocument {
        try decode(Array(text.utf8), file: file)
    }
}
