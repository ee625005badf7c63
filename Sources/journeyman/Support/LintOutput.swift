import Foundation
import JourneyKit

/// How `journeyman lint` prints its findings (SARIF and annotations are in Problems.swift).
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
    static func json(file: String, doc: JourneyDocument, report: LintReport) -> JSONNode {
        .object([
            JSONMember("file", .string(file)),
            JSONMember("valid", .bool(true)),
            JSONMember("findings", .array(report.findings.map { Problem($0, in: doc).json })),
            JSONMember("suppressed", .array(report.suppressed.map { Problem($0, in: doc).json })),
            JSONMember("errors", .number(report.count(.error))),
            JSONMember("warnings", .number(report.count(.warning))),
            JSONMember("info", .number(report.count(.info))),
        ])
    }

    /// A file that could not be read, in the shape of `json(file:doc:report:)`: its errors are
    /// findings of rule `invalid` (`unreadable`, `conflict`).
    static func json(file: String, problems: [Problem]) -> JSONNode {
        .object([
            JSONMember("file", .string(file)),
            JSONMember("valid", .bool(false)),
            JSONMember("findings", .array(problems.map(\.json))),
            JSONMember("suppressed", .array([])),
            JSONMember("errors", .number(problems.count)),
            JSONMember("warnings", .number(0)),
            JSONMember("info", .number(0)),
        ])
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
