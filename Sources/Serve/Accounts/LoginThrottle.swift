import Foundation

/// Slows down guessing a password: after five wrong passwords for an account, each further try
/// waits, longer after each failure (15 s, 30 s, 1 min… up to 15 min), and is refused without
/// being checked until then. Counted by account, not by address: the schools of a district
/// sign in from the same few addresses, and behind a proxy every request comes from it.
///
/// A try is counted as a failure when it starts, before its password is checked, and cleared
/// if the password was right: tries sent all at once cannot all pass before the first failure
/// is counted.
final class LoginThrottle: @unchecked Sendable {
    static let freeTries = 5
    static let firstWait: TimeInterval = 15
    static let longestWait: TimeInterval = 15 * 60
    /// Failures older than this are forgotten.
    static let memory: TimeInterval = 3600
    /// The most names remembered: only names an account could have are counted at all.
    static let mostNames = 10_000

    private struct Record {
        var failures: Int
        var last: Date
    }

    private let lock = NSLock()
    private var records: [String: Record] = [:]

    /// A try for `name` starting now: nil when it may go on (and it is counted), or how long it
    /// must still wait.
    func attempt(_ name: String, now: Date) -> TimeInterval? {
        lock.withLock {
            var record = records[name] ?? Record(failures: 0, last: now)
            if now.timeIntervalSince(record.last) >= Self.memory { record.failures = 0 }
            if record.failures >= Self.freeTries {
                let left = record.last.addingTimeInterval(Self.delay(after: record.failures)).timeIntervalSince(now)
                if left > 0 { return left }
            }
            if records[name] == nil && records.count >= Self.mostNames { forgetOld(now: now) }
            record.failures += 1
            record.last = now
            records[name] = record
            return nil
        }
    }

    /// The password was right: its try, and the failures before it, are forgotten.
    func succeeded(_ name: String) {
        lock.withLock { records[name] = nil }
    }

    /// The wait after `failures` wrong passwords in a row.
    static func delay(after failures: Int) -> TimeInterval {
        guard failures >= freeTries else { return 0 }
        return min(firstWait * pow(2, Double(min(failures - freeTries, 20))), longestWait)
    }

    /// Room for one more name: the forgotten ones go, then the one least recently tried.
    private func forgetOld(now: Date) {
        records = records.filter { now.timeIntervalSince($0.value.last) < Self.memory }
        if records.count >= Self.mostNames, let oldest = records.min(by: { $0.value.last < $1.value.last }) {
            records[oldest.key] = nil
        }
    }
}
