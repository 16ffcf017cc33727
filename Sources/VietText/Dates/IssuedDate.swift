/// A document's date as printed: a full date, or a month and year when the printed day is
/// blank ("ngày   tháng 4 năm 2024").
package struct IssuedDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int?

    /// Nil when the day does not exist in that month (31/02, 29/02 outside leap years).
    package init?(year: Int, month: Int, day: Int?) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        if let day, !(1...IssuedDate.daysIn(month: month, year: year)).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" or "YYYY-MM".
    package init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts.count == 2 || parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        let day = parts.count == 3 ? Int(parts[2]) : nil
        if parts.count == 3 && day == nil { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A date as a person types it in a form: "15/04/2024", "15-4-2024", "15.04.2024",
    /// "04/2024", or "2024-04-15". `.notADate` when it has no such shape, `.noSuchDay` when it
    /// has one but the day does not exist ("30/02/2024").
    package enum Typed: Equatable, Sendable {
        case date(IssuedDate)
        case notADate
        case noSuchDay
    }

    package static func typed(_ text: String) -> Typed {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let numbers = Optional(parts.compactMap { Int($0) }), numbers.count == parts.count
        else { return .notADate }
        let (year, month, day): (Int, Int, Int?)
        if parts[0].count == 4 {
            (year, month, day) = (numbers[0], numbers[1], parts.count == 3 ? numbers[2] : nil)
        } else if parts[parts.count - 1].count == 4 {
            (year, month, day) = (
                numbers[numbers.count - 1], numbers[numbers.count - 2], parts.count == 3 ? numbers[0] : nil
            )
        } else {
            return .notADate
        }
        return IssuedDate(year: year, month: month, day: day).map(Typed.date) ?? .noSuchDay
    }

    /// "2024-05-31" or "2024-05".
    package var iso: String {
        let head = "\(year)-\(Self.twoDigits(month))"
        return day.map { "\(head)-\(Self.twoDigits($0))" } ?? head
    }

    package var description: String { iso }

    /// "ngày 31 tháng 5 năm 2024", or "tháng 5 năm 2024" when the day is blank.
    package var vietnameseLong: String {
        let tail = "tháng \(month) năm \(year)"
        return day.map { "ngày \($0) \(tail)" } ?? tail
    }

    /// "31/05/2024", or "05/2024".
    package var vietnameseShort: String {
        let tail = "\(Self.twoDigits(month))/\(year)"
        return day.map { "\(Self.twoDigits($0))/\(tail)" } ?? tail
    }

    /// The school year ("2023-2024") the date falls in: September to August.
    package var schoolYear: String {
        month >= 9 ? "\(year)-\(year + 1)" : "\(year - 1)-\(year)"
    }

    /// An RFC 3339 timestamp at midnight in Vietnam (UTC+7), for feeds and sitemaps.
    package var rfc3339: String { "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day ?? 1))T00:00:00+07:00" }

    package static func < (lhs: IssuedDate, rhs: IssuedDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Hasher64 {
    /// A date by its numbers (no day: 0), without formatting it; none: one number apart.
    package mutating func add(_ date: IssuedDate?) {
        guard let date else { return add(-1) }
        add(date.year)
        add(date.month)
        add(date.day ?? 0)
    }
}
