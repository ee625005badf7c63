/// The ids defined so far while decoding, each with the tape entry of the value
/// that defined it: an open-addressing table of entry numbers, hashed over the id's
/// bytes. It holds 4 bytes per slot where a `[String: Int]` would hold 24, which
/// matters for a journey of 100 000 touchpoints.
struct IDTable {
    private let tape: JSONTape
    /// Entry + 1 of each id's value; 0 marks an empty slot.
    private var slots: [UInt32]
    private var count = 0

    init(tape: JSONTape) {
        self.tape = tape
        slots = Array(repeating: 0, count: 64)
    }

    /// The entry that defined `id`, or nil when it is new.
    func first(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            var slot = IDTable.hash(bytes) & (slots.count - 1)
            while slots[slot] != 0 {
                let entry = Int(slots[slot]) - 1
                if tape.stringEquals(entry, bytes) { return entry }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Records that the string value at `entry` defines its id; the id must be new.
    mutating func insert(_ entry: Int) {
        if 2 * (count + 1) > slots.count { grow() }
        place(entry)
        count += 1
    }

    private mutating func place(_ entry: Int) {
        let id = tape.string(entry)
        var copy = id
        var slot = copy.withUTF8 { IDTable.hash($0) } & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = UInt32(entry + 1)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for s in old where s != 0 { place(Int(s) - 1) }
    }

    /// FNV-1a: short ids hash well and fast.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}
