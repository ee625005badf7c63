import Foundation

/// What a journey file looked like when it was read or saved, to tell whether someone
/// else (another editor, a `git pull`) changed it on disk since.
///
/// The file's identity is part of it: its device and inode, and, when the path was a
/// symbolic link, the file the link led to. A path that now leads to another file (a
/// link swapped in, a link pointing elsewhere, the file replaced) has changed, whatever
/// its content. With the same identity, size and modification time are compared first
/// and the content is hashed only when they differ, so a `touch` is not a change.
public struct FileFingerprint: Hashable, Sendable {
    public var size: Int
    /// The modification time: seconds and nanoseconds.
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    public var device: UInt64
    public var inode: UInt64
    /// Where the path led when it was a symbolic link (links resolved); nil when it was not one.
    public var linkTarget: String?
    /// FNV-1a 64 of the content.
    public var contentHash: UInt64

    /// The fingerprint of `bytes` as just read from or written to `path`.
    public init?(path: String, bytes: [UInt8]) {
        guard let st = try? OS.status(path) else { return nil }
        size = st.size
        modifiedSeconds = st.modifiedSeconds
        modifiedNanoseconds = st.modifiedNanoseconds
        device = st.device
        inode = st.inode
        linkTarget = FileFingerprint.linkTarget(path)
        contentHash = FileFingerprint.hash(bytes)
    }

    /// Where `path` leads when it is a symbolic link now; nil when it is not one.
    public static func linkTarget(_ path: String) -> String? {
        guard let st = try? OS.linkStatus(path), st.kind == .symbolicLink else { return nil }
        return (try? AtomicFile.resolveLinks(path)) ?? path
    }

    /// True when `path` no longer names the file this fingerprint was taken of: it is a
    /// link now and was not, leads elsewhere, or holds another inode.
    public func identityChanged(_ path: String) -> Bool {
        if FileFingerprint.linkTarget(path) != linkTarget { return true }
        guard let st = try? OS.status(path) else { return true }
        return st.device != device || st.inode != inode
    }

    /// The fingerprint of the file now on disk, or nil when it cannot be read.
    public static func current(_ path: String) -> FileFingerprint? {
        guard let bytes = try? AtomicFile.read(path) else { return nil }
        return FileFingerprint(path: path, bytes: bytes)
    }

    /// True when the file at `path` is not the file this fingerprint was taken of, or no
    /// longer holds the same content (it changed, was deleted or cannot be read).
    public func changedOnDisk(_ path: String) -> Bool {
        if identityChanged(path) { return true }
        guard let st = try? OS.status(path) else { return true }
        if st.size == size && st.modifiedSeconds == modifiedSeconds && st.modifiedNanoseconds == modifiedNanoseconds {
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
