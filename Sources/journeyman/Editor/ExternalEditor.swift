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
    /// interactive editor can read it; Ctrl-C and Ctrl-\ go to the editor alone
    /// (`OS.runInForeground`).
    static func run(_ argv: [String]) -> Outcome {
        switch OS.runInForeground(argv) {
        case .success(let status): return .success(status)
        case .failure(let failure): return .failure(failure.systemText)
        }
    }
}
