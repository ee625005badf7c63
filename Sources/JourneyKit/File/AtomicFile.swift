import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        // O_NONBLOCK so a FIFO swapped in cannot block the open; checked with fstat below.
        var fd: Int32
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followLinks ? 0 : O_NOFOLLOW)
        repeat { fd = open(path, flags) } while fd < 0 && errno == EINTR
        if fd < 0 {
            let e = errno
            switch e {
            case ENOENT: throw JourneyError(.noInput, file: path, message: "no such file; check the path")
            case EACCES: throw JourneyError(.noInput, file: path, message: "permission denied")
            case ENOTDIR: throw JourneyError(.noInput, file: path, message: "a part of the path is not a directory")
            case ELOOP: throw JourneyError(.noInput, file: path, message: followLinks ? "too many levels of symbolic links" : "is a symbolic link")
            case EISDIR: throw JourneyError(.noInput, file: path, message: "is a directory, not a journey file")
            default: throw JourneyError(.io, file: path, message: message(e))
            }
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            throw JourneyError(.io, file: path, message: message(errno))
        }
        if st.st_mode & S_IFMT == S_IFDIR {
            throw JourneyError(.noInput, file: path, message: "is a directory, not a journey file")
        }
        if st.st_mode & S_IFMT != S_IFREG {
            throw JourneyError(.noInput, file: path, message: "is not a regular file")
        }
        if Int(st.st_size) > maxBytes {
            throw JourneyError(.data, file: path, message: "the file is \(st.st_size) bytes, more than the limit of \(maxBytes) bytes; raise it with --max-bytes if the file is genuine")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JourneyError(.io, file: path, message: "read failed: \(message(errno))")
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
        var mode: mode_t
        var owner: (uid_t, gid_t)? = nil
        var st = stat()
        let existed = stat(target, &st) == 0
        // Said after every failure that leaves an existing file as it was.
        let unchanged = existed ? "; the file was not changed" : ""
        if existed && !replacing {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        if existed {
            if st.st_mode & S_IFMT == S_IFDIR {
                throw JourneyError(.cannotCreate, file: path, message: "is a directory; choose a file name")
            }
            if st.st_mode & S_IFMT != S_IFREG {
                throw JourneyError(.cannotCreate, file: path, message: "is not a regular file; choose a file name")
            }
            mode = st.st_mode & 0o7777
            owner = (st.st_uid, st.st_gid)
            // The rename would replace a file the user may not write to: refuse, as editors do.
            if access(target, W_OK) != 0 {
                let e = errno
                let reason = e == EROFS ? "the file system is read-only" : "the file is read-only (\(message(e)))"
                throw JourneyError(.cannotCreate, file: path, message: "\(reason); the file was not changed")
            }
        } else {
            let e = errno
            if e != ENOENT {
                throw JourneyError(.cannotCreate, file: path, message: message(e))
            }
            // A new file gets the usual permissions, less the umask.
            if let newFileMode {
                mode = newFileMode
            } else {
                let mask = umask(0)
                umask(mask)
                mode = 0o666 & ~mask
            }
        }
        let prefix = tempPrefix(for: (target as NSString).lastPathComponent)
        removeStaleTemporaries(in: directory, prefix: prefix)
        var template = Array("\(directory)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            let e = errno
            if e == ENOENT && !FileManager.default.fileExists(atPath: directory) {
                throw JourneyError(.cannotCreate, file: path, message: "the folder \(directory) does not exist")
            }
            throw JourneyError(.cannotCreate, file: path, message: "cannot create a file in \(directory): \(message(e))\(unchanged)")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ what: String, _ e: Int32) -> JourneyError {
            close(fd)
            unlink(tempPath)
            return JourneyError(.io, file: path, message: "\(what): \(message(e))\(unchanged)")
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("write failed", errno)
            }
            if n == 0 { throw fail("write failed", EIO) }
            written += n
        }
        if let (uid, gid) = owner, uid != geteuid() || gid != getegid() {
            // Best effort: only a privileged process may give a file away.
            _ = fchown(fd, uid, gid)
        }
        if fchmod(fd, mode) != 0 { throw fail("cannot set permissions", errno) }
        var synced: Int32
        repeat { synced = fsync(fd) } while synced != 0 && errno == EINTR
        if synced != 0 { throw fail("cannot flush to disk", errno) }
        // close is not retried on EINTR: on Linux the descriptor is released either way.
        if close(fd) != 0 && errno != EINTR {
            let e = errno
            unlink(tempPath)
            throw JourneyError(.io, file: path, message: "write failed: \(message(e))\(unchanged)")
        }
        if !replacing {
            try publishNew(tempPath, as: target, file: path)
        } else if rename(tempPath, target) != 0 {
            let e = errno
            unlink(tempPath)
            throw JourneyError(.cannotCreate, file: path, message: "cannot \(existed ? "replace" : "create") the file: \(message(e))\(unchanged)")
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            // Some file systems cannot flush a directory; the rename is done either way.
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Moves a finished temporary file to `target` only if nothing is there: `link` fails
    /// atomically when the name is taken (file systems without hard links fall back to a
    /// check and a rename).
    static func publishNew(_ tempPath: String, as target: String, file path: String) throws(JourneyError) {
        defer { unlink(tempPath) }
        if link(tempPath, target) == 0 { return }
        let e = errno
        if e == EEXIST {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        guard e == EPERM || e == ENOTSUP || e == EXDEV || e == EMLINK else {
            throw JourneyError(.cannotCreate, file: path, message: "cannot create the file: \(message(e))")
        }
        var st = stat()
        if lstat(target, &st) == 0 {
            throw JourneyError(.cannotCreate, file: path, message: "already exists; it was not changed")
        }
        if rename(tempPath, target) != 0 {
            throw JourneyError(.cannotCreate, file: path, message: "cannot create the file: \(message(errno))")
        }
    }

    /// The file a save to `path` replaces: `path` itself, or where its symbolic links lead
    /// (relative links are resolved against the link's folder; the final file may not exist yet).
    public static func resolveLinks(_ path: String) throws(JourneyError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            if n < 0 { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
            if pid == getpid() { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory + "/" + name)
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
    private static let ignoreFileSizeSignal: Void = {
        signal(SIGXFSZ, SIG_IGN)
    }()

    /// The system's text for an errno value, with the common cases said plainly.
    static func message(_ e: Int32) -> String {
        switch e {
        case ENOSPC: return "the disk is full (\(String(cString: strerror(e))))"
        case EDQUOT: return "the disk quota is exhausted (\(String(cString: strerror(e))))"
        case EFBIG: return "the file is too large for this system or the file-size limit (\(String(cString: strerror(e))))"
        case EROFS: return "the file system is read-only"
        case EACCES, EPERM: return "permission denied"
        default: return String(cString: strerror(e))
        }
    }
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
