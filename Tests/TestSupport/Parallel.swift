import Foundation

/// Runs independent cases on a few threads, for suites that mostly wait on child processes
/// (the binary, git, tmux). Results come back in the order of the cases; assertions belong
/// on the calling thread, after the call.
public enum Parallel {
    /// Threads used: the waits overlap, so more than the cores pays, but few enough to stay
    /// robust on a loaded 2-core machine.
    public static let workers = 3

    /// `body` applied to every item, on `workers` threads; the first error is rethrown.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int = Parallel.workers,
                                                     _ body: @Sendable (T) throws -> R) throws -> [R] {
        let threads = max(1, min(workers, items.count))
        let slots = Slots<Result<R, Error>?>(count: items.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for i in stride(from: worker, to: items.count, by: threads) {
                slots.set(i, Result { try body(items[i]) })
            }
        }
        return try slots.all.map { try $0!.get() }
    }
}
