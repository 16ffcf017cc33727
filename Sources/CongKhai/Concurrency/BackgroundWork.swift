import Dispatch
import Foundation

/// Work started on another core now and waited for later: what a build needs only in a later
/// step, started while an earlier step leaves a core idle.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work, read after the group's wait.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        // A queue of its own, not the global one, whose threads (as many as the cores) may all
        // be busy: the work starts at once (ParallelMap.both).
        DispatchQueue(label: "congkhai.background-work").async(group: group) { self.result = work() }
    }

    /// The value, once the work is done.
    var value: Value {
        group.wait()
        return result!
    }
}
