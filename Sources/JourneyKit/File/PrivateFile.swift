import Foundation

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
        let fd: OS.Descriptor
        do {
            fd = try OS.openFolder(folder, followLinks: false)
        } catch {
            if let st = try? OS.linkStatus(folder), st.kind == .symbolicLink {
                return "\(TerminalText.escaped(folder)) is a symbolic link, not a folder"
            }
            return "\(TerminalText.escaped(folder)): \(error.message)"
        }
        defer { try? fd.close() }
        let st: OS.Status
        do {
            st = try fd.status()
        } catch {
            return "\(TerminalText.escaped(folder)): \(error.message)"
        }
        if st.owner != OS.effectiveUserID {
            return "\(TerminalText.escaped(folder)) belongs to user \(st.owner), not to you (\(OS.effectiveUserID))"
        }
        if st.permissions & 0o022 != 0 {
            // Others could have planted names in it: not used, even though it is ours.
            return "\(TerminalText.escaped(folder)) is open to others (mode \(String(st.permissions & 0o777, radix: 8)))"
        }
        if st.permissions & 0o077 != 0 && (try? fd.setPermissions(0o700)) == nil {
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
        while !current.isEmpty && current != "/" && (try? OS.linkStatus(current)) == nil {
            made.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        for dir in made {
            do {
                try OS.makeFolder(dir, mode: 0o700)
            } catch {
                if error != .exists {
                    throw JourneyError(.cannotCreate, file: folder, message: "cannot create the folder \(TerminalText.escaped(dir)): \(error.message)")
                }
            }
        }
        var level = folder
        for _ in 0..<checked {
            if let reason = refusal(level) { throw JourneyError(.cannotCreate, file: folder, message: reason) }
            level = (level as NSString).deletingLastPathComponent
            if level.isEmpty || level == "/" { break }
        }
        do {
            try OS.checkAccess(folder, search: true)
        } catch {
            throw JourneyError(.cannotCreate, file: folder, message: "\(TerminalText.escaped(folder)) is not writable: \(error.message)")
        }
    }

    /// Opens a new file at `path` for writing: never an existing name, never through a
    /// link; checked to be a regular file of this user's with one link.
    static func create(_ path: String, mode: mode_t = 0o600) throws(JourneyError) -> OS.Descriptor {
        let fd: OS.Descriptor
        do {
            fd = try OS.createNew(path, mode: mode)
        } catch {
            let why = error == .exists ? "the name is already taken (a file or a link); it was not changed" : error.message
            throw JourneyError(.cannotCreate, file: path, message: "cannot create \(TerminalText.escaped(path)): \(why)")
        }
        guard let st = try? fd.status(), st.kind == .regular, st.owner == OS.effectiveUserID, st.links == 1 else {
            try? fd.close()
            throw JourneyError(.cannotCreate, file: path, message: "\(TerminalText.escaped(path)) is not the private file just created; not written")
        }
        // The umask may have taken bits away, never added: set exactly what was asked.
        try? fd.setPermissions(mode)
        return fd
    }

    /// Writes `bytes` to a new file at `path` (see `create`), flushed to disk. On failure
    /// nothing is left at `path`.
    public static func writeNew(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(JourneyError) {
        let fd = try create(path, mode: mode)
        let failure = writeAll(bytes, to: fd)
        try? fd.close()
        if let failure {
            OS.remove(path)
            throw JourneyError(.io, file: path, message: "write failed: \(failure.message)")
        }
    }

    /// `writeNew` for callers that word the error themselves: nil, or what stopped it.
    static func writeNewReportingFailure(_ bytes: [UInt8], to path: String, mode: mode_t) -> OS.Failure? {
        let fd: OS.Descriptor
        do {
            fd = try OS.createNew(path, mode: mode)
        } catch {
            return error
        }
        try? fd.setPermissions(mode)
        let failure = writeAll(bytes, to: fd)
        try? fd.close()
        if failure != nil { OS.remove(path) }
        return failure
    }

    /// Writes all of `bytes` and flushes them; nil or the failure (a file system that
    /// cannot flush, or a read-only one, is no failure here).
    static func writeAll(_ bytes: [UInt8], to fd: OS.Descriptor) -> OS.Failure? {
        do {
            try fd.writeAll(bytes)
        } catch {
            return error
        }
        do {
            try fd.sync(retryingInterruptions: false)
        } catch {
            return error == .invalid || error == .readOnlyFileSystem ? nil : error
        }
        return nil
    }

    /// Replaces `path`, a file in a folder `refusal` accepted, with `bytes` atomically: a
    /// new private temporary file renamed over it (a rename replaces a link planted
    /// there, never the file it points to).
    public static func replace(_ bytes: [UInt8], at path: String, mode: mode_t = 0o600) throws(JourneyError) {
        let temp = path + ".tmp-\(OS.processID)-\(randomToken())"
        try writeNew(bytes, to: temp, mode: mode)
        do {
            try OS.move(temp, to: path)
        } catch {
            OS.remove(temp)
            throw JourneyError(.cannotCreate, file: path, message: "cannot replace \(TerminalText.escaped(path)): \(error.message)")
        }
    }

    /// Makes a new private folder (0700, random name starting with `prefix`) in `parent`.
    public static func makeFolder(in parent: String, prefix: String) throws(JourneyError) -> String {
        do {
            return try OS.makeTemporaryFolder("\(parent)/\(prefix)")
        } catch {
            throw JourneyError(.cannotCreate, file: parent, message: "cannot create a private folder in \(TerminalText.escaped(parent)): \(error.message)")
        }
    }

    /// Reads a small file without following a link at `path`; nil when it is not a
    /// regular file or cannot be read.
    public static func readRegular(_ path: String, maxBytes: Int) -> [UInt8]? {
        guard let fd = try? OS.openToRead(path, followLinks: false) else { return nil }
        defer { try? fd.close() }
        guard let st = try? fd.status(), st.kind == .regular, st.size <= maxBytes else { return nil }
        var out = [UInt8](repeating: 0, count: st.size)
        var got = 0
        while got < out.count {
            guard let n = try? fd.read(into: &out, from: got), n > 0 else { break }
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
        guard let st = try? OS.linkStatus(path) else { return nil }
        switch st.kind {
        case .symbolicLink: return "a symbolic link"
        case .directory: return "a folder"
        case .regular: return "a file"
        case .other: return "a special file"
        }
    }
}
