import JourneyKit

/// Reads a theme file strictly, as the journey reader reads a journey: every mistake is
/// reported at once, each with the file, line:column and JSON path, in the same words.
public enum ThemeParser {
    static let attributeNames = ["bold", "reverse", "underline", "dim"]
    static let rootKeys = ["name", "description", "roles"]
    static let styleKeys = ["fg", "bg", "attributes"]
    static let colourKind = "a colour (a name or a number 0-255)"

    public static func parse(_ bytes: [UInt8], file: String) throws(JourneyError) -> Theme {
        let source = SourceText(bytes)
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: error.offset), message: error.message)],
                               source: source)
        }
        var reader = Reader(source: source)
        let theme = reader.theme(root)
        if !reader.diagnostics.isEmpty { throw JourneyError(.data, file: file, diagnostics: reader.diagnostics, source: source) }
        return theme
    }

    /// Walks the tree, collecting every problem.
    struct Reader {
        let source: SourceText
        var diagnostics: [Diagnostic] = []

        mutating func report(_ offset: Int, _ path: JSONPath, _ message: String) {
            diagnostics.append(Diagnostic(location: source.location(of: offset), path: path, message: message))
        }

        mutating func theme(_ root: JSONNode) -> Theme {
            var theme = Theme(name: "", styles: [:])
            guard case .object(let members) = root.value else {
                report(root.offset, .root, DiagnosticText.expected("a theme (an object with \"name\" and \"roles\")", found: root.typeName))
                return theme
            }
            var sawRoles = false
            for m in members {
                let path = JSONPath.root.key(m.key)
                switch m.key {
                case "name", "description":
                    guard case .string(let s) = m.value.value else {
                        report(m.value.offset, path, DiagnosticText.expected("a string", found: m.value.typeName))
                        continue
                    }
                    if m.key == "name" { theme.name = s } else { theme.description = s }
                case "roles":
                    sawRoles = true
                    guard case .object(let roles) = m.value.value else {
                        report(m.value.offset, path, DiagnosticText.expected("the roles (an object of role names to styles)", found: m.value.typeName))
                        continue
                    }
                    for r in roles {
                        let rolePath = path.key(r.key)
                        guard let role = StyleRole(rawValue: r.key) else {
                            report(r.keyOffset, rolePath, DiagnosticText.unknownKey(r.key, in: "the roles", allowed: StyleRole.allCases.map(\.rawValue)))
                            continue
                        }
                        theme.styles[role] = style(r.value, rolePath)
                    }
                default:
                    report(m.keyOffset, path, DiagnosticText.unknownKey(m.key, in: "a theme", allowed: ThemeParser.rootKeys))
                }
            }
            if !sawRoles { report(root.offset, .root, DiagnosticText.missingKey("roles", in: "a theme")) }
            return theme
        }

        mutating func style(_ node: JSONNode, _ path: JSONPath) -> Style {
            var style = Style()
            guard case .object(let members) = node.value else {
                report(node.offset, path, DiagnosticText.expected("a style (an object with fg, bg and attributes)", found: node.typeName))
                return style
            }
            for m in members {
                let p = path.key(m.key)
                switch m.key {
                case "fg": style.foreground = color(m.value, p) ?? style.foreground
                case "bg": style.background = color(m.value, p) ?? style.background
                case "attributes":
                    guard case .array(let items) = m.value.value else {
                        report(m.value.offset, p, DiagnosticText.expected("an array of attributes such as [\"bold\"]", found: m.value.typeName))
                        continue
                    }
                    for (i, item) in items.enumerated() {
                        guard case .string(let a) = item.value else {
                            report(item.offset, p.index(i), DiagnosticText.expected("an attribute name", found: item.typeName))
                            continue
                        }
                        switch a {
                        case "bold": style.bold = true
                        case "reverse": style.reverse = true
                        case "underline": style.underline = true
                        case "dim": style.dim = true
                        default: report(item.offset, p.index(i), DiagnosticText.notAChoice(a, "an attribute", ThemeParser.attributeNames))
                        }
                    }
                default:
                    report(m.keyOffset, p, DiagnosticText.unknownKey(m.key, in: "a style", allowed: ThemeParser.styleKeys))
                }
            }
            return style
        }

        mutating func color(_ node: JSONNode, _ path: JSONPath) -> ThemeColor? {
            switch node.value {
            case .string("default"): return .terminalDefault
            case .string(let s):
                if let i = ThemeColor.names.firstIndex(of: s) { return .index(i) }
                report(node.offset, path, DiagnosticText.notAChoice(s, ThemeParser.colourKind, ThemeColor.names + ["default"]))
            case .number(let d):
                if d == d.rounded(), d >= 0, d <= 255 { return .index(Int(d)) }
                report(node.offset, path, "\(JSONWriter.formatNumber(d)) is not \(ThemeParser.colourKind)")
            default:
                report(node.offset, path, DiagnosticText.expected(ThemeParser.colourKind, found: node.typeName))
            }
            return nil
        }
    }
}
