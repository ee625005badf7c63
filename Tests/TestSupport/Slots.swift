import Foundation

/// One result slot per concurrent worker or run, filled in under a lock.
public final class Slots<Value>: @unchecked Sendable {
    private var items: [Value]
    private let lock = NSLock()
    public init(count: Int, initial: Value) { items = Array(repeating: initial, count: count) }
    public func set(_ i: Int, _ value: Value) { lock.withLock { items[i] = value } }
    public func get(_ i: Int) -> Value { lock.withLock { items[i] } }
    public var all: [Value] { lock.withLock { items } }
}
