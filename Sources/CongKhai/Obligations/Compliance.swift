/// Where an item stands in a round, as this portal shows it: facts about what the portal holds,
/// never a judgement of the school.
public enum DisclosureStatus: String, Sendable, Hashable, CaseIterable {
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
    public var label: String {
        switch self {
        case .onTime: return "Đã công khai"
        case .late: return "Công khai muộn"
        case .undated: return "Chưa ghi ngày công khai"
        case .notPublished: return "Chưa có trên cổng này"
        case .notApplicable: return "Không áp dụng"
        }
    }

    /// Published in some form: on time, late or undated.
    public var isDisclosed: Bool { self == .onTime || self == .late || self == .undated }
}

/// One item of a unit's round.
public struct ItemDisclosure: Sendable, Hashable {
    public var item: ObligationItem
    public var status: DisclosureStatus
    /// The period this round asks for ("2026-2027", "2025"); nil for standing and recurring items.
    public var period: String?
    /// Nil for weekly and monthly items, whose deadlines are their own.
    public var deadline: CalendarDay?
    /// The documents that disclose it (indexes into the site's documents), the one that counts
    /// first. A weekly or monthly item lists its latest document only.
    public var documents: [Int]
    /// The document its status was decided by (the one late, for `late`).
    public var deciding: Int?
    /// Days after the deadline (or after a change's last working day) it was published.
    public var daysLate: Int?
    /// A change (a document that `replaces:` another) counted late by its working days.
    public var lateChange: Bool
    /// Why it does not apply.
    public var reason: String?

    /// Counted in the round's totals: weekly and monthly items and those that do not apply are not.
    public var isCounted: Bool { !item.period.isRecurring && status != .notApplicable }
}

/// A unit's items in one round: round Y has its deadline on 30 June of Y.
public struct RoundChecklist: Sendable, Hashable {
    public var year: Int
    public var deadline: CalendarDay
    public var items: [ItemDisclosure]

    public var counted: [ItemDisclosure] { items.filter(\.isCounted) }
    public func count(_ status: DisclosureStatus) -> Int { counted.filter { $0.status == status }.count }
    public var disclosedCount: Int { counted.filter { $0.status.isDisclosed }.count }
}

/// A unit that has items to disclose, and its checklist for every round the portal holds.
public struct UnitCompliance: Sendable, Hashable {
    /// Index into `SiteModel.units`.
    public var unit: Int
    /// Oldest first, one per round of the portal.
    public var rounds: [RoundChecklist]

    public func round(_ year: Int) -> RoundChecklist? { rounds.first { $0.year == year } }
}
