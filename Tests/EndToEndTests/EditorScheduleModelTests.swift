import Foundation
import JourneyKit
import JourneyTUI
import TestSupport
import XCTest
@testable import journeyman

/// A model-based test of the editor's safekeeping: seeded random schedules of open,
/// edit, save (and the conflict answers merge / overwrite / reload / cancel), tick,
/// take-over, SIGTERM, SIGKILL and quit among two editors and an outside writer, driven
/// in-process through the session's own event handling (`EditorSession.handle`) on a
/// real temporary folder.
///
/// The property, checked when every editor has ended: each edit an editor showed as made
/// (a touchpoint it added) and each outside edit is in a journey file of the folder, in
/// a recovery copy the next opening offers, or was dropped by an explicit choice (discard
/// at quit or at the recovery question, reload, overwrite, or a SIGKILL before the next
/// timed copy was due).
final class EditorScheduleModelTests: XCTestCase {
    /// Schedules run: fixed seeds, 120 in the full run (`SlowTests`), the first 30 by default.
    static let schedules = SlowTests.count(full: 120, sample: 30)
    static let steps = 28

    func testRandomSchedulesNeverLoseAnEdit() throws {
        var failures: [String] = []
        var ran = 0, steps = 0, takeOvers = 0, merges = 0, kills = 0
        for seed in 1...UInt64(Self.schedules) {
            let model = try ScheduleModel(seed: seed)
            defer { model.cleanUp() }
            steps += model.run(steps: Self.steps)
            ran += 1
            takeOvers += model.counts["take-over", default: 0]
            merges += model.counts["merge", default: 0]
            kills += model.counts["SIGKILL", default: 0] + model.counts["SIGTERM", default: 0]
            if let problem = model.check() {
                failures.append("seed \(seed): \(problem)\n  " + model.log.joined(separator: "\n  "))
                if failures.count >= 3 { break }
            }
        }
        print("EditorScheduleModelTests (\(SlowTests.mode)): \(ran) schedules, \(steps) steps (\(takeOvers) take-overs, \(merges) merges, \(kills) signals), \(failures.count) failing")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n\n"))
        XCTAssertGreaterThan(takeOvers, 0)
        XCTAssertGreaterThan(merges, 0)
    }
}

extension EditorScheduleModelTests {
    /// A save under a new name that fails keeps the edits in a recovery copy: the old
    /// name's copy stays until the new name's is written.
    func testFailedSaveAsKeepsTheEditsInACopy() throws {
        let model = try ScheduleModel(seed: 0)
        defer { model.cleanUp() }
        model.open(0)
        model.edit(0)
        model.tick()
        let e = try XCTUnwrap(model.editors[0])
        let first = try XCTUnwrap(e.keeper.copyPath)
        e.s.overlays.append(.form(Forms.saveAs(thenQuit: false)))
        XCTAssertFalse(model.press(0, .ctrl("u")))
        for ch in model.dir + "/missing/other.json" { XCTAssertFalse(model.press(0, .char(ch))) }
        XCTAssertFalse(model.press(0, .enter))
        XCTAssertEqual(e.s.message?.text.hasPrefix("Not saved: "), true, e.s.message?.text ?? "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: first))
        model.tick()
        let second = try XCTUnwrap(e.keeper.copyPath)
        XCTAssertNotEqual(second, first)
        XCTAssertFalse(FileManager.default.fileExists(atPath: first))
        let copies = Recovery(for: model.dir + "/missing/other.json", writer: .newSession(), environment: model.env)
            .offers(comparedWith: nil, isLive: { _ in false }).copies
        XCTAssertEqual(copies.map { model.names($0.journey).contains("e1") }, [true])
    }
}

/// A terminal that shows nothing and sends nothing: events come from the model.
final class NullTerminal: JourneyTUI.Terminal {
    var size: (width: Int, height: Int) { (120, 40) }
    func nextEvent() -> Event? { nil }
    func draw(_ grid: Grid) {}
    func redraw() {}
    func suspend() {}
    func resume() {}
}

/// SplitMix64: a small seeded generator.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class ScheduleModel {
    final class Session {
        var s: EditorState
        let keeper: Safekeeping
        let host: EditorSession
        let name: String
        /// Edits made since the last due tick: the only ones a SIGKILL may lose.
        var sinceTick: Set<String> = []
        init(s: EditorState, keeper: Safekeeping, name: String) {
            self.s = s
            self.keeper = keeper
            host = EditorSession(keeper: keeper)
            self.name = name
        }
    }

    let dir: String
    let path: String
    let env: [String: String]
    var rng: SeededGenerator
    var clock = 1000.0
    var live: Set<String> = []
    var editors: [Session?] = [nil, nil]
    /// Every edit made (touchpoint names), and those dropped by an explicit choice.
    var made: Set<String> = []
    var excused: Set<String> = []
    var counter = 0
    var log: [String] = []
    var counts: [String: Int] = [:]
    let terminal = NullTerminal()

    init(seed: UInt64) throws {
        rng = SeededGenerator(state: seed)
        // In memory when it can be (tmpfs): the saves' fsyncs would take most of the time on a disk.
        let root = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        dir = root + "/jm-model-\(seed)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir + "/work", withIntermediateDirectories: true)
        path = dir + "/work/j.json"
        env = ["XDG_STATE_HOME": dir + "/state", "HOME": dir + "/home", "TMPDIR": dir + "/tmp"]
        try JourneyFile.write(Journey.template(Framework.named("aarrr")!, title: "Model"), to: path)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dir) }

    func note(_ what: String) {
        log.append(what)
        counts[what.split(separator: " ").dropFirst().first.map(String.init) ?? what, default: 0] += 1
    }

    func names(_ j: Journey) -> Set<String> {
        Set(j.stages.flatMap { $0.touchpoints.map(\.name) })
    }

    var diskNames: Set<String> {
        (try? JourneyFile.read(path)).map { names($0.journey) } ?? []
    }

    @discardableResult
    func send(_ e: Session, _ event: Event?) -> Bool {
        var bySignal = false
        return JourneyTUI.Session.step(&e.s, event, on: terminal, host: e.host, bySignal: &bySignal)
    }

    func press(_ i: Int, _ keys: Key...) -> Bool {
        guard let e = editors[i] else { return true }
        for k in keys where send(e, .key(k)) {
            ended(i)
            return true
        }
        return false
    }

    func ended(_ i: Int) {
        if let e = editors[i] { live.remove(e.keeper.writer.session) }
        editors[i] = nil
    }

    var question: (Session) -> ConfirmPurpose? = { e in
        if case .confirm(let c) = e.s.overlays.last { return c.purpose }
        return nil
    }

    func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

    // MARK: actions

    func open(_ i: Int) {
        let writer = LockOwner.newSession()
        live.insert(writer.session)
        let onDisk = try? JourneyFile.read(path).journey
        var s = onDisk.map { EditorState(journey: $0, path: path, width: 120, height: 40) } ?? EditorState(newFileAt: path, width: 120, height: 40)
        let alive = { [unowned self] (o: LockOwner) in self.live.contains(o.session) }
        let now = { [unowned self] in self.clock }
        let keeper = Safekeeping(path: path, fingerprint: FileFingerprint.current(path), writer: writer, environment: env, isLive: alive, clock: now)
        keeper.open(&s, onDisk: onDisk)
        _ = JourneyTUI.Editor.update(&s, .resize(width: 120, height: 40))
        keeper.observe(s)
        let e = Session(s: s, keeper: keeper, name: "E\(i)")
        editors[i] = e
        note("E\(i) open")
        // The questions at opening.
        for _ in 0..<8 {
            guard let purpose = question(e) else { break }
            switch purpose {
            case .locked:
                let k = pick(["t", "r", "esc"])
                if k == "t" { note("E\(i) take-over") } else { note("E\(i) read-only") }
                if press(i, k == "esc" ? .escape : .char(Character(k))) { return }
            case .recovery:
                let k = pick(["r", "d", "k", "l", "esc"])
                note("E\(i) recovery-\(k)")
                if k == "d", let copy = e.keeper.offers.first {
                    excused.formUnion(names(copy.journey).subtracting(diskNames))
                }
                if press(i, k == "esc" ? .escape : .char(Character(k))) { return }
            default:
                _ = press(i, .escape)
            }
        }
    }

    func edit(_ i: Int) {
        guard let e = editors[i], e.s.overlays.isEmpty, e.s.hasJourney, !e.s.readOnly else { return }
        counter += 1
        let name = "e\(counter)"
        for _ in 0..<Int(rng.next() % 3) { if press(i, .char("l")) { return } }
        if press(i, .char("a")) { return }
        for ch in name { if press(i, .char(ch)) { return } }
        if press(i, .enter) { return }
        if names(e.s.journey).contains(name) {
            made.insert(name)
            e.sinceTick.insert(name)
            note("E\(i) edit \(name)")
        }
    }

    func outsideWrite() {
        guard var j = try? JourneyFile.read(path).journey else { return }
        counter += 1
        let name = "w\(counter)"
        j.stages[Int(rng.next() % UInt64(j.stages.count))].touchpoints.append(Touchpoint(id: name, name: name))
        if rng.next() % 3 == 0 { j.title = "Outside \(counter)" }
        guard (try? JourneyFile.write(j, to: path)) != nil else { return }
        made.insert(name)
        note("W write \(name)")
    }

    func tick() {
        clock += 3
        for (i, e) in editors.enumerated() {
            guard let e else { continue }
            send(e, nil)
            e.sinceTick = []
            _ = i
        }
        note("- tick")
    }

    /// Saves, answering a conflict with `answers` in turn (m, o, r, c).
    func save(_ i: Int, answers: [String]) {
        var answers = answers
        note("E\(i) save")
        if press(i, .char("s")) { return }
        for _ in 0..<6 {
            guard let e = editors[i] else { return }
            if e.s.form?.title == "Save as" {
                counter += 1
                note("E\(i) save-as copy-\(counter).json")
                if press(i, .ctrl("u")) { return }
                for ch in dir + "/work/copy-\(counter).json" { if press(i, .char(ch)) { return } }
                _ = press(i, .enter)
                return
            }
            guard let purpose = question(e) else { return }
            switch purpose {
            case .saveConflict:
                let k = answers.isEmpty ? "c" : answers.removeFirst()
                note("E\(i) \(k == "m" ? "merge" : k == "o" ? "overwrite" : k == "r" ? "reload" : "cancel")")
                if k == "o" { excused.formUnion(diskNames.subtracting(names(e.s.journey))) }
                if k == "r" { excused.formUnion(names(e.s.journey).subtracting(diskNames)) }
                if press(i, .char(Character(k))) { return }
                if k == "m" {
                    if question(e) == .mergeConflicts, press(i, .char("o")) { return }
                    if press(i, .char("s")) { return }
                }
            case .mergeConflicts:
                if press(i, .char("o")) { return }
            default:
                _ = press(i, .escape)
                return
            }
        }
    }

    /// Undo takes an edit out by the user's own hand: an explicit choice.
    func undo(_ i: Int) {
        guard let e = editors[i], e.s.overlays.isEmpty else { return }
        let before = names(e.s.journey)
        note("E\(i) undo")
        if press(i, .char("u")) { return }
        excused.formUnion(before.subtracting(names(e.s.journey)))
    }

    func quit(_ i: Int, discard: Bool) {
        guard let e = editors[i] else { return }
        note("E\(i) quit-\(discard ? "discard" : "save")")
        if press(i, .char("q")) { return }
        guard question(e) == .quit else {
            _ = press(i, .escape)
            return
        }
        if discard {
            excused.formUnion(names(e.s.journey).subtracting(diskNames))
            _ = press(i, .char("d"))
        } else {
            _ = press(i, .char("c"))
            save(i, answers: ["m", "m", "m"])
            if let e = editors[i], !e.s.isDirty { _ = press(i, .char("q")) }
        }
    }

    func terminate(_ i: Int) {
        guard let e = editors[i] else { return }
        note("E\(i) SIGTERM")
        if !send(e, .terminate) { XCTFail("SIGTERM did not end the editor") }
        ended(i)
    }

    func kill(_ i: Int) {
        guard let e = editors[i] else { return }
        note("E\(i) SIGKILL")
        // Edits since the last due copy can be lost: nothing catches SIGKILL.
        excused.formUnion(e.sinceTick)
        ended(i)
    }

    /// Runs a random schedule, then ends every editor; returns the steps taken.
    func run(steps: Int) -> Int {
        open(0)
        for _ in 0..<steps {
            let i = Int(rng.next() % 2)
            guard editors[i] != nil else {
                if rng.next() % 2 == 0 { open(i) }
                continue
            }
            switch rng.next() % 20 {
            case 0..<7: edit(i)
            case 7..<10: save(i, answers: [pick(["m", "o", "r", "c"]), "m"])
            case 10..<12: tick()
            case 12..<14: outsideWrite()
            case 14: if editors[1 - i] == nil { open(1 - i) } else { edit(i) }
            case 15: terminate(i)
            case 16: kill(i)
            case 17: quit(i, discard: rng.next() % 2 == 0)
            default: undo(i)
            }
        }
        for i in 0..<2 where editors[i] != nil {
            switch rng.next() % 4 {
            case 0: quit(i, discard: false)
            case 1: terminate(i)
            case 2: kill(i)
            default: quit(i, discard: true)
            }
            if editors[i] != nil { terminate(i) }
        }
        return steps
    }

    /// The property; nil when it holds.
    func check() -> String? {
        var kept: Set<String> = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/work")) ?? []).filter { $0.hasSuffix(".json") }
        let next = LockOwner.newSession()
        for name in files {
            let file = dir + "/work/" + name
            if let j = try? JourneyFile.read(file).journey { kept.formUnion(names(j)) }
            let (copies, setAside) = Recovery(for: file, writer: next, environment: env).offers(comparedWith: nil, isLive: { _ in false })
            if !setAside.isEmpty { return "copies set aside: \(setAside)" }
            for c in copies { kept.formUnion(names(c.journey)) }
        }
        let lost = made.subtracting(kept).subtracting(excused)
        return lost.isEmpty ? nil : "lost \(lost.sorted())"
    }
}
