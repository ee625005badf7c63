import Foundation
import JourneyKit

/// Finds themes by name: user themes in `$XDG_CONFIG_HOME/journeyman/themes`
/// (or `~/.config/journeyman/themes`) first, then the built-in ones.
public enum ThemeCatalog {
    /// The built-in theme names, in the order they are listed.
    public static var builtInNames: [String] { BuiltInThemes.files.map(\.name) }

    /// The folder user themes are read from.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/journeyman/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/journeyman/themes" }
        return nil
    }

    /// The built-in theme with this name.
    public static func builtIn(_ name: String) -> Theme? {
        guard let file = BuiltInThemes.files.first(where: { $0.name == name }) else { return nil }
        return try? ThemeParser.parse(Array(file.json.utf8), file: "Themes/\(name).json")
    }

    /// Every theme name available: user themes, then built-ins not shadowed.
    public static func names(environment: [String: String]) -> [String] {
        var names: [String] = []
        if let dir = userDirectory(environment: environment),
           let files = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        }
        return names + builtInNames.filter { !names.contains($0) }
    }

    /// The theme to use: `--theme`, else `JOURNEYMAN_THEME`, else default; NO_COLOR
    /// turns any theme monochrome. A bad user theme file is an error naming the file
    /// and key; an unknown name is a usage error listing the names.
    public static func resolve(option: String?, environment: [String: String]) throws(JourneyError) -> Theme {
        let requested = option ?? environment["JOURNEYMAN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
        let name = requested ?? "default"
        var theme: Theme
        if let dir = userDirectory(environment: environment), FileManager.default.fileExists(atPath: "\(dir)/\(name).json") {
            let path = "\(dir)/\(name).json"
            theme = try ThemeParser.parse(AtomicFile.read(path, maxBytes: 1 << 20), file: path)
        } else if let t = builtIn(name) {
            theme = t
        } else if name.contains("/") || name.hasSuffix(".json") {
            theme = try ThemeParser.parse(AtomicFile.read(name, maxBytes: 1 << 20), file: name)
        } else {
            let all = names(environment: environment)
            var message = "unknown theme '\(name)'"
            if let s = Suggest.closest(to: name, in: all) { message += " (did you mean '\(s)'?)" }
            message += "; the themes are \(all.joined(separator: ", "))"
            throw JourneyError(.usage, file: option == nil ? "JOURNEYMAN_THEME" : "--theme", message: message)
        }
        if let v = environment["NO_COLOR"], !v.isEmpty { theme = theme.monochrome }
        return theme
    }
}
