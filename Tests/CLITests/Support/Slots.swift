import Foundation

/// One result slot per concurrent worker or run, filled in under a lock.
final class Slots<Value>: @unchecked Sendable {
    private var items: [Value]
    private let lock = NSLock()
    init(count: Int, initial: Value) { items = Array(repeating: initial, count: count) }
    func set(_ i: Int, _ value: Value) { lock.withLock { items[i] = value } }
    func get(_ i: Int) -> Value { lock.withLock { items[i] } }
    var all: [Value] { lock.withLock { items } }
}
