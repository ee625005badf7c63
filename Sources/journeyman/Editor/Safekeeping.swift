import Foundation
import JourneyKit
import JourneyTUI

/// What keeps an editor session from losing edits: the recovery copy (written a few
/// seconds after each edit, when a signal arrives and when a save fails), the lock file,
/// and the fingerprint of the file on disk that tells a save someone else changed it.
final class Safekeeping {
    private(set) var recovery: Recovery?
    private var schedule = Safekeeping.schedule(ProcessInfo.processInfo.environment)
    /// The history version last seen, and the one in the recovery copy.
    private var seenVersion: Int?
    private var copiedVersion: Int?
    private var observedPath: String?
    /// The journey file as it was read or last saved; nil for a new file.
    var fingerprint: FileFingerprint?
    var lock: LockFile?

    init(path: String?, fingerprint: FileFingerprint?) {
        recovery = path.map { Recovery(for: $0) }
        observedPath = path
        self.fingerprint = fingerprint
    }

    private static var now: Double { ProcessInfo.processInfo.systemUptime }

    /// The timed copy's schedule: 2 s after the last edit, at most 10 s after the first;
    /// `JOURNEYMAN_RECOVERY_DELAY` (seconds) sets both, so that a test can know for certain
    /// that no timed copy is due (or make it come sooner) without racing a clock.
    static func schedule(_ environment: [String: String]) -> RecoverySchedule {
        guard let text = environment["JOURNEYMAN_RECOVERY_DELAY"], let d = Double(text), d.isFinite, d > 0 else { return RecoverySchedule() }
        return RecoverySchedule(delay: d, maxDelay: d)
    }

    /// On opening: locks the journey, or asks what to do when another editor holds it;
    /// otherwise offers a recovery copy that holds edits the file does not have.
    func open(_ s: inout EditorState, onDisk: Journey?) {
        guard let path = s.path else { return }
        switch LockFile.acquire(for: path) {
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
        if let copy = recovery?.offer(comparedWith: onDisk) {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd HH:mm:ss"
            f.locale = Locale(identifier: "en_US_POSIX")
            s.overlays.append(.confirm(.recovery(saved: f.string(from: Date(timeIntervalSince1970: TimeInterval(copy.saved))))))
        }
    }

    /// Notes the state after an event: an edit schedules a recovery copy.
    func observe(_ s: EditorState) {
        if s.path != observedPath {
            observedPath = s.path
            if let path = s.path, recovery?.journeyPath != Recovery(for: path).journeyPath {
                // A new journey named, or saved under a new name: the copy follows it.
                if recovery != nil && !s.readOnly { recovery?.discard() }
                recovery = Recovery(for: path)
                copiedVersion = nil
            }
        }
        // A journey just made from the framework picker counts as an edit too.
        let version = s.hasJourney ? s.history.version : -1
        guard version != seenVersion else { return }
        seenVersion = version
        if s.isDirty && s.history.version != copiedVersion {
            schedule.edited(at: Self.now)
        } else {
            schedule.written()
        }
    }

    /// Writes the recovery copy when it is due; returns an error message when it fails.
    func tick(_ s: EditorState) -> String? {
        guard schedule.isDue(at: Self.now) else { return nil }
        return writeCopy(s)
    }

    /// Writes the recovery copy now if there are unsaved edits not yet in it.
    @discardableResult
    func writeCopy(_ s: EditorState) -> String? {
        schedule.written()
        // A read-only session must not overwrite the copy of the editor holding the lock.
        guard s.isDirty, !s.readOnly, s.history.version != copiedVersion, let recovery else { return nil }
        do {
            try recovery.write(s.journey)
            copiedVersion = s.history.version
            return nil
        } catch {
            return "Recovery copy not written: " + TerminalText.singleLine(error.lines.joined(separator: "; "))
        }
    }

    /// True when the file at `path` changed on disk since it was read or saved.
    func changedOnDisk(_ path: String) -> Bool {
        guard let fingerprint, let recovery, recovery.journeyPath == Recovery(for: path).journeyPath else { return false }
        return fingerprint.changedOnDisk(path)
    }

    /// A save of `bytes` to `path` succeeded: the copy is no longer needed (unless it
    /// belongs to another editor: `ownsCopy` is false in a read-only session).
    func saved(_ bytes: [UInt8], to path: String, ownsCopy: Bool = true) {
        if recovery?.journeyPath != Recovery(for: path).journeyPath {
            if ownsCopy { recovery?.discard() }
            recovery = Recovery(for: path)
        }
        recovery?.discard()
        copiedVersion = nil
        schedule.written()
        fingerprint = FileFingerprint(path: path, bytes: bytes)
    }

    /// The session ended: a deliberate quit removes the copy and the lock; a signal
    /// keeps the copy for the next start.
    func end(_ s: EditorState, bySignal: Bool) {
        if bySignal {
            writeCopy(s)
        } else if !s.readOnly {
            recovery?.discard()
        }
        lock?.release()
    }
}
