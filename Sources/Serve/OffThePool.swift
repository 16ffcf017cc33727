import Dispatch
import Foundation

/// Work that blocks (a build, reading a PDF, writing files) runs on Dispatch's threads, not on
/// the few that answer requests. Nil when the task is cancelled first: the work is then
/// left to finish alone.
func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value? {
    let result = Once<Value>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
            result.wait(continuation)
            // The global queue, whose threads are as many as the cores: thirty sign-ins or
            // imports at once wait their turn rather than each taking a thread (and an
            // import's memory). A build run here still maps on the cores through
            // concurrentPerform, which works on the calling thread too.
            DispatchQueue.global().async { result.resume(work()) }
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
