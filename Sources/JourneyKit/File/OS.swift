import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#else
#error("OS.swift knows Glibc (Linux) and Darwin only")
#endif

/// The operating system, as JourneyKit and the journeyman executable use it: every POSIX
/// call they make is in this file (the curses driver's terminal calls excepted), each
/// behind a thin typed wrapper, with the platforms' differences under `#if`.
///
/// Failures are `OS.Failure` (an errno value with the system's text); paths are Swift
/// strings; a file's `stat` is an `OS.Status`. Nothing here decides what a failure means
/// for the user: the callers (AtomicFile, PrivateFile, LockFile, Recovery,
/// FileFingerprint) word the errors. Built and tested on Linux (Glibc); the Darwin branches
/// are written to the macOS headers but not compiled here (docs/ARCHITECTURE.md).
package enum OS {
    /// A failed call's errno value.
    package struct Failure: Error, Hashable, Sendable {
        package let code: Int32

        package init(_ code: Int32) { self.code = code }

        /// The errno of the call that just failed.
        static var last: Failure { Failure(errno) }

        package static let noEntry = Failure(ENOENT)
        package static let accessDenied = Failure(EACCES)
        package static let notPermitted = Failure(EPERM)
        package static let notADirectory = Failure(ENOTDIR)
        package static let isADirectory = Failure(EISDIR)
        package static let tooManySymbolicLinks = Failure(ELOOP)
        package static let exists = Failure(EEXIST)
        package static let interrupted = Failure(EINTR)
        package static let notSupported = Failure(ENOTSUP)
        package static let crossDevice = Failure(EXDEV)
        package static let tooManyLinks = Failure(EMLINK)
        package static let readOnlyFileSystem = Failure(EROFS)
        package static let invalid = Failure(EINVAL)
        package static let inputOutput = Failure(EIO)

        /// The system's text for it, with the common cases said plainly.
        package var message: String {
            switch code {
            case ENOSPC: return "the disk is full (\(systemText))"
            case EDQUOT: return "the disk quota is exhausted (\(systemText))"
            case EFBIG: return "the file is too large for this system or the file-size limit (\(systemText))"
            case EROFS: return "the file system is read-only"
            case EACCES, EPERM: return "permission denied"
            default: return systemText
            }
        }

        /// `strerror`'s text.
        package var systemText: String { String(cString: strerror(code)) }
    }

    /// What `stat` says about a file.
    package struct Status: Sendable {
        package enum Kind: Sendable { case regular, directory, symbolicLink, other }

        package var kind: Kind
        /// The permission bits (set-id and sticky bits included): `st_mode & 0o7777`.
        package var permissions: mode_t
        package var size: Int
        package var owner: uid_t
        package var group: gid_t
        package var device: UInt64
        package var inode: UInt64
        package var links: Int
        /// The modification time: seconds and nanoseconds.
        package var modifiedSeconds: Int
        package var modifiedNanoseconds: Int

        init(_ st: stat) {
            switch st.st_mode & S_IFMT {
            case S_IFREG: kind = .regular
            case S_IFDIR: kind = .directory
            case S_IFLNK: kind = .symbolicLink
            default: kind = .other
            }
            permissions = st.st_mode & 0o7777
            size = Int(st.st_size)
            owner = st.st_uid
            group = st.st_gid
            device = UInt64(truncatingIfNeeded: st.st_dev)
            inode = UInt64(truncatingIfNeeded: st.st_ino)
            links = Int(st.st_nlink)
            #if canImport(Darwin)
            modifiedSeconds = Int(st.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(st.st_mtimespec.tv_nsec)
            #else
            modifiedSeconds = Int(st.st_mtim.tv_sec)
            modifiedNanoseconds = Int(st.st_mtim.tv_nsec)
            #endif
        }
    }

    /// An open file descriptor; closed by `close()`, never implicitly.
    package struct Descriptor: Sendable {
        package let raw: Int32

        /// `fstat`: what the open file is (its identity, not the name's).
        package func status() throws(Failure) -> Status {
            var st = stat()
            guard fstat(raw, &st) == 0 else { throw .last }
            return Status(st)
        }

        /// Reads up to the bytes after `offset` in `buffer`; 0 at the end of the file. An
        /// interrupted read is retried.
        package func read(into buffer: inout [UInt8], from offset: Int = 0) throws(Failure) -> Int {
            while true {
                let n = buffer.withUnsafeMutableBytes { systemRead(raw, $0.baseAddress! + offset, $0.count - offset) }
                if n >= 0 { return n }
                if errno != EINTR { throw .last }
            }
        }

        /// Writes all of `bytes`, retrying interrupted writes; a write that makes no
        /// progress fails with EIO.
        package func writeAll(_ bytes: [UInt8]) throws(Failure) {
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { systemWrite(raw, $0.baseAddress! + written, $0.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .last
                }
                if n == 0 { throw .inputOutput }
                written += n
            }
        }

        /// `fsync`: the file's data and metadata on disk; retried when interrupted if asked.
        package func sync(retryingInterruptions: Bool) throws(Failure) {
            while fsync(raw) != 0 {
                if retryingInterruptions && errno == EINTR { continue }
                throw .last
            }
        }

        /// `fchmod`.
        package func setPermissions(_ mode: mode_t) throws(Failure) {
            guard fchmod(raw, mode) == 0 else { throw .last }
        }

        /// `fchown` (only a privileged process may give a file away).
        package func setOwner(_ user: uid_t, group: gid_t) throws(Failure) {
            guard fchown(raw, user, group) == 0 else { throw .last }
        }

        /// Clears O_NONBLOCK (set by `openToRead` so that a FIFO cannot block the open).
        package func endNonBlocking() {
            _ = fcntl(raw, F_SETFL, fcntl(raw, F_GETFL) & ~O_NONBLOCK)
        }

        /// Closes the descriptor. It is not retried on EINTR (on Linux the descriptor is
        /// released either way), so EINTR is no failure.
        package func close() throws(Failure) {
            if systemClose(raw) != 0 && errno != EINTR { throw .last }
        }
    }

    // MARK: Opening and creating

    /// Opens a file to read: O_RDONLY | O_NONBLOCK (a FIFO swapped in cannot block the
    /// open; see `Descriptor.endNonBlocking`) | O_NOCTTY | O_CLOEXEC, and O_NOFOLLOW
    /// unless `followLinks`.
    package static func openToRead(_ path: String, followLinks: Bool) throws(Failure) -> Descriptor {
        try open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followLinks ? 0 : O_NOFOLLOW))
    }

    /// Opens a folder (O_RDONLY | O_DIRECTORY | O_CLOEXEC, and O_NOFOLLOW unless
    /// `followLinks`), to flush it or to check who owns it.
    package static func openFolder(_ path: String, followLinks: Bool) throws(Failure) -> Descriptor {
        try open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
    }

    /// Creates a new file for writing with `mode` (less the umask): O_WRONLY | O_CREAT |
    /// O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, so a name that is taken (a file, a
    /// folder, a link, dangling or not) fails with `.exists` and is never written through.
    package static func createNew(_ path: String, mode: mode_t) throws(Failure) -> Descriptor {
        try open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode: mode)
    }

    private static func open(_ path: String, _ flags: Int32, mode: mode_t = 0) throws(Failure) -> Descriptor {
        while true {
            let fd = systemOpen(path, flags, mode)
            if fd >= 0 { return Descriptor(raw: fd) }
            if errno != EINTR { throw .last }
        }
    }

    /// `mkstemp`: a new file (mode 0600) named `prefix` and six random characters, closed on exec.
    package static func makeTemporaryFile(_ prefix: String) throws(Failure) -> (descriptor: Descriptor, path: String) {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw .last }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return (Descriptor(raw: fd), string(template))
    }

    /// `mkdtemp`: a new folder (mode 0700) named `prefix` and six random characters.
    package static func makeTemporaryFolder(_ prefix: String) throws(Failure) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { throw .last }
        return string(template)
    }

    /// `mkdir`.
    package static func makeFolder(_ path: String, mode: mode_t) throws(Failure) {
        guard mkdir(path, mode) == 0 else { throw .last }
    }

    // MARK: Names

    /// `stat`: the file `path` leads to, links followed.
    package static func status(_ path: String) throws(Failure) -> Status {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .last }
        return Status(st)
    }

    /// `lstat`: the entry at `path` itself (a link is a link).
    package static func linkStatus(_ path: String) throws(Failure) -> Status {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw .last }
        return Status(st)
    }

    /// `readlink`: what the symbolic link at `path` holds; nil when it is not one.
    package static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        if n < 0 { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `access`: throws when this process may not write (and, with `search`, enter) `path`.
    package static func checkAccess(_ path: String, search: Bool = false) throws(Failure) {
        guard access(path, W_OK | (search ? X_OK : 0)) == 0 else { throw .last }
    }

    /// `rename`: replaces `target` (a link there is replaced, never followed).
    package static func move(_ path: String, to target: String) throws(Failure) {
        guard rename(path, target) == 0 else { throw .last }
    }

    /// `link`: a second name for the file; fails with `.exists` when the name is taken.
    package static func hardLink(_ path: String, as name: String) throws(Failure) {
        guard link(path, name) == 0 else { throw .last }
    }

    /// `unlink`: removes the name (a link itself, never its target); a failure is ignored.
    package static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// The umask (read without changing it).
    package static func creationMask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    // MARK: This process, other processes

    package static var processID: pid_t { getpid() }
    package static var userID: uid_t { getuid() }
    package static var effectiveUserID: uid_t { geteuid() }
    package static var effectiveGroupID: gid_t { getegid() }

    /// True when no process `pid` exists (`kill(pid, 0)` fails with ESRCH).
    package static func processIsGone(_ pid: pid_t) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    /// This machine's host name.
    package static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return string(buffer)
    }

    /// Ignores SIGXFSZ: a write over the file-size limit then fails with EFBIG instead of
    /// killing the process.
    package static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// True when `fd` is a terminal.
    package static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// Seconds on the monotonic clock.
    package static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Sets `handler` for each of `signals` with an empty mask and no SA_RESTART (a read
    /// in progress returns, so the handler's flag is seen); with `once`, the default
    /// action comes back after the first delivery (SA_RESETHAND).
    package static func handle(_ signals: [Int32], once: Bool = false, with handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = once ? Int32(truncatingIfNeeded: SA_RESETHAND) : 0
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #else
        action.__sigaction_handler.sa_handler = handler
        #endif
        for sig in signals { sigaction(sig, &action, nil) }
    }

    /// Runs a program in this process's group, which owns the terminal, so an interactive
    /// program can read it (Foundation's Process would start a new group, and the program
    /// would stop on its first read), and waits for it. Ctrl-C and Ctrl-\ go to the program
    /// alone: this process ignores SIGINT and SIGQUIT until it ends, and the program gets
    /// their default actions. The exit status, or 128 + N after signal N.
    package static func runInForeground(_ argv: [String]) -> Result<Int32, Failure> {
        #if canImport(Darwin)
        var attr: posix_spawnattr_t? = nil
        #else
        var attr = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))

        var ignore = sigaction()
        #if canImport(Darwin)
        ignore.__sigaction_u.__sa_handler = SIG_IGN
        #else
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        #endif
        var oldInt = sigaction(), oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        #if canImport(Darwin)
        let env = _NSGetEnviron().pointee
        #else
        let env = environ
        #endif
        let rc = posix_spawn(&pid, argv[0], nil, &attr, &cArgs, env)
        guard rc == 0 else { return .failure(Failure(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(.last) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
        if status & 0x7F == 0 { return .success((status >> 8) & 0xFF) }
        return .success(128 + (status & 0x7F))
    }

    /// A NUL-terminated C string buffer as a Swift string.
    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

// The C calls whose names the wrappers above reuse, so their bodies can reach them.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
