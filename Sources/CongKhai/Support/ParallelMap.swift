import Dispatch
import Foundation

/// Maps over an array on all cores, keeping the order of the input. The work items must be
/// independent; results come back in input order so output stays deterministic.
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
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
        return results.values()
    }
}

/// Write-once slots filled from several threads, each slot by exactly one.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [Value] { storage.map { $0! } }
}
