import Foundation

/// Slows down guessing a password: after five wrong passwords for an account, each further try
/// waits, longer after each failure (15 s, 30 s, 1 min… up to 15 min), and is refused without
/// being checked until then. Counted by account, not by address: the schools of a district
/// sign in from the same few addresses, and behind a proxy every request comes from it.
final class LoginThrottle: @unchecked Sendable {
    static let freeTries = 5
    static let firstWait: TimeInterval = 15
    static let longestWait: TimeInterval = 15 * 60
    /// Failures older than this are forgotten.
    static let memory: TimeInterval = 3600
    /// The most names remembered: guesses at made-up names cannot fill the memory.
    static let mostNames = 10_000

    private struct Record {
        var failures: Int
        var last: Date
    }

    private let lock = NSLock()
    private var records: [String: Record] = [:]

    /// How long `name` must still wait before a password is checked; nil when it may try now.
    func wait(for name: String, now: Date) -> TimeInterval? {
        lock.withLock {
            guard let record = records[name], now.timeIntervalSince(record.last) < Self.memory,
                record.failures >= Self.freeTries
            else { return nil }
            let left = record.last.addingTimeInterval(Self.delay(after: record.failures)).timeIntervalSince(now)
            return left > 0 ? left : nil
        }
    }

    /// The wait after `failures` wrong passwords in a row.
    static func delay(after failures: Int) -> TimeInterval {
        guard failures >= freeTries else { return 0 }
        return min(firstWait * pow(2, Double(min(failures - freeTries, 20))), longestWait)
    }

    func failed(_ name: String, now: Date) {
        lock.withLock {
            if records.count >= Self.mostNames {
                records = records.filter { now.timeIntervalSince($0.value.last) < Self.memory }
                if records.count >= Self.mostNames, let oldest = records.min(by: { $0.value.last < $1.value.last }) {
                    records[oldest.key] = nil
                }
            }
            var record = records[name] ?? Record(failures: 0, last: now)
            if now.timeIntervalSince(record.last) >= Self.memory { record.failures = 0 }
            record.failures += 1
            record.last = now
            records[name] = record
        }
    }

    func succeeded(_ name: String) {
        lock.withLock { records[name] = nil }
    }
}
