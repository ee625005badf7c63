import Foundation

/// Who holds a journey open for editing, or wrote a recovery copy: one editor session.
public struct LockOwner: Hashable, Sendable {
    public var pid: Int32
    public var host: String
    public var user: String
    /// When the lock was taken, seconds since 1970.
    public var since: Int
    /// A random token naming the editor session (empty in locks written before sessions had one).
    public var session: String

    public init(pid: Int32, host: String, user: String, since: Int, session: String = "") {
        self.pid = pid
        self.host = host
        self.user = user
        self.since = since
        self.session = session
    }

    /// A new editor session of this process.
    public static func newSession() -> LockOwner {
        LockOwner(pid: OS.processID, host: LockFile.hostName, user: ProcessInfo.processInfo.userName,
                  since: Int(Date().timeIntervalSince1970), session: PrivateFile.randomToken())
    }

    /// This process's session, used when no other is given.
    public static let process = newSession()

    /// True when this is the same session as `other` (the same pid and host for locks
    /// written without a session).
    public func isSameSession(as other: LockOwner) -> Bool {
        pid == other.pid && host == other.host && session == other.session
    }

    /// True when the owner is a process on this host that no longer exists.
    public var isStale: Bool {
        host == LockFile.hostName && pid > 0 && OS.processIsGone(pid)
    }

    /// The usual test for a live session: a lock from another host always counts as live,
    /// one from this host while its process exists.
    public static let isRunning: @Sendable (LockOwner) -> Bool = { !$0.isStale }

    /// "pid 1234 on host (user), since 2026-03-31 14:05 UTC"; safe for a terminal.
    public var description: String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        let when = f.string(from: Date(timeIntervalSince1970: TimeInterval(since)))
        return TerminalText.singleLine("pid \(pid) on \(host) (\(user)), since \(when) UTC")
    }
}

/// A lock file next to a journey, `.NAME.lock`, that tells a second editor the journey
/// is already open: it holds the owner's pid, host, user and start time.
///
/// A lock left by a process on this host that no longer exists is stale and is taken
/// over. A lock from another host is never taken over silently (its pid means nothing
/// here); the user can open read-only or take it over explicitly.
public struct LockFile: Sendable {
    /// The lock's path.
    public let path: String
    public let owner: LockOwner

    /// The outcome of trying to lock a journey.
    public enum Acquisition: Sendable {
        /// The journey is now locked by this process; `replaced` is the stale lock taken over.
        case acquired(LockFile, replaced: LockOwner?)
        /// Another live editor (or one on another host) holds it.
        case held(by: LockOwner)
        /// No lock can be made (e.g. a read-only folder); the reason is safe to show.
        case unavailable(String)
    }

    /// This machine's host name.
    public static let hostName: String = OS.hostName()

    /// The lock path for a journey (its symbolic links resolved, so every name of the
    /// file shares one lock).
    public static func path(for journey: String) -> String {
        let target = (try? AtomicFile.resolveLinks(journey)) ?? journey
        let dir = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        return (dir.isEmpty ? "" : dir + "/") + "." + base + ".lock"
    }

    /// Locks `journey` for the session `me`; with `force`, takes over a lock held by
    /// another. A lock that is not a regular file holding an owner (a link, a folder,
    /// garbage) is stale and replaced. `isLive` tells whether another session still runs.
    public static func acquire(for journey: String, force: Bool = false, as me: LockOwner = .process,
                               isLive: (LockOwner) -> Bool = LockOwner.isRunning) -> Acquisition {
        let lockPath = path(for: journey)
        var replaced: LockOwner? = nil
        for _ in 0..<4 {
            // Written whole to a private name first, then linked into place: a lock is
            // never seen half-written, and the link fails if the name is taken.
            let temp = lockPath + ".tmp-\(PrivateFile.randomToken())"
            let text = Array("\(me.pid)\n\(me.host)\n\(me.user)\n\(me.since)\n\(me.session)\n".utf8)
            if let failed = PrivateFile.writeNewReportingFailure(text, to: temp, mode: 0o644) {
                return .unavailable("cannot create the lock file \(TerminalText.escaped(lockPath)): \(failed.message)")
            }
            var linkFailure: OS.Failure? = nil
            do {
                try OS.hardLink(temp, as: lockPath)
            } catch {
                linkFailure = error
            }
            OS.remove(temp)
            guard let e = linkFailure else { return .acquired(LockFile(path: lockPath, owner: me), replaced: replaced) }
            guard e == .exists else {
                return .unavailable("cannot create the lock file \(TerminalText.escaped(lockPath)): \(e.message)")
            }
            guard let st = try? OS.linkStatus(lockPath) else { continue }
            guard let other = readOwner(lockPath) else {
                // Not a lock this program wrote (a link, a folder, garbage): stale.
                removeEntry(lockPath, inode: st.inode)
                continue
            }
            if other.isSameSession(as: me) {
                return .acquired(LockFile(path: lockPath, owner: me), replaced: nil)
            }
            guard !isLive(other) || force else { return .held(by: other) }
            replaced = other
            removeEntry(lockPath, inode: st.inode)
        }
        return .unavailable("the lock file \(TerminalText.escaped(lockPath)) keeps changing")
    }

    /// Removes the entry at `path` (a link itself, never its target) if it is still the
    /// one looked at; a folder is moved aside instead.
    static func removeEntry(_ path: String, inode: UInt64) {
        guard let st = try? OS.linkStatus(path), st.inode == inode else { return }
        if st.kind == .directory {
            try? OS.move(path, to: path + ".not-a-lock-\(PrivateFile.randomToken())")
        } else {
            OS.remove(path)
        }
    }

    /// The owner recorded in the lock for `journey`, if it is locked.
    public static func owner(of journey: String) -> LockOwner? {
        readOwner(path(for: journey))
    }

    static func readOwner(_ lockPath: String) -> LockOwner? {
        guard let bytes = PrivateFile.readRegular(lockPath, maxBytes: 4096) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, let pid = Int32(lines[0]), pid > 0, let since = Int(lines[3]) else { return nil }
        return LockOwner(pid: pid, host: lines[1], user: lines[2], since: since, session: lines.count > 5 ? lines[4] : "")
    }

    /// Who holds the lock now when it is not this one's owner: another session that took
    /// it over. Nil while this session still holds it, or when nobody holds it.
    public func takenOver() -> LockOwner? {
        guard let current = LockFile.readOwner(path), !current.isSameSession(as: owner) else { return nil }
        return current
    }

    /// True while the lock file still names this session.
    public var isHeld: Bool {
        LockFile.readOwner(path).map { $0.isSameSession(as: owner) } ?? false
    }

    /// Removes the lock if this session still owns it.
    public func release() {
        if let current = LockFile.readOwner(path), current.isSameSession(as: owner), let st = try? OS.linkStatus(path) {
            LockFile.removeEntry(path, inode: st.inode)
        }
    }
}
