import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a journey open for editing.
public struct LockOwner: Hashable, Sendable {
    public var pid: Int32
    public var host: String
    public var user: String
    /// When the lock was taken, seconds since 1970.
    public var since: Int

    /// True when the owner is a process on this host that no longer exists.
    public var isStale: Bool {
        host == LockFile.hostName && pid > 0 && kill(pid, 0) != 0 && errno == ESRCH
    }

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
    public static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// The lock path for a journey (its symbolic links resolved, so every name of the
    /// file shares one lock).
    public static func path(for journey: String) -> String {
        let target = (try? AtomicFile.resolveLinks(journey)) ?? journey
        let dir = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        return (dir.isEmpty ? "" : dir + "/") + "." + base + ".lock"
    }

    /// Locks `journey` for this process; with `force`, takes over a lock held by another.
    public static func acquire(for journey: String, force: Bool = false) -> Acquisition {
        let lockPath = path(for: journey)
        let me = LockOwner(pid: getpid(), host: hostName, user: ProcessInfo.processInfo.userName, since: Int(Date().timeIntervalSince1970))
        var replaced: LockOwner? = nil
        for _ in 0..<3 {
            let fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                let text = Array("\(me.pid)\n\(me.host)\n\(me.user)\n\(me.since)\n".utf8)
                let n = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                if n != text.count {
                    unlink(lockPath)
                    return .unavailable("cannot write the lock file \(TerminalText.escaped(lockPath))")
                }
                return .acquired(LockFile(path: lockPath, owner: me), replaced: replaced)
            }
            let e = errno
            guard e == EEXIST else {
                return .unavailable("cannot create the lock file \(TerminalText.escaped(lockPath)): \(AtomicFile.message(e))")
            }
            guard let other = readOwner(lockPath) else {
                // Unreadable or half-written: treat as stale only when old enough to be abandoned.
                var st = stat()
                if stat(lockPath, &st) == 0, Int(Date().timeIntervalSince1970) - st.st_mtim.tv_sec > 10 || force {
                    unlink(lockPath)
                    continue
                }
                return .held(by: LockOwner(pid: 0, host: "?", user: "?", since: 0))
            }
            if other.pid == me.pid && other.host == me.host {
                return .acquired(LockFile(path: lockPath, owner: me), replaced: nil)
            }
            guard other.isStale || force else { return .held(by: other) }
            replaced = other
            unlink(lockPath)
        }
        return .unavailable("the lock file \(TerminalText.escaped(lockPath)) keeps changing")
    }

    /// The owner recorded in the lock for `journey`, if it is locked.
    public static func owner(of journey: String) -> LockOwner? {
        readOwner(path(for: journey))
    }

    static func readOwner(_ lockPath: String) -> LockOwner? {
        guard let bytes = try? AtomicFile.read(lockPath, maxBytes: 4096) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4, let pid = Int32(lines[0]), let since = Int(lines[3]) else { return nil }
        return LockOwner(pid: pid, host: lines[1], user: lines[2], since: since)
    }

    /// Removes the lock if this process still owns it.
    public func release() {
        if let current = LockFile.readOwner(path), current.pid == owner.pid, current.host == owner.host {
            unlink(path)
        }
    }
}
