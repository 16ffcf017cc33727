import VietText

/// Works out, for every unit with items to disclose, where each item stands in each round the
/// portal holds: which documents disclose it, and whether they were published by the deadline.
/// Deadlines are compared with `published:` dates only: the build reads no clock.
enum ComplianceResolver {
    struct Result: Sendable {
        /// Every round the portal holds documents for, oldest first.
        var rounds: [Int]
        var units: [UnitCompliance]
    }

    /// `asOf`: the state of that day, documents published later left out (`congkhai check --as-of`).
    static func resolve(
        units: [SiteUnit], documents: [SiteDocument], catalogue: ObligationCatalogue, asOf: CalendarDay? = nil
    ) -> Result {
        // As of a day, a document published (or, undated, issued) after it is not there yet: it
        // neither discloses nor replaces.
        let present = { (index: Int) -> Bool in
            guard let asOf,
                let day = (documents[index].source.published ?? documents[index].source.issued).flatMap(
                    CalendarDay.init)
            else { return true }
            return day <= asOf
        }
        let (replacedBy, replaces) = links(documents, keeping: present)
        // Per unit with items: item slug → the unit's documents naming it (drafts never count).
        var disclosing: [Int: [String: [Int]]] = [:]
        var latestRound = Int.min
        var earliestRound = Int.max
        for (unitIndex, unit) in units.enumerated() {
            let items = catalogue.items(forUnitKind: unit.unit.kind)
            guard !items.isEmpty else { continue }
            let bySlug = Dictionary(items.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            var found: [String: [Int]] = [:]
            for index in unit.documents {
                let source = documents[index].source
                if !present(index) { continue }
                for slug in source.categories {
                    guard let item = bySlug[slug] else { continue }
                    // A draft (built with --drafts) shows its round, but never counts as published.
                    if !source.draft { found[slug, default: []].append(index) }
                    if let round = round(of: source, for: item) {
                        latestRound = max(latestRound, round)
                        earliestRound = min(earliestRound, round)
                    }
                }
            }
            disclosing[unitIndex] = found
        }
        // As of a day, the last round whose deadline has passed is due, documents or not.
        if let asOf, !disclosing.isEmpty {
            let due = catalogue.lastRoundDue(before: asOf)
            if due >= catalogue.firstRound {
                latestRound = max(latestRound, due)
                earliestRound = min(earliestRound, due)
            }
        }
        // From the first round the portal holds a document for (none before the catalogue's
        // first) to the last: a portal started in 2026 is not shown missing all of 2025.
        let rounds =
            latestRound >= catalogue.firstRound ? Array(max(catalogue.firstRound, earliestRound)...latestRound) : []
        var result: [UnitCompliance] = []
        for (unitIndex, unit) in units.enumerated() {
            guard let found = disclosing[unitIndex] else { continue }
            let items = catalogue.items(forUnitKind: unit.unit.kind)
            let checklists = rounds.map { year in
                let disclosures = items.map { item in
                    disclosure(
                        of: item, round: year, unit: unit.unit, candidates: found[item.slug] ?? [],
                        documents: documents,
                        replacedBy: replacedBy, replaces: replaces, catalogue: catalogue)
                }
                return RoundChecklist(year: year, deadline: catalogue.deadline(ofRound: year), items: disclosures)
            }
            result.append(UnitCompliance(unit: unitIndex, rounds: checklists))
        }
        return Result(rounds: rounds, units: result)
    }

    /// The round a document counts in for an item. A periodic item's round holds its period
    /// (`period:`, else the folder's school year; a year's report, without `period:`, counts in
    /// the round of the year it was issued, as it is made after the year it covers). A standing,
    /// weekly or monthly item's document belongs to the first round it can satisfy: the one whose
    /// deadline is on or after its publication (or issue) date.
    static func round(of document: SourceDocument, for item: ObligationItem) -> Int? {
        let dated: Int? =
            (document.published ?? document.issued).map { date in
                let afterDeadline = (date.month, date.day ?? 1) > (item.deadlineMonth, item.deadlineDay)
                return date.year + (afterDeadline ? 1 : 0)
            } ?? Int(document.schoolYear.suffix(4))
        switch item.period {
        case .schoolYear:
            return item.round(ofPeriod: document.period ?? document.schoolYear)
        case .fiscalYear, .calendarYear:
            if let period = document.period { return item.round(ofPeriod: period) }
            return document.issued?.year ?? (document.published?.year ?? Int(document.schoolYear.suffix(4)))
        case .standing, .month, .week:
            return dated
        }
    }

    /// Both ways, among the documents `keeping` keeps: document → the one replacing it, and
    /// document → the one it replaces. `replaces:` names the replaced document by its id
    /// (unit/school-year/slug) or, within its unit, by its number.
    static func links(_ documents: [SiteDocument], keeping: (Int) -> Bool) -> (
        replacedBy: [Int: Int], replaces: [Int: Int]
    ) {
        // Few documents replace another (none, often): the addresses and numbers of all are
        // gathered only for them. By index: a document given to a closure is copied whole.
        let replacing = documents.indices.filter { index in
            documents[index].source.replaces != nil && !documents[index].source.draft && keeping(index)
        }
        guard !replacing.isEmpty else { return ([:], [:]) }
        var byID: [String: Int] = [:]
        var byNumber: [String: Int] = [:]
        for index in documents.indices where !documents[index].source.draft && keeping(index) {
            let source = documents[index].source
            byID[source.id] = index
            if let number = source.number {
                byNumber[source.unitID + "|" + DocumentNumber.symbolKey(number)] = index
            }
        }
        var replacedBy: [Int: Int] = [:]
        var replaces: [Int: Int] = [:]
        for index in replacing {
            let document = documents[index]
            guard let target = document.source.replaces else { continue }
            // Within its own unit: a school's notice replaces none of another's.
            let sameUnit = byID[target].flatMap { documents[$0].source.unitID == document.source.unitID ? $0 : nil }
            let found =
                sameUnit
                ?? byNumber[document.source.unitID + "|" + DocumentNumber.symbolKey(DocumentNumber.tidy(target))]
            if let found, found != index {
                replacedBy[found] = index
                replaces[index] = found
            }
        }
        return (replacedBy, replaces)
    }

    private static func disclosure(
        of item: ObligationItem, round year: Int, unit: PortalUnit, candidates: [Int], documents: [SiteDocument],
        replacedBy: [Int: Int], replaces: [Int: Int], catalogue: ObligationCatalogue
    ) -> ItemDisclosure {
        var disclosure = ItemDisclosure(
            item: item, status: .notPublished, period: item.period(ofRound: year), deadline: nil,
            documents: [], deciding: nil, daysLate: nil, lateChange: false, reason: nil)
        if let reason = unit.notApplicable[item.slug] {
            disclosure.status = .notApplicable
            disclosure.reason = reason
            return disclosure
        }
        let published = { (index: Int) in documents[index].source.published.flatMap(CalendarDay.init) }
        // Replacement counts between documents of this item (and, for a periodic item, of this
        // round): next year's plan replacing this year's takes nothing from this year's round.
        let periodic = item.period != .standing && !item.period.isRecurring
        let relevant = Set(
            periodic ? candidates.filter { round(of: documents[$0].source, for: item) == year } : candidates)
        let successor = { (index: Int) in replacedBy[index].flatMap { relevant.contains($0) ? $0 : nil } }
        let predecessor = { (index: Int) in replaces[index].flatMap { relevant.contains($0) ? $0 : nil } }
        // A replaced document no longer discloses its item.
        let current = relevant.filter { successor($0) == nil }.sorted()
        if item.period.isRecurring {
            // Shown with the latest document of the round or before; its own deadlines are week
            // by week, not checked.
            let shown = current.filter { (round(of: documents[$0].source, for: item) ?? .min) <= year }
            let latest = shown.max {
                (published($0) ?? .init(number: .min), $1) < (published($1) ?? .init(number: .min), $0)
            }
            if let latest {
                disclosure.documents = [latest]
                disclosure.status = published(latest) == nil ? .undated : .onTime
            }
            return disclosure
        }
        let deadline = item.deadline(ofRound: year)
        disclosure.deadline = deadline
        let inRound: [Int]
        if item.period == .standing {
            // Standing information is satisfied, from its publication on, by the latest document
            // that no later one replaces; as of a past round's deadline, by what stood then.
            let asOfDeadline = relevant.sorted().filter { index in
                guard let day = published(index), day <= deadline else { return false }
                guard let next = successor(index), let replacedOn = published(next) else { return true }
                return replacedOn > deadline
            }
            inRound = asOfDeadline.isEmpty ? current : asOfDeadline
        } else {
            inRound = current
        }
        guard !inRound.isEmpty else { return disclosure }
        // The documents that count first: the latest published, then the undated ones.
        let ordered = inRound.sorted { lhs, rhs in
            switch (published(lhs), published(rhs)) {
            case (let left?, let right?): return left != right ? left > right : lhs < rhs
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs < rhs
            }
        }
        disclosure.documents = ordered
        let dated = ordered.compactMap { index in published(index).map { (index, $0) } }
        // A change of a document that was published by the deadline is timely within its working
        // days, before the deadline or after it.
        let changesTimely = dated.first { index, _ in
            var earlier = predecessor(index)
            var seen = Set<Int>()
            while let previous = earlier, seen.insert(previous).inserted {
                if let day = published(previous), day <= deadline { return true }
                earlier = predecessor(previous)
            }
            return false
        }
        if let counting = dated.first(where: { $0.1 <= deadline }) ?? changesTimely {
            disclosure.deciding = counting.0
            // A change (of a document of this item) published more than its working days after
            // the document recording it was issued.
            if predecessor(counting.0) != nil,
                let limit = changeLimit(counting.0, documents: documents, catalogue: catalogue), counting.1 > limit
            {
                disclosure.status = .late
                disclosure.daysLate = counting.1.number - limit.number
                disclosure.lateChange = true
            } else {
                disclosure.status = .onTime
            }
        } else if ordered.contains(where: { published($0) == nil }) {
            disclosure.status = .undated
        } else if let first = dated.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            disclosure.status = .late
            disclosure.deciding = first.0
            disclosure.daysLate = first.1.number - deadline.number
        }
        return disclosure
    }

    /// The last day a change may be published: `change_working_days` working days after the
    /// `issued` date of the document that records it (one that `replaces:` another).
    static func changeLimit(_ index: Int, documents: [SiteDocument], catalogue: ObligationCatalogue) -> CalendarDay? {
        let source = documents[index].source
        guard source.replaces != nil, let issued = source.issued.flatMap(CalendarDay.init) else { return nil }
        return issued.adding(workingDays: catalogue.changeWorkingDays, holidays: catalogue.holidays)
    }
}
