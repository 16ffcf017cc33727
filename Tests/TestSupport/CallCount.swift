import Foundation

/// How many times something was called, from any thread: how tests see that a value is made
/// again only when it is read (a parse made again, a page rendered).
public final class CallCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    public func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
