import Foundation

/// A journey's recovery copies: the unsaved edits of each editor session, written
/// (atomically) a few seconds after each edit and when the editor is told to stop, so a
/// crash, a kill or a closed terminal loses nothing.
///
/// Copies live in `$XDG_STATE_HOME/journeyman/recovery/` (by default
/// `~/.local/state/journeyman/recovery/`, with neither set `$TMPDIR/journeyman-UID/recovery`),
/// not next to the journey, so they work when the journey's folder is read-only and never
/// end up in a repository. A folder that is not a real folder owned by the user is
/// refused (one open to others is made private first); when none of those can be used,
/// a private folder of its own is made in the temporary folder. Every copy is created
/// with `PrivateFile` (mode 0600, never through a link).
///
/// Each editor session writes its own copy, named after the journey, a hash of its
/// absolute path and the session's token; it records that path and the writer (pid,
/// host, user, session). A session removes only its own copy (after a clean save or a
/// deliberate quit); another session's copy is removed only when the user chose restore,
/// discard or keep both for it. A copy that cannot be read is moved aside, never deleted.
public struct Recovery: Sendable {
    /// The journey's absolute path, symbolic links resolved.
    public let journeyPath: String
    /// The session whose copy this writes.
    public let writer: LockOwner
    /// The folders copies are kept in, preferred first.
    public let folders: [String]
    /// Where private fallback folders are made.
    let temporaryRoot: String
    /// The start of every copy's name for this journey: `NAME-HASH`.
    let stem: String

    /// The recovery format this program writes; a newer one is kept aside, not read.
    public static let format = 1

    /// A recovery copy found on disk.
    public struct Copy: Sendable {
        public var journey: Journey
        /// When it was written, seconds since 1970.
        public var saved: Int
        public var writer: LockOwner
        /// The journey as the writer last read or saved it: what its edits were made on
        /// (nil for a new journey or a copy that does not say).
        public var base: Journey?
        /// Where it is.
        public var path: String
        public var pid: Int32 { writer.pid }
        public var host: String { writer.host }
    }

    /// What was found in a recovery folder for this journey.
    public enum Found: Sendable {
        case copy(Copy)
        /// A copy that cannot be read, and why.
        case unreadable(path: String, reason: String)
    }

    /// The folders recovery copies are kept in, preferred first.
    public static func folders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var out: [String] = []
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            out.append(state + "/journeyman/recovery")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            out.append(home + "/.local/state/journeyman/recovery")
        }
        out.append(temporaryRoot(environment) + "/journeyman-\(OS.userID)/recovery")
        return out
    }

    /// The preferred folder for recovery copies.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        folders(environment: environment)[0]
    }

    static func temporaryRoot(_ environment: [String: String]) -> String {
        if let t = environment["TMPDIR"], t.hasPrefix("/") { return t.count > 1 && t.hasSuffix("/") ? String(t.dropLast()) : t }
        return "/tmp"
    }

    public init(for journey: String, writer: LockOwner = .process, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var target = (try? AtomicFile.resolveLinks(journey)) ?? journey
        if !target.hasPrefix("/") {
            target = FileManager.default.currentDirectoryPath + "/" + target
        }
        target = (target as NSString).standardizingPath
        journeyPath = target
        self.writer = writer
        folders = Recovery.folders(environment: environment)
        temporaryRoot = Recovery.temporaryRoot(environment)
        var base = (target as NSString).lastPathComponent
        while base.utf8.count > 120 { base.removeLast() }
        stem = base + "-" + String(FileFingerprint.hash(Array(target.utf8)), radix: 16)
    }

    /// The name of this session's copy in `folder`.
    public func copyPath(in folder: String) -> String {
        folder + "/" + stem + "." + (writer.session.isEmpty ? "\(writer.pid)" : writer.session) + ".recovery"
    }

    /// The private fallback folders made earlier in the temporary folder.
    var fallbackFolders: [String] {
        let prefix = "journeyman-\(OS.userID)-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporaryRoot)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().map { temporaryRoot + "/" + $0 }
    }

    /// The folders that can be read from now: the preferred ones and the private fallbacks
    /// that pass `PrivateFile.refusal`.
    var usableFolders: [String] {
        (folders + fallbackFolders).filter { PrivateFile.refusal($0) == nil }
    }

    /// Where this session's copy is now, if it has one.
    public var ownCopy: String? {
        usableFolders.map(copyPath(in:)).first { PrivateFile.entryKind($0) != nil }
    }

    /// Writes this session's copy of `journey` (made on `base`, the file as last read or
    /// saved) into the first folder that can take it and
    /// returns its path (and why preferred folders were passed over). Throws, naming every
    /// folder tried, when none can.
    @discardableResult
    public func write(_ journey: Journey, base: Journey? = nil) throws(JourneyError) -> (path: String, passedOver: [String]) {
        let node = JSONNode.object((base.map { [JSONMember("base", JourneyCodec.tree($0))] } ?? []) + [
            JSONMember("file", .string(journeyPath)),
            JSONMember("host", .string(writer.host)),
            JSONMember("journey", JourneyCodec.tree(journey)),
            JSONMember("journeymanRecovery", .number(Recovery.format)),
            JSONMember("pid", .number(Int(writer.pid))),
            JSONMember("saved", .number(Int(Date().timeIntervalSince1970))),
            JSONMember("session", .string(writer.session)),
            JSONMember("user", .string(writer.user)),
        ])
        let bytes = JSONWriter.canonical(node)
        var reasons: [String] = []
        var tried = Set<String>()
        // The preferred folders own two levels (journeyman/recovery); a fallback folder one.
        func attempt(_ folder: String, levels: Int) -> String? {
            guard tried.insert(folder).inserted else { return nil }
            do {
                try PrivateFile.prepareFolder(folder, checked: levels)
                let path = copyPath(in: folder)
                try PrivateFile.replace(bytes, at: path)
                return path
            } catch {
                reasons.append(error.diagnostics.map(\.message).joined(separator: "; "))
                return nil
            }
        }
        var written: String? = nil
        for folder in folders {
            if let path = attempt(folder, levels: 2) { written = path; break }
        }
        if written == nil {
            for folder in fallbackFolders {
                if let path = attempt(folder, levels: 1) { written = path; break }
            }
        }
        if written == nil, let made = try? PrivateFile.makeFolder(in: temporaryRoot, prefix: "journeyman-\(OS.userID)-") {
            written = attempt(made, levels: 1)
        }
        guard let written else {
            throw JourneyError(.cannotCreate, file: journeyPath, message: "no folder can take a recovery copy: " + reasons.joined(separator: "; "))
        }
        // One copy per session: an older one in a folder passed over now goes.
        for folder in usableFolders where copyPath(in: folder) != written {
            OS.remove(copyPath(in: folder))
        }
        removeStaleTemporaries(in: (written as NSString).deletingLastPathComponent)
        return (written, reasons)
    }

    /// Removes the temporary files of copy writes of this journey that were killed
    /// (`NAME.recovery.tmp-PID-TOKEN` whose process is gone).
    func removeStaleTemporaries(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(stem + ".") {
            guard let range = name.range(of: ".recovery.tmp-") else { continue }
            let rest = name[range.upperBound...]
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != OS.processID else { continue }
            if OS.processIsGone(pid) { OS.remove(folder + "/" + name) }
        }
    }

    /// Every copy of this journey in the folders that can be read (this session's too).
    public func found(limits: JourneyLimits = .default) -> [Found] {
        var out: [Found] = []
        for folder in usableFolders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasPrefix(stem + ".") && name.hasSuffix(".recovery") || name == stem + ".recovery" {
                if let f = read(folder + "/" + name, limits: limits) { out.append(f) }
            }
        }
        return out
    }

    /// Reads one copy; nil when it is another journey's (a name that only looks like ours).
    func read(_ path: String, limits: JourneyLimits) -> Found? {
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path, maxBytes: limits.maxFileBytes, followLinks: false)
        } catch {
            return .unreadable(path: path, reason: "it cannot be read: " + (error.diagnostics.first?.message ?? "?"))
        }
        let tree: JSONNode
        do {
            tree = try JSONReader.read(bytes, limits: limits.json)
        } catch {
            return .unreadable(path: path, reason: "it is damaged (not JSON)")
        }
        guard case .number(let format)? = tree["journeymanRecovery"]?.value else {
            return .unreadable(path: path, reason: "it is damaged (no journeymanRecovery format number)")
        }
        if format > Double(Recovery.format) {
            return .unreadable(path: path, reason: "it was written by a newer journeyman (recovery format \(abs(format) < 1e15 && format == format.rounded() ? String(Int(format)) : String(format)))")
        }
        guard case .string(let file)? = tree["file"]?.value else {
            return .unreadable(path: path, reason: "it is damaged (no file name)")
        }
        guard file == journeyPath else { return nil }
        guard case .number(let saved)? = tree["saved"]?.value, case .number(let pid)? = tree["pid"]?.value,
              case .string(let host)? = tree["host"]?.value, let journeyTree = tree["journey"] else {
            return .unreadable(path: path, reason: "it is damaged (a field is missing)")
        }
        var session = ""
        if case .string(let s)? = tree["session"]?.value { session = s }
        var user = ""
        if case .string(let u)? = tree["user"]?.value { user = u }
        do {
            let doc = try JourneyCodec.decode(JSONWriter.canonical(journeyTree), file: path, limits: limits)
            let base = try tree["base"].map { node throws(JourneyError) in try JourneyCodec.decode(JSONWriter.canonical(node), file: path, limits: limits).journey }
            let when = Int(exactly: saved.rounded()) ?? 0
            let writer = LockOwner(pid: Int32(exactly: pid.rounded()) ?? 0, host: host, user: user, since: when, session: session)
            return .copy(Copy(journey: doc.journey, saved: when, writer: writer, base: base, path: path))
        } catch {
            let why = error.diagnostics.first?.message ?? "not a valid journey"
            return .unreadable(path: path, reason: "its journey cannot be read (\(TerminalText.singleLine(why)))")
        }
    }

    /// What to offer when the journey is opened: the copies of sessions that no longer
    /// run (`isLive` says), oldest first, except this session's and those identical to
    /// `onDisk` (the journey as read now; those are removed). Copies that cannot be read are
    /// moved aside (`NAME.unreadable`) and described in `setAside`, never deleted.
    public func offers(comparedWith onDisk: Journey?, isLive: (LockOwner) -> Bool = LockOwner.isRunning,
                       limits: JourneyLimits = .default) -> (copies: [Copy], setAside: [String]) {
        var copies: [Copy] = []
        var setAside: [String] = []
        for f in found(limits: limits) {
            switch f {
            case .unreadable(let path, let reason):
                let kept = Recovery.moveAside(path)
                setAside.append("A recovery copy of this journey was not read: \(reason); it is kept as \(TerminalText.escaped(kept))")
            case .copy(let copy):
                if copy.writer.isSameSession(as: writer) { continue }
                // A running session's copy is its own business (one from another host is offered).
                if copy.writer.host == LockFile.hostName && isLive(copy.writer) { continue }
                if let onDisk, onDisk == copy.journey {
                    OS.remove(copy.path)
                    continue
                }
                copies.append(copy)
            }
        }
        return (copies.sorted { $0.saved < $1.saved }, setAside)
    }

    /// Moves an unreadable copy out of the way under a name no reader looks for; returns it.
    static func moveAside(_ path: String) -> String {
        for n in 1..<1000 {
            let candidate = path + (n == 1 ? ".unreadable" : ".unreadable-\(n)")
            if PrivateFile.entryKind(candidate) != nil { continue }
            if (try? OS.hardLink(path, as: candidate)) != nil {
                OS.remove(path)
                return candidate
            }
            if (try? OS.move(path, to: candidate)) != nil { return candidate }
        }
        return path
    }

    /// Removes this session's own copy (after a clean save, or a deliberate quit).
    public func discardOwn() {
        for folder in usableFolders { OS.remove(copyPath(in: folder)) }
    }

    /// Removes a copy the user chose to restore, discard or keep beside the journey.
    public static func remove(_ copy: Copy) {
        OS.remove(copy.path)
    }

    /// "Keep both": writes the recovered journey next to the original as
    /// `NAME.recovered.json` (or `NAME.recovered-2.json`, ...), never over an existing
    /// name (a file, or a link, dangling or not), removes the copy and returns the new file's path.
    public func keepBoth(_ copy: Copy) throws(JourneyError) -> String {
        let dir = (journeyPath as NSString).deletingLastPathComponent
        var stem = (journeyPath as NSString).lastPathComponent
        if stem.hasSuffix(".json") { stem.removeLast(5) }
        let mode: mode_t = (try? OS.status(journeyPath)).map { $0.permissions & 0o666 } ?? 0o600
        for n in 1..<1000 {
            let candidate = dir + "/" + stem + (n == 1 ? ".recovered.json" : ".recovered-\(n).json")
            if PrivateFile.entryKind(candidate) != nil { continue }
            do {
                try AtomicFile.write(JourneyCodec.encode(copy.journey), to: candidate, replacing: false, newFileMode: mode)
            } catch {
                // Taken between the look and the write: try the next name.
                if PrivateFile.entryKind(candidate) != nil { continue }
                throw error
            }
            Recovery.remove(copy)
            return candidate
        }
        throw JourneyError(.cannotCreate, file: journeyPath, message: "no free name for the recovered journey next to it")
    }
}

/// When to write the recovery copy: a few seconds after the last edit, and at least
/// every `maxDelay` seconds while edits keep coming.
public struct RecoverySchedule: Hashable, Sendable {
    public var delay: Double
    public var maxDelay: Double
    /// The time of the first and of the last edit not yet in the recovery copy.
    public private(set) var firstPending: Double?
    public private(set) var lastEdit: Double?

    public init(delay: Double = 2, maxDelay: Double = 10) {
        self.delay = delay
        self.maxDelay = maxDelay
    }

    /// Notes an edit made at `now` (seconds on any monotonic clock).
    public mutating func edited(at now: Double) {
        if firstPending == nil { firstPending = now }
        lastEdit = now
    }

    /// When the copy should be written next, or nil when nothing is pending.
    public var dueAt: Double? {
        guard let firstPending, let lastEdit else { return nil }
        return min(lastEdit + delay, firstPending + maxDelay)
    }

    /// True when the copy should be written at `now`.
    public func isDue(at now: Double) -> Bool {
        dueAt.map { now >= $0 } ?? false
    }

    /// Notes that the copy was written (or the journey saved): nothing is pending.
    public mutating func written() {
        firstPending = nil
        lastEdit = nil
    }
}
