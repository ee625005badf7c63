import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A journey's recovery copy: the unsaved edits, written (atomically) a few seconds after
/// each edit and when the editor is told to stop, so a crash, a kill or a closed terminal
/// loses nothing.
///
/// Copies live in `$XDG_STATE_HOME/journeyman/recovery/` (by default
/// `~/.local/state/journeyman/recovery/`), not next to the journey, so they work when the
/// journey's folder is read-only and never end up in a repository. A copy is named after
/// the journey and a hash of its absolute path, and records that path, the writer's pid
/// and host, and when it was written. A clean save or a discard removes it.
public struct Recovery: Sendable {
    /// The journey's absolute path, symbolic links resolved.
    public let journeyPath: String
    /// Where the recovery copy is kept.
    public let copyPath: String

    /// A recovery copy found on disk.
    public struct Copy: Sendable {
        public var journey: Journey
        /// When it was written, seconds since 1970.
        public var saved: Int
        public var pid: Int32
        public var host: String
    }

    /// The folder recovery copies are kept in.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/journeyman/recovery"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/journeyman/recovery"
        }
        return "/tmp/journeyman-\(getuid())/recovery"
    }

    public init(for journey: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var target = (try? AtomicFile.resolveLinks(journey)) ?? journey
        if !target.hasPrefix("/") {
            target = FileManager.default.currentDirectoryPath + "/" + target
        }
        target = (target as NSString).standardizingPath
        journeyPath = target
        var base = (target as NSString).lastPathComponent
        while base.utf8.count > 120 { base.removeLast() }
        let key = String(FileFingerprint.hash(Array(target.utf8)), radix: 16)
        copyPath = Recovery.directory(environment: environment) + "/\(base)-\(key).recovery"
    }

    /// Writes the recovery copy of `journey` (readable by the user only).
    public func write(_ journey: Journey) throws(JourneyError) {
        let dir = (copyPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JourneyError(.cannotCreate, file: copyPath, message: "cannot create the recovery folder \(dir)")
        }
        let node = JSONNode.object([
            JSONMember("journeymanRecovery", .number(1)),
            JSONMember("file", .string(journeyPath)),
            JSONMember("pid", .number(Int(getpid()))),
            JSONMember("host", .string(LockFile.hostName)),
            JSONMember("saved", .number(Int(Date().timeIntervalSince1970))),
            JSONMember("journey", JourneyCodec.tree(journey)),
        ])
        if !FileManager.default.fileExists(atPath: copyPath) {
            // Created private before the first write; later saves keep the permissions.
            _ = FileManager.default.createFile(atPath: copyPath, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try AtomicFile.write(JSONWriter.canonical(node), to: copyPath)
    }

    /// The recovery copy, when there is one for this journey and it can be read.
    public func pending(limits: JourneyLimits = .default) -> Copy? {
        guard let bytes = try? AtomicFile.read(copyPath, maxBytes: limits.maxFileBytes),
              let tree = try? JSONReader.read(bytes, limits: limits.json),
              case .string(let file)? = tree["file"]?.value, file == journeyPath,
              case .number(let saved)? = tree["saved"]?.value,
              case .number(let pid)? = tree["pid"]?.value,
              case .string(let host)? = tree["host"]?.value,
              let journeyTree = tree["journey"],
              let doc = try? JourneyCodec.decode(JSONWriter.canonical(journeyTree), file: copyPath, limits: limits)
        else { return nil }
        return Copy(journey: doc.journey, saved: Int(exactly: saved.rounded()) ?? 0, pid: Int32(exactly: pid.rounded()) ?? 0, host: host)
    }

    /// The recovery copy worth offering when the journey is opened: one that differs from
    /// `onDisk` (the journey as read now, nil when the file is missing or unreadable) and
    /// was written no earlier than the file was last changed. A copy identical to the file
    /// is removed.
    public func offer(comparedWith onDisk: Journey?) -> Copy? {
        guard let copy = pending() else { return nil }
        if let onDisk, onDisk == copy.journey {
            discard()
            return nil
        }
        var st = stat()
        if onDisk != nil, stat(journeyPath, &st) == 0, st.st_mtim.tv_sec > copy.saved {
            return nil
        }
        return copy
    }

    /// Removes the recovery copy (after a clean save, or when the user discards it).
    public func discard() {
        unlink(copyPath)
    }

    /// "Keep both": writes the recovered journey next to the original as
    /// `NAME.recovered.json` (or `NAME.recovered-2.json`, ...), never over an existing
    /// file, removes the recovery copy and returns the new file's path.
    public func keepBoth(_ copy: Copy) throws(JourneyError) -> String {
        let dir = (journeyPath as NSString).deletingLastPathComponent
        var stem = (journeyPath as NSString).lastPathComponent
        if stem.hasSuffix(".json") { stem.removeLast(5) }
        for n in 1..<1000 {
            let candidate = dir + "/" + stem + (n == 1 ? ".recovered.json" : ".recovered-\(n).json")
            if FileManager.default.fileExists(atPath: candidate) { continue }
            do {
                try JourneyFile.write(copy.journey, to: candidate, replacing: false)
            } catch {
                // Taken between the look and the write: try the next name.
                if FileManager.default.fileExists(atPath: candidate) { continue }
                throw error
            }
            discard()
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
