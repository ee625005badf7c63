/// One problem found in a journey file, with where it is.
public struct Diagnostic: Hashable, Sendable {
    /// Line and column in the file, when the problem has a place.
    public var location: SourceLocation?
    /// The JSON path of the value concerned, when known.
    public var path: JSONPath?
    public var message: String

    public init(location: SourceLocation? = nil, path: JSONPath? = nil, message: String) {
        self.location = location
        self.path = path
        self.message = message
    }
}

/// Every error JourneyKit reports: what kind it is (which decides the exit code),
/// the file it concerns and the located diagnostics.
///
/// `description` gives one `FILE:LINE:COL: PATH: message` line per diagnostic,
/// followed by the source line with a caret under the spot.
public struct JourneyError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file's content is wrong (exit 65).
        case data
        /// The input file does not exist or is not a regular file (exit 66).
        case noInput
        /// The output cannot be created (exit 73).
        case cannotCreate
        /// Reading or writing failed (exit 74).
        case io
        /// The command was used wrongly (exit 64).
        case usage

        /// The sysexits code for this kind.
        public var exitCode: Int32 {
            switch self {
            case .data: 65
            case .noInput: 66
            case .cannotCreate: 73
            case .io: 74
            case .usage: 64
            }
        }
    }

    public var kind: Kind
    /// The file name as the user gave it.
    public var file: String?
    public var diagnostics: [Diagnostic]
    /// The source, when available, for showing the offending line.
    public var source: SourceText?

    public init(_ kind: Kind, file: String?, diagnostics: [Diagnostic], source: SourceText? = nil) {
        self.kind = kind
        self.file = file
        self.diagnostics = diagnostics
        self.source = source
    }

    public init(_ kind: Kind, file: String?, message: String) {
        self.init(kind, file: file, diagnostics: [Diagnostic(message: message)])
    }

    public var exitCode: Int32 { kind.exitCode }

    /// The first line of every diagnostic, without source excerpts.
    public var lines: [String] {
        diagnostics.map { line(for: $0) }
    }

    public var description: String {
        var out: [String] = []
        for d in diagnostics {
            out.append(line(for: d))
            if let loc = d.location, let source, !source.line(loc.line).isEmpty {
                out.append(contentsOf: excerpt(loc, source))
            }
        }
        return out.joined(separator: "\n")
    }

    func line(for d: Diagnostic) -> String {
        var prefix = TerminalText.escaped(file ?? "<input>")
        if let loc = d.location { prefix += ":\(loc.line):\(loc.column)" }
        prefix += ": "
        if let path = d.path { prefix += TerminalText.escaped(path.description) + ": " }
        return prefix + JourneyError.clipped(TerminalText.escaped(d.message))
    }

    /// The message with every run of more than 80 non-space characters (a huge number,
    /// a 20,000-character id) shortened to its start, `…` and its end.
    static func clipped(_ message: String) -> String {
        guard message.unicodeScalars.count > 80 else { return message }
        var out = ""
        var run = ""
        func flush() {
            let scalars = Array(run.unicodeScalars)
            if scalars.count > 80 {
                var short = String.UnicodeScalarView(scalars[..<60])
                short.append("…")
                short.append(contentsOf: scalars[(scalars.count - 12)...])
                out += String(short) + " (\(scalars.count) characters)"
            } else {
                out += run
            }
            run = ""
        }
        for c in message {
            if c == " " {
                flush()
                out.append(c)
            } else {
                run.append(c)
            }
        }
        flush()
        return out
    }

    func excerpt(_ loc: SourceLocation, _ source: SourceText) -> [String] {
        let text = source.line(loc.line)
        // Keep excerpts short and safe: at most 100 scalars, control characters escaped.
        let scalars = Array(text.unicodeScalars)
        let from = max(0, min(loc.column - 1, scalars.count) - 60)
        let upto = min(scalars.count, from + 100)
        var shown = ""
        var caretColumn = 0
        for (i, s) in scalars[from..<upto].enumerated() {
            let piece = s == "\t" ? " " : TerminalText.escaped(String(s))
            if from + i < loc.column - 1 { caretColumn += TerminalText.width(piece) }
            shown += piece
        }
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        return [
            " \(gutter) | \(from > 0 ? "…" : "")\(shown)\(upto < scalars.count ? "…" : "")",
            " \(pad) | \(String(repeating: " ", count: caretColumn + (from > 0 ? 1 : 0)))^",
        ]
    }
}
