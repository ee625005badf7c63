import Foundation
import JourneyKit

/// What the sides of a merge are called, as far as git tells a merge driver.
///
/// git 2.39 passes a driver %O %A %B %L %P only (temporary files, marker size, path);
/// git 2.44 added %S %X %Y, the labels of base, ours and theirs. Without them: during a
/// rebase (`.git/rebase-merge` or `rebase-apply`) ours is the upstream being rebased onto
/// and theirs is your own commit being replayed; during `git merge` git sets
/// `GITHEAD_<sha>` to the branch being merged in, and ours is the current branch.
enum GitSides {
    struct Sides {
        var ours: String
        var theirs: String
        /// What the sides mean, when it may surprise (a rebase).
        var note: String?
    }

    static func current() -> Sides {
        let env = ProcessInfo.processInfo.environment
        guard let gitDir = git(["rev-parse", "--absolute-git-dir"]) else { return Sides(ours: "ours", theirs: "theirs") }
        let fm = FileManager.default
        for dir in ["rebase-merge", "rebase-apply"] where fm.fileExists(atPath: gitDir + "/" + dir) {
            let headName = (try? String(contentsOfFile: gitDir + "/" + dir + "/head-name", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines).replacingPrefix("refs/heads/", with: "") ?? ""
            let onto = (try? String(contentsOfFile: gitDir + "/" + dir + "/onto", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines).prefix(7) ?? ""
            return Sides(ours: onto.isEmpty ? "upstream" : "upstream \(onto)", theirs: headName.isEmpty ? "your commit" : "your commit on \(headName)",
                         note: "this is a rebase: ours is the upstream you rebase onto, theirs is your own commit being replayed, so \"kept ours\" kept the upstream's value")
        }
        let branch = git(["symbolic-ref", "--short", "-q", "HEAD"]) ?? "ours"
        if let merged = env.first(where: { $0.key.hasPrefix("GITHEAD_") })?.value, !merged.isEmpty {
            return Sides(ours: branch, theirs: merged)
        }
        return Sides(ours: branch == "ours" ? "ours" : branch, theirs: "theirs")
    }

    static func git(_ args: [String]) -> String? {
        guard let r = External.run("git", args), r.status == 0 else { return nil }
        let out = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return out.isEmpty ? nil : out
    }
}
