import Foundation
import JourneyKit

/// Edits text in the user's `$EDITOR` (or `vi`) through a temporary file named after the
/// field (`content.md`, `notes.md`), mode 0600, in a new private folder (0700) in `$TMPDIR`
/// (or /tmp), both removed after. The file ends in a newline, so an appended line starts
/// on its own; it is dropped again when the text had none.
enum ExternalEditor {
    static func edit(_ text: String, field: String) -> (text: String?, error: String?) {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let root = env["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        let folder: String
        do {
            folder = try PrivateFile.makeFolder(in: root, prefix: "journeyman-notes-")
            try PrivateFile.writeNew(Array(fileText(text).utf8), to: folder + "/" + fileName(field: field))
        } catch {
            return (nil, "Cannot write a temporary file for the editor: " + TerminalText.singleLine(error.lines.first ?? ""))
        }
        let url = URL(fileURLWithPath: folder + "/" + fileName(field: field))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let status: Int32
        switch run(["/bin/sh", "-c", "\(editor) \"$1\"", "sh", url.path]) {
        case .success(let code): status = code
        case .failure(let message):
            return (nil, "Cannot run the editor '\(TerminalText.escaped(editor))': \(message)")
        }
        guard status == 0 else {
            return (nil, "The editor '\(TerminalText.escaped(editor))' ended with status \(status); the text is unchanged")
        }
        guard let data = try? Data(contentsOf: url), var edited = String(data: data, encoding: .utf8) else {
            return (nil, "The edited text is not UTF-8; it is unchanged")
        }
        // Editors add a final newline; drop it when the text had none.
        if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return (edited, nil)
    }

    /// The temporary file's name: the field's.
    static func fileName(field: String) -> String { (field.isEmpty ? "text" : field) + ".md" }

    /// The text as written for the editor: with a final newline.
    static func fileText(_ text: String) -> String { text.isEmpty || text.hasSuffix("\n") ? text : text + "\n" }

    enum Outcome {
        case success(Int32)
        case failure(String)
    }

    /// Runs a program in this process's group, which owns the terminal, so an
    /// interactive editor can read it (Foundation's Process would start a new group,
    /// and the editor would stop on its first read). Ctrl-C and Ctrl-\ go to the
    /// editor alone: this process ignores them until the editor ends.
    static func run(_ argv: [String]) -> Outcome {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))

        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var oldInt = sigaction(), oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], nil, &attr, &cArgs, environ)
        guard rc == 0 else { return .failure(String(cString: strerror(rc))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(String(cString: strerror(errno))) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
        if status & 0x7F == 0 { return .success((status >> 8) & 0xFF) }
        return .success(128 + (status & 0x7F))
    }
}
