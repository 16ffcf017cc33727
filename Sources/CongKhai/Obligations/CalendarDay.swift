import VietText

/// A day of the Gregorian calendar as a count of days, for deadlines: how many days late, ten
/// working days after a date. Pure arithmetic, no clock and no time zone, so a build gives the
/// same answer on any machine and any day.
package struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    package let number: Int

    package init(number: Int) { self.number = number }

    /// Nil for a date without its day ("2024-05").
    package init?(_ date: IssuedDate) {
        guard let day = date.day else { return nil }
        self.init(year: date.year, month: date.month, day: day)
    }

    /// From a valid date (days-from-civil, H. Hinnant's algorithm).
    package init(year: Int, month: Int, day: Int) {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    /// Back to year, month and day.
    package var date: IssuedDate {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return IssuedDate(year: year, month: month, day: day)!
    }

    /// 1 Monday ... 6 Saturday, 7 Sunday (1970-01-01 was a Thursday).
    package var weekday: Int { ((number % 7 + 7) % 7 + 3) % 7 + 1 }

    package var isWeekend: Bool { weekday >= 6 }

    package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.number < rhs.number }

    package func adding(days: Int) -> CalendarDay { CalendarDay(number: number + days) }

    /// The day `count` working days after this one: Saturdays, Sundays and `holidays` skipped.
    package func adding(workingDays count: Int, holidays: Set<CalendarDay>) -> CalendarDay {
        var day = self
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if !day.isWeekend && !holidays.contains(day) { left -= 1 }
        }
        return day
    }
}
