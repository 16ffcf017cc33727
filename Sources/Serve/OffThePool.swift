import Dispatch
import Foundation

/// Work that blocks (a build, reading a PDF, writing files) runs on a thread of its own, not on
/// one of the few that answer requests. Nil when the task is cancelled first: the work is then
/// left to finish alone.
func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value? {
    let result = Once<Value>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
            result.wait(continuation)
            // A queue of its own: the global queue's threads are as many as the cores, and a
            // build's parallel maps may hold them all.
            DispatchQueue(label: "congkhai.off-the-pool").async { result.resume(work()) }
        }
    } onCancel: {
        result.resume(nil)
    }
}

/// A continuation resumed once, by the work's end or by cancellation, whichever comes first.
private final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value?, Never>?
    private var early: Value??

    func wait(_ continuation: CheckedContinuation<Value?, Never>) {
        let resumeNow: Value?? = lock.withLock {
            if let early { return early }
            self.continuation = continuation
            return nil
        }
        if let resumeNow { continuation.resume(returning: resumeNow) }
    }

    func resume(_ value: Value?) {
        let waiting: CheckedContinuation<Value?, Never>? = lock.withLock {
            if let continuation {
                self.continuation = nil
                return continuation
            }
            if early == nil { early = .some(value) }
            return nil
        }
        waiting?.resume(returning: value)
    }
}
