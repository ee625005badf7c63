import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way the program creates files for itself: recovery copies, lock files, the
/// `NAME.recovered.json` beside a journey, the text handed to `$EDITOR`.
///
/// - A new file is opened with `O_CREAT | O_EXCL | O_NOFOLLOW`: a name that is taken
///   (by a file, a folder or a symbolic link, dangling or not) is never written through.
/// - It is created with the mode asked for (0600 unless said otherwise) and checked with
///   `fstat` after opening: a regular file, owned by this user, with one link.
/// - A state folder is used only when it is a real folder (not a link) owned by this
///   user that nobody else may write; one only readable by others is made private (0700)
///   first; one owned by anybody else, or writable by others, is refused with a reason.
public enum PrivateFile {
    /// Why `folder` cannot hold private files, or nil when it can (it exists, is a real
    /// folder owned by this user, others may not write it, and it is now closed to them).
    public static func refusal(_ folder: String) -> String? {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            var st = stat()
            if lstat(folder, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK {
                return "\(TerminalText.escaped(folder)) is a symbolic link, not a folder"
            }
            return "\(TerminalText.escaped(folder)): \(AtomicFile.message(e))"
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return "\(TerminalText.escaped(folder)): \(AtomicFile.message(errno))" }
        if st.st_uid != geteuid() {
            return "\(TerminalText.escaped(folder)) belongs to user \(st.st_uid), not to you (\(geteuid()))"
        }
        if st.st_mode & 0o022 != 0 {
            // Others could have planted names in it: not used, even though it is ours.
            return "\(TerminalText.escaped(folder)) is open to others (mode \(String(st.st_mode & 0o777, radix: 8)))"
        }
        if st.st_mode & 0o077 != 0 && fchmod(fd, 0o700) != 0 {
            return "\(TerminalText.escaped(folder)) is readable by others and cannot be made private"
        }
        return nil
    }

    /// Creates `folder` and the missing folders above it (mode 0700) and checks the
    /// last `checked` levels (the ones named by the program, never a shared parent such
    /// as /tmp) with `refusal`; throws with the reason when it cannot be used.
    public static func prepareFolder(_ folder: String, checked: Int = 2) throws(JourneyError) {
        var made: [String] = []
        var current = folder
        var st = stat()
        while !current.isEmpty && current != "/" && lstat(current, &st) != 0 {
            made.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        for dir in made where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw JourneyError(.cannotCreate, file: folder, message: "cannot create the folder \(TerminalText.escaped(dir)): \(AtomicFile.message(errno))")
        }
        var level = folder
        for _ in 0..<checked {
            if let reason = refusal(level) { throw JourneyError(.cannotCreate, file: folder, message: reason) }
            level = (level as NSString).deletingLastPathComponent
            if level.isEmpty || level == "/" { break }
        }
        if access(folder, W_OK | X_OK) != 0 {
            throw JourneyError(.cannotCreate, file: folder, message: "\(TerminalText.escaped(folder)) is not writable: \(AtomicFile.message(errno))")
        }
    }

    /// Opens a new file at `path` for writing: never an existing name, never through a
    /// link; checked to be a regular file of this user's with one link.
    public static func create(_ path: String, mode: mode_t = 0o600) throws(JourneyError) -> Int32 {
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode) } while fd < 0 && errno == EINTR
        if fd < 0 {
            let e = errno
            let why = e == EEXIST ? "the name is already taken (a file or a link); it was not changed" : AtomicFile.message(e)
            throw JourneyError(.cannotCreate, file: path, message: "cannot create \(TerminalText.escaped(path)): \(why)")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid(), st.st_nlink == 1 else {
            close(fd)
            throw JourneyError(.cannotCreate, file: path, message: "\(TerminalText.escaped(path)) is not the private file just created; not written")
        }
        // The umask may have taken bits away, never added: set exactly what was asked.
        _ = fchmod(fd, mode)
        return fd
    }

    /// Writes `bytes` to a new file at `path` (see `create`), flushed to disk. On failure
    /// nothing is left at `path`.
    public static func writeNew(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(JourneyError) {
        let fd = try create(path, mode: mode)
        let failure = writeAll(bytes, to: fd)
        close(fd)
        if failure != 0 {
            unlink(path)
            throw JourneyError(.io, file: path, message: "write failed: \(AtomicFile.message(failure))")
        }
    }

    /// `writeNew` for callers that word the error themselves: 0, or the errno that stopped it.
    static func writeNewErrno(_ bytes: [UInt8], to path: String, mode: mode_t) -> Int32 {
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode) } while fd < 0 && errno == EINTR
        if fd < 0 { return errno }
        _ = fchmod(fd, mode)
        let failure = writeAll(bytes, to: fd)
        close(fd)
        if failure != 0 { unlink(path) }
        return failure
    }

    /// Writes all of `bytes` and flushes them; 0 or the errno of the failure.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            written += n
        }
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS { return errno }
        return 0
    }

    /// Replaces `path`, a file in a folder `refusal` accepted, with `bytes` atomically: a
    /// new private temporary file renamed over it (a rename replaces a link planted
    /// there, never the file it points to).
    public static func replace(_ bytes: [UInt8], at path: String, mode: mode_t = 0o600) throws(JourneyError) {
        let temp = path + ".tmp-\(getpid())-\(randomToken())"
        try writeNew(bytes, to: temp, mode: mode)
        if rename(temp, path) != 0 {
            let e = errno
            unlink(temp)
            throw JourneyError(.cannotCreate, file: path, message: "cannot replace \(TerminalText.escaped(path)): \(AtomicFile.message(e))")
        }
    }

    /// Makes a new private folder (0700, random name starting with `prefix`) in `parent`.
    public static func makeFolder(in parent: String, prefix: String) throws(JourneyError) -> String {
        var template = Array("\(parent)/\(prefix)XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw JourneyError(.cannotCreate, file: parent, message: "cannot create a private folder in \(TerminalText.escaped(parent)): \(AtomicFile.message(errno))")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads a small file without following a link at `path`; nil when it is not a
    /// regular file or cannot be read.
    public static func readRegular(_ path: String, maxBytes: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= maxBytes else { return nil }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while got < out.count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            got += n
        }
        return Array(out[0..<got])
    }

    /// Sixteen random hex digits.
    public static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        let n = g.next() as UInt64
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// True when anything is at `path`: a file, a folder, a link (dangling or not).
    public static func exists(_ path: String) -> Bool { entryKind(path) != nil }

    /// The kind of thing at `path` without following a link: "a symbolic link", "a folder", ...; nil when nothing is there.
    static func entryKind(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFREG: return "a file"
        default: return "a special file"
        }
    }
}
