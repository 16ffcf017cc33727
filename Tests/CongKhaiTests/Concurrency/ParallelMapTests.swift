import Foundation
import Testing

@testable import CongKhai

/// Results come back in input order, whatever the threads do, however small the work: workers
/// finishing at once must never disturb each other's slots.
@Suite struct ParallelMapTests {
    @Test func resultsKeepTheirOrderUnderContention() {
        for round in 0..<300 {
            let inputs = Array(0..<(64 + round % 7))
            // Trivial work: every worker writes its results at nearly the same moment.
            let outputs = ParallelMap.map(inputs) { $0 &* 3 }
            #expect(outputs == inputs.map { $0 &* 3 })
            let words = ParallelMap.map(inputs) { String($0) }
            #expect(words == inputs.map { String($0) })
        }
        let (first, second) = ParallelMap.both({ (0..<1000).reduce(0, +) }, { ParallelMap.map(Array(0..<100)) { $0 } })
        #expect(first == 499_500)
        #expect(second == Array(0..<100))
    }
}
