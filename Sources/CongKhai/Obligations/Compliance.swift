/// Where an item stands in a round, as this portal shows it: facts about what the portal holds,
/// never a judgement of the school.
package enum DisclosureStatus: String, Sendable, Hashable, CaseIterable {
    /// Published by the deadline (a change: within its working days).
    case onTime = "on-time"
    case late
    /// A document discloses it, with no `published:` date.
    case undated
    /// No document on this portal discloses it.
    case notPublished = "not-published"
    /// unit.yaml says it does not apply, with the reason.
    case notApplicable = "not-applicable"

    /// "đã công khai", as the checklist and the matrix write it.
    package var label: String {
        switch self {
        case .onTime: return "Đã công khai"
        case .late: return "Công khai muộn"
        case .undated: return "Chưa ghi ngày công khai"
        case .notPublished: return "Chưa có trên cổng này"
        case .notApplicable: return "Không áp dụng"
        }
    }

    /// Published in some form: on time, late or undated.
    package var isDisclosed: Bool { self == .onTime || self == .late || self == .undated }
}

/// One item of a unit's round.
package struct ItemDisclosure: Sendable, Hashable {
    package var item: ObligationItem
    package var status: DisclosureStatus
    /// The period this round asks for ("2026-2027", "2025"); nil for standing and recurring items.
    package var period: String?
    /// Nil for weekly and monthly items, whose deadlines are their own.
    package var deadline: CalendarDay?
    /// The documents that disclose it (indexes into the site's documents), the one that counts
    /// first. A weekly or monthly item lists its latest document only.
    package var documents: [Int]
    /// The document its status was decided by (the one late, for `late`).
    package var deciding: Int?
    /// Days after the deadline (or after a change's last working day) it was published.
    package var daysLate: Int?
    /// A change (a document that `replaces:` another) counted late by its working days.
    package var lateChange: Bool
    /// Why it does not apply.
    package var reason: String?

    /// Counted in the round's totals: weekly and monthly items and those that do not apply are not.
    package var isCounted: Bool { !item.period.isRecurring && status != .notApplicable }
}

/// A unit's items in one round: round Y has its deadline on 30 June of Y.
package struct RoundChecklist: Sendable, Hashable {
    package var year: Int
    package var deadline: CalendarDay
    package var items: [ItemDisclosure]

    package var counted: [ItemDisclosure] { items.filter(\.isCounted) }
    package func count(_ status: DisclosureStatus) -> Int { counted.filter { $0.status == status }.count }
    package var disclosedCount: Int { counted.filter { $0.status.isDisclosed }.count }
}

/// A unit that has items to disclose, and its checklist for every round the portal holds.
package struct UnitCompliance: Sendable, Hashable {
    /// Index into `SiteModel.units`.
    package var unit: Int
    /// Oldest first, one per round of the portal.
    package var rounds: [RoundChecklist]

    package func round(_ year: Int) -> RoundChecklist? { rounds.first { $0.year == year } }
}
