import ArgumentParser
import Foundation
import JourneyKit

extension Journeyman {
    /// Runs the command line. ArgumentParser's own errors quote the arguments as typed
    /// (a file name from a glob can hold an escape sequence), so every message is
    /// printed with control characters escaped.
    static func main() {
        Foundation.exit(run(nil))
    }

    /// Parses and runs one command line (the process's own when nil) and returns the
    /// exit code; every message is printed through `CLI`, sanitized.
    static func run(_ arguments: [String]?) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { TerminalText.escaped(String($0)) }.joined(separator: "\n")
                if code == .success {
                    CLI.out(safe + "\n")
                } else {
                    CLI.error(safe)
                }
            }
            return code.rawValue
        }
    }
}
