import Foundation

/// Whole-file reads and crash-safe writes.
///
/// A write goes to a temporary file in the target's directory, is flushed to disk,
/// renamed over the target and the directory flushed: a reader (or a crash) sees the
/// old bytes or the new bytes, never a mix. The target's permissions (and, when the
/// process may, its owner and group) are kept.
///
/// A symbolic link is followed (unless told where it must lead, see `LinkRule`): the
/// file it points to is replaced and the link stays a link. A new file (`replacing:
/// false`) is never created through a link: any entry at its name, a dangling link
/// included, means the name is taken. A hard link is not kept: the target gets a new inode.
///
/// Temporary files are named `.NAME.tmp-PID-XXXXXX`. Every failure removes the
/// temporary file; only a process killed mid-save (SIGKILL, power loss) can leave one
/// behind, and the next save of the same file removes those whose process is gone.
public enum AtomicFile {
    /// Reads a whole regular file; errors name the file and say what to do.
    /// With `followLinks: false` a symbolic link at `path` is refused.
    public static func read(_ path: String, maxBytes: Int = Int.max, followLinks: Bool = true) throws(JourneyError) -> [UInt8] {
        // Opened non-blocking so a FIFO swapped in cannot block the open; checked with fstat below.
        let fd: OS.Descriptor
        do {
            fd = try OS.openToRead(path, followLinks: followLinks)
        } catch {
            switch error {
            case .noEntry: throw JourneyError(.noInput, file: path, message: "no such file; check the path")
            case .accessDenied: throw JourneyError(.noInput, file: path, message: "permission denied")
            case .notADirectory: throw JourneyError(.noInput, file: path, message: "a part of the path is not a directory")
            case .tooManySymbolicLinks: throw JourneyError(.noInput, file: path, message: followLinks ? "too many levels of symbolic links" : "is a symbolic link")
            case .isADirectory: throw JourneyError(.noInput, file: path, message: "is a directory, not a journey file")
            default: throw JourneyError(.io, file: path, message: error.message)
            }
        }
        defer { try? fd.close() }
        let st: OS.Status
        do {
            st = try fd.status()
        } catch {
            throw JourneyError(.io, file: path, message: error.message)
        }
        if st.kind == .directory {
            throw JourneyError(.noInput, file: path, message: "is a directory, not a journey file")
        }
        if st.kind != .regular {
            throw JourneyError(.noInput, file: path, message: "is not a regular file")
        }
        if st.size > maxBytes {
            throw JourneyError(.data, file: path, message: "the file is \(st.size) bytes, more than the limit of \(maxBytes) bytes; raise it with --max-bytes if the file is genuine")
        }
        fd.endNonBlocking()
        var out = [UInt8]()
        out.reserveCapacity(st.size + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n: Int
            do {
                n = try fd.read(into: &chunk)
            } catch {
                throw JourneyError(.io, file: path, message: "read failed: \(error.message)")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > maxBytes {
                throw JourneyError(.data, file: path, message: "the file is more than the limit of \(maxBytes) bytes; raise it with --max-bytes if the file is genuine")
            }
        }
        return out
    }

    /// Which symbolic link a save may write through.
    public enum LinkRule: Hashable, Sendable {
        /// Any: the file the path leads to now is replaced (command-line tools).
        case follow
        /// Only the one there when the file was opened: `nil` when the path was not a link
        /// then (a link found now is refused), else the file it led to (a link that leads
        /// elsewhere now is refused).
        case asOpened(String?)
    }

    /// Replaces (or creates) `path` with `bytes` atomically; on any error the file is
    /// unchanged and no temporary file is left. With `replacing: false` an existing file is
    /// never overwritten, even one created by another process during the save, and a link
    /// at the name is never followed.
    /// A new file gets `newFileMode` when given, else 0666 less the umask.
    public static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true, links: LinkRule = .follow,
                             newFileMode: mode_t? = nil) throws(JourneyError) {
        _ = ignoreFileSizeSignal
        let target: String
        if !replacing {
            if let kind = PrivateFile.entryKind(path) {
                throw JourneyError(.cannotCreate, file: path, message: kind == "a symbolic link" ? "already exists (a symbolic link); it was not followed" : "already exists; it was not changed")
            }
            target = path
        } else if case .asOpened(let opened) = links {
            let now = FileFingerprint.linkTarget(path)
            if let now, now != opened {
                let was = opened.map { "it led to \(TerminalText.escaped($0)) when opened" } ?? "it was not one when opened"
                throw JourneyError(.cannotCreate, file: path, message: "is now a symbolic link to \(TerminalText.escaped(now)) (\(was)); not written through it; the file was not changed")
            }
            target = now ?? path
        } else {
            target = try resolveLinks(path)
        }
        let dir = (target as NSString).deletingLastPathComponent
        let directory = dir.isEmpty ? "." : dir
        let mode: mode_t
        var owner: (uid_t, gid_t)? = nil
        var existing: OS.Status? = nil
        var statFailure: OS.Failure? = nil
        do {
            existing = try OS.status(target)
        } catch {
            statFailure = error
        }
        let existed = existing != nil
        // Said after every failure that leaves an existing file as it was.
        let unchanged = existed ? "; the file was not changed" : ""
        if existed && !replacing {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        if let st = existing {
            if st.kind == .directory {
                throw JourneyError(.cannotCreate, file: path, message: "is a directory; choose a file name")
            }
            if st.kind != .regular {
                throw JourneyError(.cannotCreate, file: path, message: "is not a regular file; choose a file name")
            }
            mode = st.permissions
            owner = (st.owner, st.group)
            // The rename would replace a file the user may not write to: refuse, as editors do.
            do {
                try OS.checkAccess(target)
            } catch {
                let reason = error == .readOnlyFileSystem ? "the file system is read-only" : "the file is read-only (\(error.message))"
                throw JourneyError(.cannotCreate, file: path, message: "\(reason); the file was not changed")
            }
        } else {
            if let e = statFailure, e != .noEntry {
                throw JourneyError(.cannotCreate, file: path, message: e.message)
            }
            // A new file gets the usual permissions, less the umask.
            mode = newFileMode ?? 0o666 & ~OS.creationMask()
        }
        let prefix = tempPrefix(for: (target as NSString).lastPathComponent)
        removeStaleTemporaries(in: directory, prefix: prefix)
        let fd: OS.Descriptor, tempPath: String
        do {
            (fd, tempPath) = try OS.makeTemporaryFile("\(directory)/\(prefix)\(OS.processID)-")
        } catch {
            if error == .noEntry && !FileManager.default.fileExists(atPath: directory) {
                throw JourneyError(.cannotCreate, file: path, message: "the folder \(directory) does not exist")
            }
            throw JourneyError(.cannotCreate, file: path, message: "cannot create a file in \(directory): \(error.message)\(unchanged)")
        }
        func fail(_ what: String, _ e: OS.Failure) -> JourneyError {
            try? fd.close()
            OS.remove(tempPath)
            return JourneyError(.io, file: path, message: "\(what): \(e.message)\(unchanged)")
        }
        do { try fd.writeAll(bytes) } catch { throw fail("write failed", error) }
        if let (uid, gid) = owner, uid != OS.effectiveUserID || gid != OS.effectiveGroupID {
            // Best effort: only a privileged process may give a file away.
            try? fd.setOwner(uid, group: gid)
        }
        do { try fd.setPermissions(mode) } catch { throw fail("cannot set permissions", error) }
        do { try fd.sync(retryingInterruptions: true) } catch { throw fail("cannot flush to disk", error) }
        do {
            try fd.close()
        } catch {
            OS.remove(tempPath)
            throw JourneyError(.io, file: path, message: "write failed: \(error.message)\(unchanged)")
        }
        if !replacing {
            try publishNew(tempPath, as: target, file: path)
        } else {
            do {
                try OS.move(tempPath, to: target)
            } catch {
                OS.remove(tempPath)
                throw JourneyError(.cannotCreate, file: path, message: "cannot \(existed ? "replace" : "create") the file: \(error.message)\(unchanged)")
            }
        }
        if let dfd = try? OS.openFolder(directory, followLinks: true) {
            // Some file systems cannot flush a directory; the rename is done either way.
            try? dfd.sync(retryingInterruptions: false)
            try? dfd.close()
        }
    }

    /// Moves a finished temporary file to `target` only if nothing is there: `link` fails
    /// atomically when the name is taken (file systems without hard links fall back to a
    /// check and a rename).
    static func publishNew(_ tempPath: String, as target: String, file path: String) throws(JourneyError) {
        defer { OS.remove(tempPath) }
        let e: OS.Failure
        do {
            try OS.hardLink(tempPath, as: target)
            return
        } catch {
            e = error
        }
        if e == .exists {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        guard [.notPermitted, .notSupported, .crossDevice, .tooManyLinks].contains(e) else {
            throw JourneyError(.cannotCreate, file: path, message: "cannot create the file: \(e.message)")
        }
        if (try? OS.linkStatus(target)) != nil {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        do {
            try OS.move(tempPath, to: target)
        } catch {
            throw JourneyError(.cannotCreate, file: path, message: "cannot create the file: \(error.message)")
        }
    }

    /// The file a save to `path` replaces: `path` itself, or where its symbolic links lead
    /// (relative links are resolved against the link's folder; the final file may not exist yet).
    public static func resolveLinks(_ path: String) throws(JourneyError) -> String {
        var current = path
        for _ in 0..<40 {
            guard let st = try? OS.linkStatus(current), st.kind == .symbolicLink,
                  let link = OS.linkDestination(current) else { return current }
            if link.hasPrefix("/") {
                current = link
            } else {
                let dir = (current as NSString).deletingLastPathComponent
                current = dir.isEmpty ? link : dir + "/" + link
            }
        }
        throw JourneyError(.cannotCreate, file: path, message: "too many levels of symbolic links; the file was not changed")
    }

    /// The start of the temporary file names used when saving a file named `base`.
    static func tempPrefix(for base: String) -> String {
        // Keep the name within NAME_MAX (255 bytes) whatever the target's length.
        var short = base
        while short.utf8.count > 200 { short.removeLast() }
        return ".\(short).tmp-"
    }

    /// Removes temporary files left in `directory` by killed saves of the same file:
    /// those whose process no longer exists.
    static func removeStaleTemporaries(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  rest.distance(from: dash, to: rest.endIndex) == 7 else { continue }
            if pid == OS.processID { continue }
            if OS.processIsGone(pid) {
                OS.remove(directory + "/" + name)
            }
        }
    }

    /// The temporary files a killed save of `path` left behind (for tools and tests).
    public static func strayTemporaries(of path: String) -> [String] {
        let target = (try? resolveLinks(path)) ?? path
        let dir = (target as NSString).deletingLastPathComponent
        let directory = dir.isEmpty ? "." : dir
        let prefix = tempPrefix(for: (target as NSString).lastPathComponent)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().map { directory + "/" + $0 }
    }

    /// A save ignores SIGXFSZ, so a write over the file-size limit fails with EFBIG and is
    /// reported instead of killing the process.
    private static let ignoreFileSizeSignal: Void = OS.ignoreFileSizeSignal()
}

/// Reading and writing journey files.
public enum JourneyFile {
    /// Reads and checks a journey file.
    public static func read(_ path: String, limits: JourneyLimits = .default) throws(JourneyError) -> JourneyDocument {
        let bytes = try AtomicFile.read(path, maxBytes: limits.maxFileBytes)
        return try JourneyCodec.decode(bytes, file: path, limits: limits)
    }

    /// Writes a journey in canonical form, atomically; with `replacing: false` never over
    /// an existing file.
    public static func write(_ journey: Journey, to path: String, replacing: Bool = true) throws(JourneyError) {
        try AtomicFile.write(JourneyCodec.encode(journey), to: path, replacing: replacing)
    }
}
