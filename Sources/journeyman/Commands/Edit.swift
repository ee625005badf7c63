import ArgumentParser
import Foundation
import JourneyKit
import JourneyTUI

/// `journeyman [FILE]`: the full-screen editor, the default command.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen editor on a journey (the default command: `journeyman FILE`).",
        discussion: """
            A FILE that does not exist yet opens a framework picker; the journey is created when you save (s).
            A file that does not parse is not opened: the error is printed and the exit code is 65.
            Themes: --theme NAME, else $JOURNEYMAN_THEME, else default; user themes are read from
            $XDG_CONFIG_HOME/journeyman/themes/NAME.json. NO_COLOR forces monochrome.
            Exit codes: 0 after q; 64 an unknown theme; 65 a journey or theme file that does not parse;
            74 no usable terminal (stdout not a terminal, TERM unset or unknown, or no cursor addressing);
            128+N after signal N (SIGTERM, SIGHUP) restored the terminal.
            """)

    @Argument(help: ArgumentHelp("The journey file to edit or create.", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("A colour theme: default, light, high-contrast, monochrome, or your own.", valueName: "NAME"))
    var theme: String?

    @OptionGroup var reading: ReadOptions

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let chosenTheme: Theme
        do {
            chosenTheme = try ThemeCatalog.resolve(option: theme, environment: env)
        } catch {
            throw CLI.report(error)
        }
        var state: EditorState
        var onDisk: Journey? = nil
        if let file, FileManager.default.fileExists(atPath: file) {
            onDisk = try reading.read(file).journey
            state = EditorState(journey: onDisk!, path: file)
        } else {
            state = EditorState(newFileAt: file)
        }
        guard OS.isTerminal(1), OS.isTerminal(0) else {
            CLI.error("journeyman: the editor needs a terminal, but standard \(OS.isTerminal(1) ? "input" : "output") is not one; to check or rewrite a journey from a script use `journeyman validate` or `journeyman fmt`")
            throw ExitCode(74)
        }
        guard let term = env["TERM"], !term.isEmpty else {
            CLI.error("journeyman: TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color) to use the editor")
            throw ExitCode(74)
        }
        _ = term
        let driver: CursesDriver
        do {
            driver = try CursesDriver(theme: chosenTheme)
        } catch {
            CLI.error(error.message)
            throw ExitCode(74)
        }
        state.ascii = !driver.utf8
        let keeper = Safekeeping(path: file, fingerprint: file.flatMap { FileFingerprint.current($0) })
        keeper.open(&state, onDisk: onDisk)
        _ = EditorSession.run(state, on: driver, keeping: keeper)
        driver.close()
        if driver.terminatingSignal != 0 { throw ExitCode(128 + driver.terminatingSignal) }
    }
}
