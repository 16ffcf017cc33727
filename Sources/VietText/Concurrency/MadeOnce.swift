import Foundation

/// Values made once per key and kept, for work shared by the threads of a build: the issuers'
/// spellings of all its documents, the breadcrumbs of all its pages. Looked up under a lock and
/// made outside it, so a slow value holds no other thread back; two threads may make the same
/// value at once, and since a value depends on its key alone, they make the same.
package final class MadeOnce<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Filled under the lock.
    private var made: [Key: Value] = [:]

    package init() {}

    package func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let known = made[key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        made[key] = value
        lock.unlock()
        return value
    }
}
