import Dispatch
import Foundation

/// Maps over an array on all cores, keeping the order of the input. The work items must be
/// independent; results come back in input order so output stays deterministic.
package enum ParallelMap {
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let chunk = max(1, inputs.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (inputs.count + chunk - 1) / chunk
        inputs.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                for position in start..<min(start + chunk, buffer.count) {
                    results.set(position, transform(buffer[position]))
                }
            }
        }
        return results.takeValues()
    }
}

extension ParallelMap {
    /// Runs two independent pieces of work at once (the first on this thread) and returns both
    /// results. Either may itself map in parallel.
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstResult = ResultSlots<First>(count: 1)
        let secondResult = ResultSlots<Second>(count: 1)
        // Not concurrentPerform: work that itself maps in parallel would then run on one core.
        // Not the global queue either: its threads are as many as the cores, and while other
        // work held them (BackgroundWork, a parallel map) the second half waited, 0.2-0.3 s of
        // a one-document rebuild at 10,000 documents with a core idle. A queue of its own runs
        // on a thread started at once.
        let group = DispatchGroup()
        withoutActuallyEscaping(second) { second in
            DispatchQueue(label: "congkhai.parallel-map.both").async(group: group) { secondResult.set(0, second()) }
            firstResult.set(0, first())
            group.wait()
        }
        return (firstResult.takeValues()[0], secondResult.takeValues()[0])
    }
}

/// Write-once slots filled from several threads, each slot by exactly one. The slots are raw
/// memory written through a pointer: an Array here is not safe, because
/// `withUnsafeMutableBufferPointer` moves the array's buffer out while the closure runs, so a
/// second thread then found it empty or copied it (a crash in about one build in thirty).
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.baseAddress?.deinitialize(count: slots.count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    /// Moved out of the slots (which are left empty) rather than copied, once every writer is
    /// done (after concurrentPerform or the group's wait): a copy of a document retains each
    /// of its texts, and its release in the slots' deinit undoes it.
    func takeValues() -> [Value] {
        [Value](unsafeUninitializedCapacity: slots.count) { buffer, count in
            for index in slots.indices { (buffer.baseAddress! + index).initialize(to: slots[index].take()!) }
            count = slots.count
        }
    }
}
