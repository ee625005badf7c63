import Foundation
import JourneyKit

/// One thing `validate` or `lint` reports in a machine format: a lint finding, or an
/// error that kept a file from being read (rule `invalid` for bad content, `unreadable`
/// for a missing or unreadable file).
struct Problem {
    var rule: String
    var severity: Severity
    var message: String
    var path: String?
    var start: SourceLocation?
    /// The position just past the value, when known.
    var end: SourceLocation?
    var reason: String?
    var fix: String?
    /// The id of the stage the finding is in.
    var stage: String?

    /// The rule id of a file whose content is wrong.
    static let invalid = "invalid"
    /// The rule id of a file that is missing or cannot be read.
    static let unreadable = "unreadable"
    /// The rule id of an unresolved merge conflict kept in the journey.
    static let conflict = "conflict"

    /// The diagnostics of a read error (or of unresolved conflicts), one problem each.
    static func from(_ error: JourneyError, rule override: String? = nil) -> [Problem] {
        let rule = override ?? (error.kind == .data ? invalid : unreadable)
        return error.diagnostics.map {
            Problem(rule: rule, severity: .error, message: $0.message, path: $0.path?.description, start: $0.location)
        }
    }

    /// A lint finding, with the end of its value when the finding points at the value itself.
    init(_ f: Finding, in doc: JourneyDocument) {
        rule = f.rule
        severity = f.severity
        message = f.message
        path = f.path.description
        start = f.location
        if let r = doc.range(of: f.path), r.start == f.location { end = r.end }
        reason = f.reason
        fix = f.fix
        if let s = f.stageIndex, s < doc.journey.stages.count { stage = doc.journey.stages[s].id }
    }

    init(rule: String, severity: Severity, message: String, path: String?, start: SourceLocation?) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.path = path
        self.start = start
    }

    /// The problem as a JSON object (`--format json`): rule, severity, message, path, line,
    /// column, endLine, endColumn (just past the value), reason, fix and stage, each when known.
    var json: JSONNode {
        var m: [JSONMember] = [
            JSONMember("rule", .string(rule)), JSONMember("severity", .string(severity.rawValue)),
            JSONMember("message", .string(message)),
        ]
        if let path { m.append(JSONMember("path", .string(path))) }
        if let reason { m.append(JSONMember("reason", .string(reason))) }
        if let fix { m.append(JSONMember("fix", .string(fix))) }
        if let start {
            m.append(JSONMember("line", .number(start.line)))
            m.append(JSONMember("column", .number(start.column)))
        }
        if let end {
            m.append(JSONMember("endLine", .number(end.line)))
            m.append(JSONMember("endColumn", .number(end.column)))
        }
        if let stage { m.append(JSONMember("stage", .string(stage))) }
        return .object(m)
    }
}

/// File names as the repository knows them, for annotations and SARIF.
enum RepoPath {
    /// The repository root: `$GITHUB_WORKSPACE`, else git's top level for the current
    /// directory, else nil.
    static let root: String? = {
        if let w = ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"], !w.isEmpty { return canonical(w) }
        guard let r = External.run("git", ["rev-parse", "--show-toplevel"]), r.status == 0 else { return nil }
        let top = r.output.trimmingCharacters(in: .newlines)
        return top.isEmpty ? nil : canonical(top)
    }()

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `file` relative to the repository root when it is inside it, else as given.
    static func relative(_ file: String) -> String {
        guard let root else { return file }
        let full = canonical(file)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : file
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`).
enum GitHubAnnotations {
    /// One line per problem. `endColumn` is the value's last column, given when it ends on
    /// the line it starts on; `endLine` whenever the end is known.
    static func lines(file: String, problems: [Problem]) -> String {
        let name = RepoPath.relative(file)
        return problems.map { p in
            var props = ["file=" + property(name)]
            if let s = p.start {
                props += ["line=\(s.line)", "col=\(s.column)"]
                if let e = p.end {
                    props.append("endLine=\(e.line)")
                    if e.line == s.line, e.column > s.column { props.append("endColumn=\(e.column - 1)") }
                }
            }
            let titles = [Problem.invalid: "invalid journey", Problem.unreadable: "unreadable file", Problem.conflict: "unresolved merge conflict"]
            props.append("title=" + property(titles[p.rule] ?? p.rule))
            let text = p.rule.hasPrefix("JM") || p.path == nil ? p.message : p.path! + ": " + p.message
            return "::\(p.severity.githubCommand) \(props.joined(separator: ","))::\(data(text))\n"
        }.joined()
    }

    /// Escapes a workflow command's message as GitHub requires (`%`, CR, LF), then shows
    /// any other control character as a visible escape.
    static func data(_ s: String) -> String {
        TerminalText.escaped(s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// Escapes a workflow command's property value: as data, plus `:` and `,`.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// SARIF 2.1.0 (GitHub code scanning, reviewdog): one run, every lint rule plus `invalid`
/// and `unreadable`, one result per problem; suppressed findings carry a suppression.
enum SARIF {
    struct FileProblems {
        var file: String
        var problems: [Problem]
        var suppressed: [Problem] = []
    }

    static func log(_ files: [FileProblems]) -> JSONNode {
        var rules: [JSONNode] = LintRule.all.map { r in
            rule(r.id, title: r.title, reason: r.reason, fix: r.fix, level: level(r.severity))
        }
        rules.append(rule(Problem.invalid, title: "The file is not a valid journey", reason: "A journey must parse and pass every check of `journeyman validate` before anything else can read it.", fix: "Fix the file at the place shown.", level: "error"))
        rules.append(rule(Problem.unreadable, title: "The file cannot be read", reason: "The file is missing, not a regular file, or could not be read.", fix: "Check the path and permissions.", level: "error"))
        rules.append(rule(Problem.conflict, title: "An unresolved merge conflict is kept in the journey", reason: "A merge that could not decide kept one side and recorded the other in \"conflicts\"; the file is not done until someone chooses.", fix: "Keep the value you want at the conflict's path and delete the entry from \"conflicts\".", level: "error"))
        let ids = LintRule.all.map(\.id) + [Problem.invalid, Problem.unreadable, Problem.conflict]
        var results: [JSONNode] = []
        for f in files {
            let uri = uriReference(RepoPath.relative(f.file))
            for p in f.problems { results.append(result(p, uri: uri, ruleIndex: ids.firstIndex(of: p.rule), suppressed: false)) }
            for p in f.suppressed { results.append(result(p, uri: uri, ruleIndex: ids.firstIndex(of: p.rule), suppressed: true)) }
        }
        let driver: JSONNode = .object([
            JSONMember("name", .string("journeyman")), JSONMember("version", .string(Journeyman.version)),
            JSONMember("informationUri", .string("https://github.com/journeyman/journeyman")),
            JSONMember("rules", .array(rules)),
        ])
        let run: JSONNode = .object([
            JSONMember("tool", .object([JSONMember("driver", driver)])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(results)),
        ])
        return .object([
            JSONMember("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ id: String, title: String, reason: String, fix: String, level: String) -> JSONNode {
        .object([
            JSONMember("id", .string(id)),
            JSONMember("shortDescription", .object([JSONMember("text", .string(title))])),
            JSONMember("fullDescription", .object([JSONMember("text", .string(reason))])),
            JSONMember("help", .object([JSONMember("text", .string(fix))])),
            JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level))])),
        ])
    }

    static func result(_ p: Problem, uri: String, ruleIndex: Int?, suppressed: Bool) -> JSONNode {
        var physical: [JSONMember] = [JSONMember("artifactLocation", .object([JSONMember("uri", .string(uri))]))]
        if let s = p.start {
            var region: [JSONMember] = [JSONMember("startLine", .number(s.line)), JSONMember("startColumn", .number(s.column))]
            if let e = p.end {
                region.append(JSONMember("endLine", .number(e.line)))
                region.append(JSONMember("endColumn", .number(e.column)))
            }
            physical.append(JSONMember("region", .object(region)))
        }
        var location: [JSONMember] = [JSONMember("physicalLocation", .object(physical))]
        if let path = p.path {
            location.append(JSONMember("logicalLocations", .array([.object([JSONMember("fullyQualifiedName", .string(path))])])))
        }
        var m: [JSONMember] = [
            JSONMember("ruleId", .string(p.rule)),
            JSONMember("level", .string(level(p.severity))),
            JSONMember("message", .object([JSONMember("text", .string(p.message))])),
            JSONMember("locations", .array([.object(location)])),
        ]
        if let ruleIndex { m.append(JSONMember("ruleIndex", .number(ruleIndex))) }
        if suppressed { m.append(JSONMember("suppressions", .array([.object([JSONMember("kind", .string("inSource"))])]))) }
        return .object(m)
    }

    /// A relative path as a URI reference: `/`-separated, everything but unreserved
    /// characters percent-encoded.
    static func uriReference(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
