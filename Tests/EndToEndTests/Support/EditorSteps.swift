import Foundation
import XCTest

/// Steps the editor tests share: the editor's pid, renaming the selected stage, jq.
extension Tmux {
    /// The editor's pid: the child of the pane's shell.
    func editorPid() throws -> pid_t {
        let shell = try tmux(["display", "-p", "-t", "t", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return pid_t(try sh("pgrep -P \(shell)").stdout.split(separator: "\n").first ?? "") ?? 0
    }

    /// Renames the selected stage with r.
    func renameStage(_ name: String) throws {
        try keys("r")
        try waitFor("Rename: Stage")
        try keys("C-u")
        try type(name)
        try keys("Enter")
        try waitFor("Name        \(name)")
    }
}

/// `jq -c FILTER PATH`, without the final newline.
func jq(_ filter: String, _ path: String) throws -> String {
    try sh("jq -c \(Tmux.quote(filter)) \(Tmux.quote(path))").stdout.trimmingCharacters(in: .newlines)
}
