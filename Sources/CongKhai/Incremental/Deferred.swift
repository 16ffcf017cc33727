import Foundation

/// A value made only if something reads it, at most once, whichever thread reads it first.
/// After a one-document edit nearly every document comes from the build cache, and the cache
/// no longer holds what only a few of them need (their HTML, read when a page is rendered
/// again, and their counted words, read when their search terms are made again): those are
/// made again from the source when read. Their citations it holds are decoded when read.
struct Deferred<Value: Sendable>: Sendable {
    private enum Storage: Sendable {
        case value(Value)
        case later(Later<Value>)
    }

    private let storage: Storage

    init(_ value: Value) { storage = .value(value) }

    init(_ later: Later<Value>) { storage = .later(later) }

    var value: Value {
        switch storage {
        case .value(let value): return value
        case .later(let later): return later.value
        }
    }
}

/// The value `make` makes, made on first read and kept; shared by the copies of what holds it.
final class Later<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }

    /// Lets the value go: made again should it be read again.
    func forget() {
        lock.lock()
        made = nil
        lock.unlock()
    }
}
