import Foundation
import JourneyKit

/// Edits text in the user's `$EDITOR` (or `vi`) through a temporary file.
enum ExternalEditor {
    static func edit(_ text: String) -> (text: String?, error: String?) {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journeyman-notes-\(getpid())-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            return (nil, "Cannot write a temporary file for the editor: \(error.localizedDescription)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "sh", url.path]
        do {
            try p.run()
            p.waitUntilExit()
        } catch {
            return (nil, "Cannot run the editor '\(TerminalText.escaped(editor))': \(error.localizedDescription)")
        }
        guard p.terminationStatus == 0 else {
            return (nil, "The editor '\(TerminalText.escaped(editor))' ended with status \(p.terminationStatus); the text is unchanged")
        }
        guard let data = try? Data(contentsOf: url), var edited = String(data: data, encoding: .utf8) else {
            return (nil, "The edited text is not UTF-8; it is unchanged")
        }
        // Editors add a final newline; drop it when the text had none.
        if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return (edited, nil)
    }
}
