import JourneyKit

/// Reads a theme file strictly: every mistake names the file, line:column and key.
public enum ThemeParser {
    static let attributeNames = ["bold", "reverse", "underline", "dim"]

    public static func parse(_ bytes: [UInt8], file: String) throws(JourneyError) -> Theme {
        let source = SourceText(bytes)
        func fail(_ node: JSONNode, _ path: JSONPath, _ message: String) -> JourneyError {
            JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: node.offset), path: path, message: message)],
                         source: source)
        }
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: error.offset), message: error.message)],
                               source: source)
        }
        guard case .object(let members) = root.value else { throw fail(root, .root, "a theme is an object with \"name\" and \"roles\"") }
        var theme = Theme(name: "", styles: [:])
        var sawRoles = false
        for m in members {
            let path = JSONPath.root.key(m.key)
            switch m.key {
            case "name", "description":
                guard case .string(let s) = m.value.value else { throw fail(m.value, path, "must be a string, not \(m.value.typeName)") }
                if m.key == "name" { theme.name = s } else { theme.description = s }
            case "roles":
                sawRoles = true
                guard case .object(let roles) = m.value.value else { throw fail(m.value, path, "must be an object of role names to styles") }
                for r in roles {
                    let rolePath = path.key(r.key)
                    guard let role = StyleRole(rawValue: r.key) else {
                        let names = StyleRole.allCases.map(\.rawValue)
                        let hint = Suggest.closest(to: r.key, in: names).map { "; did you mean '\($0)'?" } ?? "; roles are \(names.joined(separator: ", "))"
                        throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: r.keyOffset), path: rolePath,
                                                                                      message: "unknown role '\(r.key)'\(hint)")], source: source)
                    }
                    theme.styles[role] = try style(r.value, rolePath, fail)
                }
            default:
                let hint = Suggest.closest(to: m.key, in: ["name", "description", "roles"]).map { "; did you mean '\($0)'?" } ?? ""
                throw JourneyError(.data, file: file, diagnostics: [Diagnostic(location: source.location(of: m.keyOffset), path: path,
                                                                              message: "unknown key '\(m.key)'\(hint)")], source: source)
            }
        }
        if !sawRoles { throw fail(root, .root, "a theme needs \"roles\"") }
        return theme
    }

    private static func style(_ node: JSONNode, _ path: JSONPath, _ fail: (JSONNode, JSONPath, String) -> JourneyError) throws(JourneyError) -> Style {
        guard case .object(let members) = node.value else { throw fail(node, path, "a style is an object with fg, bg and attributes") }
        var style = Style()
        for m in members {
            let p = path.key(m.key)
            switch m.key {
            case "fg": style.foreground = try color(m.value, p, fail)
            case "bg": style.background = try color(m.value, p, fail)
            case "attributes":
                guard case .array(let items) = m.value.value else { throw fail(m.value, p, "must be an array such as [\"bold\"]") }
                for (i, item) in items.enumerated() {
                    guard case .string(let a) = item.value, attributeNames.contains(a) else {
                        throw fail(item, p.index(i), "unknown attribute; use \(attributeNames.joined(separator: ", "))")
                    }
                    switch a {
                    case "bold": style.bold = true
                    case "reverse": style.reverse = true
                    case "underline": style.underline = true
                    default: style.dim = true
                    }
                }
            default:
                let hint = Suggest.closest(to: m.key, in: ["fg", "bg", "attributes"]).map { "did you mean '\($0)'?" } ?? "use fg, bg, attributes"
                throw fail(m.value, p, "unknown key '\(m.key)'; \(hint)")
            }
        }
        return style
    }

    private static func color(_ node: JSONNode, _ path: JSONPath, _ fail: (JSONNode, JSONPath, String) -> JourneyError) throws(JourneyError) -> ThemeColor {
        let message = "a colour is one of \(ThemeColor.names.joined(separator: ", ")), a number 0-255, or \"default\""
        switch node.value {
        case .string("default"): return .terminalDefault
        case .string(let s):
            if let i = ThemeColor.names.firstIndex(of: s) { return .index(i) }
            let hint = Suggest.closest(to: s, in: ThemeColor.names + ["default"]).map { "unknown colour '\(s)'; did you mean '\($0)'?" }
            throw fail(node, path, hint ?? "unknown colour '\(s)'; \(message)")
        case .number(let d):
            guard d == d.rounded(), d >= 0, d <= 255 else { throw fail(node, path, message) }
            return .index(Int(d))
        default:
            throw fail(node, path, message)
        }
    }
}
