import Dispatch
import Foundation

/// Work started on another core now and waited for later: what a build needs only in a later
/// step, started while an earlier step leaves a core idle.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work, read after the group's wait.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    /// The value, once the work is done.
    var value: Value {
        group.wait()
        return result!
    }
}
