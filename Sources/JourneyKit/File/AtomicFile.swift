import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and crash-safe writes.
///
/// A write goes to a temporary file in the target's directory, is flushed to disk,
/// renamed over the target and the directory flushed: a reader (or a crash) sees the
/// old bytes or the new bytes, never a mix. The target's permissions are kept.
public enum AtomicFile {
    /// Reads a whole regular file; errors name the file and say what to do.
    public static func read(_ path: String, maxBytes: Int = Int.max) throws(JourneyError) -> [UInt8] {
        var st = stat()
        if stat(path, &st) != 0 {
            let e = errno
            if e == ENOENT { throw JourneyError(.noInput, file: path, message: "no such file; check the path") }
            if e == EACCES { throw JourneyError(.noInput, file: path, message: "permission denied") }
            throw JourneyError(.noInput, file: path, message: String(cString: strerror(e)))
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            throw JourneyError(e == EACCES ? .noInput : .io, file: path, message: e == EACCES ? "permission denied" : String(cString: strerror(e)))
        }
        defer { close(fd) }
        var out = [UInt8]()
        out.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JourneyError(.io, file: path, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > maxBytes {
                throw JourneyError(.data, file: path, message: "the file is more than the limit of \(maxBytes) bytes; raise it with --max-bytes if the file is genuine")
            }
        }
        return out
    }

    /// Replaces (or creates) `path` with `bytes` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(JourneyError) {
        let dir = (path as NSString).deletingLastPathComponent
        let directory = dir.isEmpty ? "." : dir
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFDIR {
                throw JourneyError(.cannotCreate, file: path, message: "is a directory; choose a file name")
            }
            mode = st.st_mode & 0o7777
        } else {
            // A new file gets the usual permissions, less the umask.
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let base = (path as NSString).lastPathComponent
        var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            let e = errno
            throw JourneyError(.cannotCreate, file: path, message: "cannot create a file in \(directory): \(String(cString: strerror(e)))")
        }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ kind: JourneyError.Kind, _ what: String, _ e: Int32) -> JourneyError {
            close(fd)
            unlink(tempPath)
            return JourneyError(kind, file: path, message: "\(what): \(String(cString: strerror(e))); the file was not changed")
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(.io, "write failed", errno)
            }
            written += n
        }
        if fchmod(fd, mode) != 0 { throw fail(.io, "cannot set permissions", errno) }
        if fsync(fd) != 0 { throw fail(.io, "cannot flush to disk", errno) }
        if close(fd) != 0 {
            let e = errno
            unlink(tempPath)
            throw JourneyError(.io, file: path, message: "write failed: \(String(cString: strerror(e))); the file was not changed")
        }
        if rename(tempPath, path) != 0 {
            let e = errno
            unlink(tempPath)
            throw JourneyError(.cannotCreate, file: path, message: "cannot replace the file: \(String(cString: strerror(e))); the file was not changed")
        }
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
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

    /// Writes a journey in canonical form, atomically.
    public static func write(_ journey: Journey, to path: String) throws(JourneyError) {
        try AtomicFile.write(JourneyCodec.encode(journey), to: path)
    }
}
