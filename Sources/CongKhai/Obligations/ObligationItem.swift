import VietText

/// What a document covers, for an item: a school year, a fiscal or calendar year, nothing in
/// particular (standing information, updated on change), or a month or week (menus, a mầm non
/// unit's monthly and weekly plans).
package enum PeriodKind: String, Sendable, Hashable, CaseIterable {
    case schoolYear = "school-year"
    case fiscalYear = "fiscal-year"
    case calendarYear = "calendar-year"
    case standing, month, week

    /// Weekly and monthly items are shown with their latest document but not counted in a
    /// round's totals: a round is a year, and their punctuality is week by week.
    package var isRecurring: Bool { self == .month || self == .week }
}

/// One thing Thông tư 09/2024/TT-BGDĐT requires a kind of unit to disclose.
package struct ObligationItem: Sendable, Hashable {
    /// Stable, ASCII, distinct from every category slug: `categories:` of a document names it.
    package var slug: String
    package var name: String
    /// "Điều 9 khoản 1".
    package var article: String
    /// False where the clause was not checked against the circular's text.
    package var verified: Bool
    /// The category (TT 09 section) it is listed under.
    package var group: String
    /// The kind of document that usually discloses it.
    package var documentKind: String
    package var period: PeriodKind
    /// Round Y holds period Y + offset (for a school year, the one starting in Y + offset).
    package var offset: Int
    /// Month and day of the deadline within round Y's year (30 June).
    package var deadlineMonth: Int
    package var deadlineDay: Int
    /// How a weekly or monthly item's own deadline reads ("trước ngày 25 của tháng trước").
    package var deadlineText: String?
    /// The date its figures are taken at ("31/12").
    package var reference: String?
    /// The form it must take ("PDF").
    package var form: String?
    /// The title `congkhai new` gives its draft, "{period}" standing for the round's period;
    /// nil: the name, then the period.
    package var draftTitle: String?
    /// What the article asks, in its words: the skeleton of `congkhai new`'s draft.
    package var asks: [String]
    /// Suggested columns when the content is a table; the circular prescribes none.
    package var columns: [String]

    /// The period round `year` holds, as `period:` writes it: "2025-2026", "2025"; nil for
    /// standing and recurring items, which have none.
    package func period(ofRound year: Int) -> String? {
        let start = year + offset
        switch period {
        case .schoolYear: return "\(start)-\(start + 1)"
        case .fiscalYear, .calendarYear: return "\(start)"
        case .standing, .month, .week: return nil
        }
    }

    /// The round that holds a period ("2025-2026" or "2025"), inverse of `period(ofRound:)`.
    package func round(ofPeriod text: String) -> Int? {
        guard let start = Int(text.prefix(4)) else { return nil }
        switch period {
        case .schoolYear, .fiscalYear, .calendarYear: return start - offset
        case .standing, .month, .week: return nil
        }
    }

    /// The deadline of round `year`.
    package func deadline(ofRound year: Int) -> CalendarDay {
        let day = min(deadlineDay, IssuedDate.daysIn(month: deadlineMonth, year: year))
        return CalendarDay(year: year, month: deadlineMonth, day: day)
    }
}
