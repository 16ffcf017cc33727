import Foundation
import Testing

@testable import Serve

struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func fiveWrongPasswordsAndTheNextTryWaitsLongerEachTime() throws {
        let throttle = LoginThrottle()
        for attempt in 0..<LoginThrottle.freeTries {
            #expect(throttle.wait(for: "lan", now: start) == nil)
            throttle.failed("lan", now: start.addingTimeInterval(Double(attempt)))
        }
        let last = start.addingTimeInterval(Double(LoginThrottle.freeTries - 1))
        let first = try #require(throttle.wait(for: "lan", now: last))
        #expect(first > 14 && first <= 15)
        // Another account is not slowed by her mistakes.
        #expect(throttle.wait(for: "ha", now: last) == nil)
        // Once waited, one more try; wrong again, twice the wait.
        let later = last.addingTimeInterval(15)
        #expect(throttle.wait(for: "lan", now: later) == nil)
        throttle.failed("lan", now: later)
        #expect(throttle.wait(for: "lan", now: later)! > 29)
        #expect(LoginThrottle.delay(after: 30) == LoginThrottle.longestWait)
        // The right password clears it.
        throttle.succeeded("lan")
        #expect(throttle.wait(for: "lan", now: later) == nil)
    }

    @Test func failuresAreForgottenAfterAnHour() {
        let throttle = LoginThrottle()
        for _ in 0..<LoginThrottle.freeTries { throttle.failed("lan", now: start) }
        #expect(throttle.wait(for: "lan", now: start) != nil)
        #expect(throttle.wait(for: "lan", now: start.addingTimeInterval(LoginThrottle.memory)) == nil)
        throttle.failed("lan", now: start.addingTimeInterval(LoginThrottle.memory))
        #expect(throttle.wait(for: "lan", now: start.addingTimeInterval(LoginThrottle.memory)) == nil)
    }
}
