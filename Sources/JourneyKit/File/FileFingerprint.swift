import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a journey file looked like when it was read or saved, to tell whether someone
/// else (another editor, a `git pull`) changed it on disk since.
///
/// Size, modification time and inode are compared first; only when they differ is the
/// content hashed, so a `touch` or a checkout of identical bytes is not a change.
public struct FileFingerprint: Hashable, Sendable {
    public var size: Int
    /// The modification time: seconds and nanoseconds.
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var inode: UInt64
    /// FNV-1a 64 of the content.
    public var contentHash: UInt64

    /// The fingerprint of `bytes` as just read from or written to `path`.
    public init?(path: String, bytes: [UInt8]) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        modifiedSeconds = st.st_mtim.tv_sec
        modifiedNanoseconds = st.st_mtim.tv_nsec
        inode = UInt64(st.st_ino)
        contentHash = FileFingerprint.hash(bytes)
    }

    /// The fingerprint of the file now on disk, or nil when it cannot be read.
    public static func current(_ path: String) -> FileFingerprint? {
        guard let bytes = try? AtomicFile.read(path) else { return nil }
        return FileFingerprint(path: path, bytes: bytes)
    }

    /// True when the file at `path` no longer holds the content this fingerprint was
    /// taken of (it changed, was deleted or cannot be read).
    public func changedOnDisk(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return true }
        if Int(st.st_size) == size && st.st_mtim.tv_sec == modifiedSeconds && st.st_mtim.tv_nsec == modifiedNanoseconds
            && UInt64(st.st_ino) == inode {
            return false
        }
        guard let now = FileFingerprint.current(path) else { return true }
        return now.contentHash != contentHash || now.size != size
    }

    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
