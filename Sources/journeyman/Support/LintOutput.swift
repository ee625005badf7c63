import Foundation
import JourneyKit

/// The three ways `journeyman lint` prints its findings.
enum LintOutput {
    /// Findings for people, grouped under the journey, each stage and the cohorts.
    static func text(file: String, journey: Journey, report: LintReport, style: Style) -> String {
        var out = style.bold(TerminalText.escaped(file)) + ": "
        let suppressed = report.suppressed.isEmpty ? "" : ", \(report.suppressed.count) suppressed"
        if report.findings.isEmpty { return out + "no findings\(suppressed)\n" }
        out += report.summary + suppressed + "\n"
        var groups: [(title: String, findings: [Finding])] = []
        func add(_ title: String, _ f: Finding) {
            if let i = groups.firstIndex(where: { $0.title == title }) { groups[i].findings.append(f) } else { groups.append((title, [f])) }
        }
        let ordered = report.findings.sorted { groupRank($0) < groupRank($1) }
        for f in ordered {
            if let s = f.stageIndex, s < journey.stages.count {
                add("Stage \"\(TerminalText.singleLine(journey.stages[s].name))\"", f)
            } else if f.cohortIndex != nil {
                add("Cohorts", f)
            } else {
                add("Journey", f)
            }
        }
        var explained: Set<String> = []
        func place(_ f: Finding) -> String { f.location.map { "\($0.line):\($0.column)" } ?? "-" }
        let placeWidth = report.findings.map { place($0).count }.max() ?? 1
        let pad = String(repeating: " ", count: 2 + placeWidth + 2)
        for g in groups {
            out += style.bold(g.title) + "\n"
            for f in g.findings {
                let loc = place(f).padding(toLength: placeWidth, withPad: " ", startingAt: 0)
                let word = f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                out += "  \(loc)  \(severity(f.severity, word, style))  \(f.rule)  \(TerminalText.singleLine(f.message))\n"
                out += pad + style.dim("at") + "   \(TerminalText.singleLine(f.path.description))\n"
                // The reason and fix are printed at the first finding of each rule.
                if explained.insert(f.rule).inserted {
                    out += pad + style.dim("why") + "  \(f.reason)\n"
                    out += pad + style.dim("fix") + "  \(f.fix)\n"
                }
            }
        }
        return out
    }

    /// Journey findings first, then stage by stage, then cohorts; file order within each.
    static func groupRank(_ f: Finding) -> Int {
        if let s = f.stageIndex { return 1 + s }
        if f.cohortIndex != nil { return Int.max }
        return 0
    }

    static func severity(_ s: Severity, _ word: String, _ style: Style) -> String {
        switch s {
        case .error: style.red(word)
        case .warning: style.yellow(word)
        case .info: style.cyan(word)
        }
    }

    /// One file's findings as a JSON object, for `--format json`.
    static func json(file: String, journey: Journey, report: LintReport) -> JSONNode {
        func finding(_ f: Finding) -> JSONNode {
            var m: [JSONMember] = [
                JSONMember("rule", .string(f.rule)), JSONMember("severity", .string(f.severity.rawValue)),
                JSONMember("message", .string(f.message)), JSONMember("path", .string(f.path.description)),
                JSONMember("reason", .string(f.reason)), JSONMember("fix", .string(f.fix)),
            ]
            if let l = f.location {
                m.append(JSONMember("line", .number(l.line)))
                m.append(JSONMember("column", .number(l.column)))
            }
            if let s = f.stageIndex, s < journey.stages.count { m.append(JSONMember("stage", .string(journey.stages[s].id))) }
            return .object(m)
        }
        return .object([
            JSONMember("file", .string(file)),
            JSONMember("findings", .array(report.findings.map(finding))),
            JSONMember("suppressed", .array(report.suppressed.map(finding))),
            JSONMember("errors", .number(report.count(.error))),
            JSONMember("warnings", .number(report.count(.warning))),
            JSONMember("info", .number(report.count(.info))),
        ])
    }

    /// GitHub Actions workflow commands: `::warning file=F,line=L,col=C,title=JM003::message`.
    static func github(file: String, report: LintReport) -> String {
        report.findings.map { f in
            var props = ["file=" + property(file)]
            if let l = f.location { props += ["line=\(l.line)", "col=\(l.column)"] }
            props.append("title=" + property(f.rule))
            return "::\(f.severity.githubCommand) \(props.joined(separator: ","))::\(data(TerminalText.escaped(f.message)))\n"
        }.joined()
    }

    /// Escapes a workflow command's message as GitHub requires.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow command's property value: as data, plus `:` and `,`.
    static func property(_ s: String) -> String {
        data(TerminalText.escaped(s)).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// The rule table for `--rules`.
    static func rules() -> String {
        LintRule.all.map { r in
            "\(r.id)  \(r.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(r.title)\n"
                + "  why  \(r.reason)\n  fix  \(r.fix)\n"
        }.joined(separator: "\n")
    }

    /// The rule table for `--rules --format markdown` (docs/strategy.md is made from it).
    static func rulesMarkdown() -> String {
        ReferenceMarkdown.table(["id", "severity", "what it catches", "mistake it guards against", "fix"], LintRule.all.map { r in
            [r.id, r.severity.rawValue, r.title, r.reason, r.fix].map(ReferenceMarkdown.cell)
        })
    }
}
