import Foundation
import XCTest

/// The dependency rules of docs/ARCHITECTURE.md, checked on the imports of every source file.
enum ImportRules {
    /// What the files of each folder under Sources/ may import.
    static let allowed: [String: Set<String>] = [
        "JourneyKit": ["Foundation", "Glibc", "Darwin"],
        "JourneyTUI": ["Foundation", "JourneyKit"],
        "journeyman": ["Foundation", "Glibc", "Darwin", "JourneyKit", "JourneyTUI", "ArgumentParser", "CNCursesW"],
        "journeyman-gen": ["Foundation", "JourneyKit", "ArgumentParser"],
    ]

    /// Modules only these files may import, whatever their folder allows.
    static let onlyIn: [String: Set<String>] = [
        "CNCursesW": ["Sources/journeyman/Editor/CursesDriver.swift"],
        "Glibc": osFiles,
        "Darwin": osFiles,
    ]

    /// The only files that call the operating system: JourneyKit's thin wrapper `OS`
    /// (files, locks, processes, signals, the terminal test; used by the executable too) and
    /// the curses driver (docs/ARCHITECTURE.md). Everything else is plain Swift and Foundation.
    static let osFiles: Set<String> = ["Sources/JourneyKit/File/OS.swift", "Sources/journeyman/Editor/CursesDriver.swift"]

    /// POSIX calls, flags, errno values and Glibc names (Foundation re-exports Glibc on
    /// Linux, so imports alone cannot show them); a method of the same name (`.signal()`) is not one.
    static let osCall = try! NSRegularExpression(pattern: #"\b(st_mtim|st_mode|st_ino)|(?<![.\w])(Glibc\.|Darwin\.|errno\b|strerror\(|"#
        + #"fsync\(|fdatasync\(|fstat\(|lstat\(|stat\(|mkstemp\(|mkdtemp\(|mkdir\(|fchmod\(|fchown\(|chmod\(|umask\(|fcntl\(|access\(|"#
        + #"getpid\(|getuid\(|geteuid\(|getegid\(|gethostname\(|unlink\(|renameat\(|rename\(|link\(|readlink\(|isatty\(|"#
        + #"kill\(|raise\(|signal\(|sigaction|sigemptyset|sigaddset|posix_spawn|waitpid\(|clock_gettime\(|setlocale\(|getenv\(|"#
        + #"O_[A-Z]+\b|S_IF[A-Z]+\b|E(NOENT|ACCES|PERM|EXIST|INTR|NOTDIR|ISDIR|LOOP|ROFS|NOSPC|DQUOT|FBIG|SRCH|XDEV|MLINK|NOTSUP|INVAL|IO)\b)"#)

    /// OS calls in a source file outside the files that may make them, as `PATH:LINE: call`.
    static func osCalls(path: String, text: String) -> [String] {
        guard path.hasPrefix("Sources/"), !osFiles.contains(path) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let s = String(line)
            if s.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return nil }
            guard let m = osCall.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), let r = Range(m.range, in: s) else { return nil }
            return "\(path):\(i + 1): calls the OS (\(s[r].trimmingCharacters(in: CharacterSet(charactersIn: "(.")))) outside \(osFiles.sorted().map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) (docs/ARCHITECTURE.md)"
        }
    }

    /// The modules a Swift file imports (`import X`, `@preconcurrency import X`, `import struct X.Y`), with their lines.
    static func imports(_ text: String) -> [(line: Int, module: String)] {
        let pattern = try! NSRegularExpression(pattern: #"^\s*(?:@\w+\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(\w+)"#)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let s = String(line)
            guard let m = pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)),
                  let r = Range(m.range(at: 1), in: s) else { return nil }
            return (i + 1, String(s[r]))
        }
    }

    /// Every import that breaks a rule, as `PATH:LINE: message`; `path` is relative to the package root.
    static func violations(path: String, text: String) -> [String] {
        let parts = path.split(separator: "/")
        guard parts.count > 2, parts[0] == "Sources", let allowed = allowed[String(parts[1])] else { return [] }
        return imports(text).compactMap { line, module in
            if let files = onlyIn[module], !files.contains(path) {
                return "\(path):\(line): imports \(module), which only \(files.sorted().joined(separator: ", ")) may import (docs/ARCHITECTURE.md)"
            }
            guard !allowed.contains(module) else { return nil }
            return "\(path):\(line): imports \(module); \(parts[1]) may import only \(allowed.sorted().joined(separator: ", ")) (docs/ARCHITECTURE.md)"
        }
    }
}

final class ArchitectureTests: XCTestCase {
    func testEverySourceFileKeepsTheDependencyRules() throws {
        let sources = Fixture.root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        var checked = 0
        var found: [String] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(Fixture.root.path.count + 1))
            let text = try String(contentsOf: url, encoding: .utf8)
            found += ImportRules.violations(path: path, text: text) + ImportRules.osCalls(path: path, text: text)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertEqual(found, [])
    }

    func testAViolationIsReportedWithItsFileAndLine() {
        XCTAssertEqual(ImportRules.violations(path: "Sources/JourneyTUI/Widgets/New.swift", text: """
            import Foundation
            @preconcurrency import CNCursesW
            import ArgumentParser
            import struct JourneyKit.Journey
            """), [
            "Sources/JourneyTUI/Widgets/New.swift:2: imports CNCursesW, which only Sources/journeyman/Editor/CursesDriver.swift may import (docs/ARCHITECTURE.md)",
            "Sources/JourneyTUI/Widgets/New.swift:3: imports ArgumentParser; JourneyTUI may import only Foundation, JourneyKit (docs/ARCHITECTURE.md)",
        ])
        XCTAssertEqual(ImportRules.violations(path: "Sources/JourneyKit/Model/X.swift", text: "import JourneyTUI\n  import Foundation\n"), [
            "Sources/JourneyKit/Model/X.swift:1: imports JourneyTUI; JourneyKit may import only Darwin, Foundation, Glibc (docs/ARCHITECTURE.md)",
        ])
        XCTAssertEqual(ImportRules.violations(path: "Sources/journeyman/Commands/Edit.swift", text: "import CNCursesW\n"), [
            "Sources/journeyman/Commands/Edit.swift:1: imports CNCursesW, which only Sources/journeyman/Editor/CursesDriver.swift may import (docs/ARCHITECTURE.md)",
        ])
        XCTAssertEqual(ImportRules.violations(path: "Sources/journeyman/Editor/CursesDriver.swift", text: "@preconcurrency import CNCursesW\n"), [])
    }

    func testAnOSCallOutsideTheOSFileIsReported() {
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/JourneyKit/Review/Diff.swift", text: """
            // fsync(fd) in a comment is fine
            let t = st.st_mtim.tv_sec
            tape.close(index)
            if fsync(fd) != 0 { }
            let fd = open(path, O_RDONLY)
            if e == ENOENT { try OS.move(a, to: b) }
            semaphore.signal()
            """), [
            "Sources/JourneyKit/Review/Diff.swift:2: calls the OS (st_mtim) outside OS.swift, CursesDriver.swift (docs/ARCHITECTURE.md)",
            "Sources/JourneyKit/Review/Diff.swift:4: calls the OS (fsync) outside OS.swift, CursesDriver.swift (docs/ARCHITECTURE.md)",
            "Sources/JourneyKit/Review/Diff.swift:5: calls the OS (O_RDONLY) outside OS.swift, CursesDriver.swift (docs/ARCHITECTURE.md)",
            "Sources/JourneyKit/Review/Diff.swift:6: calls the OS (ENOENT) outside OS.swift, CursesDriver.swift (docs/ARCHITECTURE.md)",
        ])
        // The file layer and the executable go through OS too.
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/JourneyKit/File/AtomicFile.swift", text: "fsync(fd)\n").count, 1)
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/journeyman/Support/CLI.swift", text: "if isatty(1) == 1 { }\n").count, 1)
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/journeyman/Editor/ExternalEditor.swift", text: "var sa = sigaction()\n").count, 1)
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/JourneyKit/File/OS.swift", text: "fsync(fd)\n"), [])
        XCTAssertEqual(ImportRules.osCalls(path: "Sources/journeyman/Editor/CursesDriver.swift", text: "raise(sig)\n"), [])
        XCTAssertEqual(ImportRules.violations(path: "Sources/JourneyKit/Model/Journey.swift", text: "import Glibc\n"), [
            "Sources/JourneyKit/Model/Journey.swift:1: imports Glibc, which only Sources/JourneyKit/File/OS.swift, "
                + "Sources/journeyman/Editor/CursesDriver.swift may import (docs/ARCHITECTURE.md)",
        ])
        XCTAssertEqual(ImportRules.violations(path: "Sources/JourneyKit/File/LockFile.swift", text: "#if canImport(Darwin)\nimport Darwin\n#endif\n"), [
            "Sources/JourneyKit/File/LockFile.swift:2: imports Darwin, which only Sources/JourneyKit/File/OS.swift, "
                + "Sources/journeyman/Editor/CursesDriver.swift may import (docs/ARCHITECTURE.md)",
        ])
    }

    /// A folder under Sources/ that the rules do not name fails, so a new target gets its rule.
    func testEveryTargetFolderHasARule() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.root.appendingPathComponent("Sources").path)
        XCTAssertEqual(Set(names).subtracting(ImportRules.allowed.keys).sorted(), ["CNCursesW"])
    }
}
