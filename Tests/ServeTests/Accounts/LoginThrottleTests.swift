import Foundation
import Testing

@testable import Serve

struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func fiveWrongPasswordsAndTheNextTryWaitsLongerEachTime() throws {
        let throttle = LoginThrottle()
        for attempt in 0..<LoginThrottle.freeTries {
            #expect(throttle.attempt("lan", now: start.addingTimeInterval(Double(attempt))) == nil)
        }
        let last = start.addingTimeInterval(Double(LoginThrottle.freeTries - 1))
        let first = try #require(throttle.attempt("lan", now: last))
        #expect(first > 14 && first <= 15)
        // Another account is not slowed by her mistakes.
        #expect(throttle.attempt("ha", now: last) == nil)
        // Once waited, one more try; wrong again, twice the wait.
        let later = last.addingTimeInterval(15)
        #expect(throttle.attempt("lan", now: later) == nil)
        #expect(throttle.attempt("lan", now: later)! > 29)
        #expect(LoginThrottle.delay(after: 30) == LoginThrottle.longestWait)
        // The right password clears it.
        throttle.succeeded("lan")
        #expect(throttle.attempt("lan", now: later) == nil)
    }

    @Test func triesSentAllAtOnceAreCountedBeforeAnyIsChecked() async {
        let throttle = LoginThrottle()
        let now = start
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<60 { group.addTask { throttle.attempt("lan", now: now) == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == LoginThrottle.freeTries)
    }

    @Test func failuresAreForgottenAfterAnHour() {
        let throttle = LoginThrottle()
        for _ in 0..<LoginThrottle.freeTries { _ = throttle.attempt("lan", now: start) }
        #expect(throttle.attempt("lan", now: start) != nil)
        #expect(throttle.attempt("lan", now: start.addingTimeInterval(LoginThrottle.memory)) == nil)
    }
}
