/// A journey read from text, with what is needed to point back into that text.
public struct JourneyDocument: Sendable {
    public var journey: Journey
    /// The source text, for turning offsets into lines and columns.
    public let source: SourceText
    /// The format version the file was written in (older ones are migrated on read).
    public let sourceFormatVersion: Int
    /// Every value of the source with its offset, for `location(of:)`.
    let tape: JSONTape

    /// The JSON tree the journey was read from (after migration), built on demand.
    public var tree: JSONNode {
        Migration.upgrade(tape.node(at: 0), from: sourceFormatVersion)
    }

    /// The line and column of the value at `path`, or of its nearest existing parent.
    public func location(of path: JSONPath) -> SourceLocation? {
        var node = JSONValue(tape: tape, index: 0)
        for c in path.components {
            switch c {
            case .key(let k):
                // Format 1 named the framework as a plain string: its id is that string.
                if sourceFormatVersion < 2, k == "id", node.string != nil, path.components.first == .key("framework") {
                    continue
                }
                guard let v = node[k] else { return source.location(of: node.offset) }
                node = v
            case .index(let i):
                guard node.isArray, i >= 0, let e = node.element(i) else { return source.location(of: node.offset) }
                node = e
            }
        }
        return source.location(of: node.offset)
    }

    /// Where the value at `path` starts and the position just past its end, when the
    /// whole path exists in the source (no nearest-parent fallback).
    public func range(of path: JSONPath) -> (start: SourceLocation, end: SourceLocation)? {
        var node = JSONValue(tape: tape, index: 0)
        for c in path.components {
            switch c {
            case .key(let k):
                guard let v = node[k] else { return nil }
                node = v
            case .index(let i):
                guard node.isArray, i >= 0, let e = node.element(i) else { return nil }
                node = e
            }
        }
        return (source.location(of: node.offset), source.location(of: source.valueEnd(from: node.offset)))
    }
}

/// Reads and writes journeys as canonical JSON text.
public enum JourneyCodec {
    /// The canonical bytes of a journey; `capacity` reserves room for that many bytes
    /// (space never written to costs no memory).
    public static func encode(_ journey: Journey, capacity: Int = 0) -> [UInt8] {
        JourneyEncoder.encode(journey, capacity: capacity)
    }

    /// The canonical text of a journey.
    public static func encodeString(_ journey: Journey) -> String {
        String(decoding: encode(journey), as: UTF8.self)
    }

    /// The journey's JSON tree, as it would be written.
    public static func tree(_ journey: Journey) -> JSONNode {
        // Read back from the canonical text: one definition of what is written. Offsets are
        // 0, as for any tree built in code. The encoder's output always reads back; if it
        // did not, diff, merge and recovery must stop rather than see an empty journey.
        do {
            return try JSONReader.read(encode(journey), limits: JSONLimits(maxDepth: 64, maxStringBytes: .max)).withoutOffsets
        } catch {
            preconditionFailure("JourneyCodec.tree: the canonical encoding of journey \"\(journey.title)\" does not read back (an encoder bug): \(error)")
        }
    }

    /// Reads a journey from bytes; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String? = nil, limits: JourneyLimits = .default) throws(JourneyError) -> JourneyDocument {
        let source = SourceText(bytes)
        if bytes.count > limits.maxFileBytes {
            throw JourneyError(.data, file: file, message: "the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes) bytes; raise it with --max-bytes if the file is genuine")
        }
        let tape: JSONTape
        do {
            tape = try JSONReader.tape(bytes, limits: limits.json)
        } catch {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: error.offset), message: error.message)], source: source)
        }
        let root = JSONValue(tape: tape, index: 0)
        let version = try Migration.version(of: root, file: file, source: source)
        var decoder = JourneyDecoder(source: source, limits: limits, tape: tape)
        decoder.sourceFormatVersion = version
        let journey = decoder.journey(root)
        if !decoder.diagnostics.isEmpty || journey == nil {
            let diags = decoder.diagnostics.isEmpty ? [Diagnostic(message: "the journey could not be read")] : decoder.diagnostics
            throw JourneyError(.data, file: file, diagnostics: diags, source: source)
        }
        return JourneyDocument(journey: journey!, source: source, sourceFormatVersion: version, tape: tape)
    }

    /// Reads a journey from a String (tests, tools).
    public static func decode(_ text: String, file: String? = nil) throws(JourneyError) -> JourneyDocument {
        try decode(Array(text.utf8), file: file)
    }
}
