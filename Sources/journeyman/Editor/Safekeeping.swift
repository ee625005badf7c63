import Foundation
import JourneyKit
import JourneyTUI

/// What keeps an editor session from losing edits: its own recovery copy (written a few
/// seconds after each edit, when a signal arrives, when a save fails and when its lock
/// is taken over), the lock file, and what the file on disk looked like when it was
/// read or saved (its fingerprint, and the journey itself as the base of a merge).
final class Safekeeping {
    /// This editor session: it names the lock and the recovery copy.
    let writer: LockOwner
    private(set) var recovery: Recovery?
    /// The copy of the journey's previous name, kept until the new name has one.
    private var retired: Recovery?
    private var schedule: RecoverySchedule
    /// The history version last seen, and the one in the recovery copy.
    private var seenVersion: Int?
    private var copiedVersion: Int?
    private var observedPath: String?
    /// Where this session's copy was last written.
    private(set) var copyPath: String?
    /// The file the fingerprint belongs to (absolute, as named, links not resolved).
    private var fingerprintPath: String?
    /// The journey file as it was read or last saved; nil for a new file.
    private(set) var fingerprint: FileFingerprint?
    var lock: LockFile?
    /// Recovery copies of ended sessions still to be answered; the first is being asked.
    private(set) var offers: [Recovery.Copy] = []
    /// Set when the session is ending by a signal.
    var bySignal = false
    /// Told the user once that copies go to a fallback folder.
    private var toldFallback = false

    // Which version of the file each journey version is based on. A reload or a merge
    // brings in the other side's changes and starts a new generation; a journey version
    // from an older generation (reached by undo, or restored from a copy made on an older
    // file) would drop those changes, so saving it asks first, and merging it uses its
    // own generation's base.
    private var generation = 0
    private var nextGeneration = 1
    private var generationOf: [Int: Int] = [:]
    private var bases: [Int: Journey?] = [:]
    /// The generation for the next new journey version (a restored copy's own base).
    private var generationOfNext: Int?

    let environment: [String: String]
    let isLive: (LockOwner) -> Bool
    let clock: () -> Double

    init(path: String?, fingerprint: FileFingerprint?, writer: LockOwner = .process,
         environment: [String: String] = ProcessInfo.processInfo.environment,
         isLive: @escaping (LockOwner) -> Bool = LockOwner.isRunning,
         clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.writer = writer
        self.environment = environment
        schedule = Safekeeping.schedule(environment)
        self.isLive = isLive
        self.clock = clock
        recovery = path.map { Recovery(for: $0, writer: writer, environment: environment) }
        observedPath = path
        self.fingerprint = fingerprint
        fingerprintPath = path.map(Safekeeping.absolute)
    }

    /// `path` made absolute and tidied lexically ("." and ".." removed), links left as they
    /// are: the name the user gave, not where it leads now.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The timed copy's schedule: 2 s after the last edit, at most 10 s after the first;
    /// `JOURNEYMAN_RECOVERY_DELAY` (seconds) sets both, so that a test can know for certain
    /// that no timed copy is due (or make it come sooner) without racing a clock.
    static func schedule(_ environment: [String: String]) -> RecoverySchedule {
        guard let text = environment["JOURNEYMAN_RECOVERY_DELAY"], let d = Double(text), d.isFinite, d > 0 else { return RecoverySchedule() }
        return RecoverySchedule(delay: d, maxDelay: d)
    }

    /// On opening: locks the journey, or asks what to do when another editor holds it;
    /// then offers the recovery copies of sessions that ended with edits the file lacks,
    /// and names the copies that could not be read (kept aside).
    func open(_ s: inout EditorState, onDisk: Journey?) {
        bases[0] = onDisk
        generationOf[s.history.version] = 0
        guard let path = s.path else { return }
        switch LockFile.acquire(for: path, as: writer, isLive: isLive) {
        case .held(let owner):
            // Its recovery copy belongs to the live editor: not offered here.
            s.overlays.append(.confirm(.locked(owner: owner.description)))
            return
        case .acquired(let lock, let replaced):
            self.lock = lock
            if let replaced { s.message = Message("Took over the lock left by \(replaced.description)") }
        case .unavailable(let reason):
            s.message = Message("Not locked: \(reason)")
        }
        guard let recovery else { return }
        let (copies, setAside) = recovery.offers(comparedWith: onDisk, isLive: isLive)
        if !setAside.isEmpty { s.message = Message(setAside.joined(separator: "; "), isError: true) }
        offers = copies
        // One question per copy, the first on top: each answer shows the next.
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        f.locale = Locale(identifier: "en_US_POSIX")
        for copy in copies.reversed() {
            s.overlays.append(.confirm(.recovery(saved: f.string(from: Date(timeIntervalSince1970: TimeInterval(copy.saved))))))
        }
    }

    /// The answer to the recovery question, for the first copy offered.
    func answerOffer(_ choice: RecoveryChoice) -> Event {
        guard let recovery, !offers.isEmpty else { return .notice("The recovery copy is gone", isError: true) }
        let copy = offers.removeFirst()
        switch choice {
        case .restore:
            // The edits become this session's: into its own copy first, then the old one
            // goes (it stays when this session cannot write a copy).
            var message = "Restored the unsaved edits: s saves them"
            if (try? recovery.write(copy.journey, base: copy.base)) != nil {
                Recovery.remove(copy)
            } else {
                message += "; the recovery copy stays at \(TerminalText.singleLine(copy.path)) (no copy of this session can be written)"
            }
            if copy.base != currentBase {
                // Made on another version of the file: saving asks, merging starts from that version.
                generationOfNext = nextGeneration
                bases[nextGeneration] = copy.base
                nextGeneration += 1
            }
            return .loaded(journey: copy.journey, message: message, asSaved: false)
        case .discard:
            Recovery.remove(copy)
            return .notice("Discarded the recovery copy", isError: false)
        case .keepBoth:
            do {
                let path = try recovery.keepBoth(copy)
                return .notice("The recovered edits are in \(TerminalText.singleLine(path))", isError: false)
            } catch {
                return .notice("Not kept: " + TerminalText.singleLine(error.lines.first ?? "") + "; the copy stays for the next opening", isError: true)
            }
        case .later:
            return .notice("The recovery copy is kept for the next opening: \(TerminalText.singleLine(copy.path))", isError: false)
        }
    }

    /// After every event and tick: notes edits, notices a lock taken over, writes the
    /// recovery copy when due.
    func after(_ s: inout EditorState, tick: Bool) {
        observe(s)
        checkLock(&s)
        if tick && schedule.isDue(at: clock()) { writeCopy(&s) }
    }

    /// Notes the state after an event: an edit schedules a recovery copy.
    func observe(_ s: EditorState) {
        if s.path != observedPath {
            observedPath = s.path
            if let path = s.path, recovery?.journeyPath != Recovery(for: path, writer: writer, environment: environment).journeyPath {
                // A new journey named, or saved under a new name: the copy follows it
                // (the old one goes once the new one is written, or the edits are saved).
                if retired == nil { retired = recovery }
                recovery = Recovery(for: path, writer: writer, environment: environment)
                copiedVersion = nil
                copyPath = nil
                if s.isDirty { schedule.edited(at: clock()) }
            }
        }
        if generationOf[s.history.version] == nil {
            generationOf[s.history.version] = generationOfNext ?? generation
            generationOfNext = nil
        }
        // A journey just made from the framework picker counts as an edit too.
        let version = s.hasJourney ? s.history.version : -1
        guard version != seenVersion else { return }
        seenVersion = version
        if s.isDirty && s.history.version != copiedVersion {
            schedule.edited(at: clock())
        } else {
            schedule.written()
        }
    }

    /// A lock taken over by another editor since the last look: read-only from now on,
    /// the edits go to this session's own copy, and the user is told where.
    func checkLock(_ s: inout EditorState) {
        guard let lock, let other = lock.takenOver() else { return }
        self.lock = nil
        s.readOnly = true
        var text = "\(other.description) took over the lock: read-only now"
        if s.isDirty {
            if writeCopy(&s), let copyPath {
                text += "; your edits are kept in \(TerminalText.singleLine(copyPath)) (offered when the journey is next opened; s saves under another name)"
            } else {
                text += "; your edits are only in this editor: s saves them under another name"
            }
        }
        s.message = Message(text, isError: true)
    }

    /// Writes the recovery copy now if there are unsaved edits not yet in it; false when
    /// it cannot be written (the title bar then says so until one can).
    @discardableResult
    func writeCopy(_ s: inout EditorState) -> Bool {
        schedule.written()
        guard s.isDirty, let recovery else { return true }
        if s.history.version == copiedVersion, let copyPath, FileManager.default.fileExists(atPath: copyPath) { return true }
        do {
            let (path, passedOver) = try recovery.write(s.journey, base: base(for: s.history.version))
            copiedVersion = s.history.version
            copyPath = path
            s.noRecoveryCopy = false
            retired?.discardOwn()
            retired = nil
            if !passedOver.isEmpty && !toldFallback {
                toldFallback = true
                s.message = Message("Recovery copies go to \(TerminalText.singleLine((path as NSString).deletingLastPathComponent)): " + TerminalText.singleLine(passedOver.joined(separator: "; ")), isError: true)
            }
            return true
        } catch {
            s.noRecoveryCopy = true
            s.message = Message("Recovery copy not written: " + TerminalText.singleLine(error.diagnostics.map(\.message).joined(separator: "; ")), isError: true)
            return false
        }
    }

    /// True when `path` is the file the editor read or last saved.
    func isOpenedFile(_ path: String) -> Bool {
        fingerprintPath == Safekeeping.absolute(path)
    }

    /// True when saving `version` to `path` must ask first: the file is not the one read
    /// or saved (another file, a link swapped in, other content), or the journey goes back
    /// to a generation older than a reload or merge since.
    func conflict(_ path: String, version: Int) -> Bool {
        guard let fingerprint, isOpenedFile(path) else { return false }
        if fingerprint.changedOnDisk(path) { return true }
        return (generationOf[version] ?? generation) != generation
    }

    /// The links a save of the opened file may follow: only the one there at open.
    func linkRule(_ path: String) -> AtomicFile.LinkRule {
        guard let fingerprint, isOpenedFile(path) else { return .follow }
        return .asOpened(fingerprint.linkTarget)
    }

    /// The file's journey as last read, saved, reloaded or merged.
    var currentBase: Journey? { bases[generation] ?? nil }

    /// The journey a version was based on: read at open, last saved, reloaded or merged.
    func base(for version: Int) -> Journey? {
        bases[generationOf[version] ?? generation] ?? nil
    }

    /// A save of `journey` (as `bytes`) to `path` succeeded at history `version`: this
    /// session's copy is no longer needed.
    func saved(_ journey: Journey, bytes: [UInt8], to path: String, version: Int) {
        if recovery?.journeyPath != Recovery(for: path, writer: writer, environment: environment).journeyPath {
            recovery?.discardOwn()
            recovery = Recovery(for: path, writer: writer, environment: environment)
        }
        recovery?.discardOwn()
        retired?.discardOwn()
        retired = nil
        copiedVersion = nil
        copyPath = nil
        schedule.written()
        fingerprint = FileFingerprint(path: path, bytes: bytes)
        fingerprintPath = Safekeeping.absolute(path)
        generationOf[version] = generation
        bases[generation] = journey
    }

    /// The other side's file was brought in (reloaded or merged) at `path`: a new
    /// generation based on `theirs`, which the version about to be made belongs to.
    func broughtIn(_ theirs: Journey, bytes: [UInt8], from path: String) {
        generation = nextGeneration
        nextGeneration += 1
        bases[generation] = theirs
        fingerprint = FileFingerprint(path: path, bytes: bytes)
        fingerprintPath = Safekeeping.absolute(path)
        // The journey version the loaded event makes is new: observe tags it with this generation.
    }

    /// The session ended: a deliberate quit removes this session's copy and the lock; a
    /// signal keeps the copy for the next start.
    func end(_ s: inout EditorState) {
        if bySignal {
            writeCopy(&s)
        } else {
            recovery?.discardOwn()
            retired?.discardOwn()
        }
        lock?.release()
    }
}
