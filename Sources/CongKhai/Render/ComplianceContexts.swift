import VietText

/// The contexts of the TT 09 pages: a unit's checklist for a round, the progress table of a
/// round, and the summary a unit page opens with. docs/templates.md lists the names.
extension PageContexts {
    /// "30/06/2026".
    static func dayText(_ day: CalendarDay) -> String { day.date.vietnameseShort }

    /// "Đã công khai 12/14 mục của đợt công khai năm 2026, hạn 30/06/2026": a fact about this
    /// portal, never a judgement of the school.
    static func summaryText(_ round: RoundChecklist) -> String {
        "Đã công khai \(round.disclosedCount)/\(round.counted.count) mục của đợt công khai năm \(round.year), hạn \(dayText(round.deadline))"
    }

    /// The round links of a unit or of the progress pages, newest first; `current` marked.
    func roundLinks(current: Int?, url: (Int) -> String) -> [[String: Any]] {
        let catalogue = site.settings.obligations
        // A round runs from the day after the previous round's deadline to its own.
        return site.rounds.reversed().map { year in
            [
                "year": year, "url": url(year), "current": year == current,
                "deadline_iso": catalogue.deadline(ofRound: year).date.iso,
                "start_iso": catalogue.deadline(ofRound: year - 1).adding(days: 1).date.iso
            ]
        }
    }

    /// What the unit page shows of its newest round, or nil for a unit without items.
    func complianceSummary(unitIndex: Int) -> [String: Any]? {
        guard let compliance = complianceByUnit[unitIndex].map({ site.compliance[$0] }) else { return nil }
        let unitID = site.units[unitIndex].unit.id
        let obligations = site.settings.obligations
        var summary: [String: Any] = [
            "first_deadline": Self.dayText(obligations.deadline(ofRound: obligations.firstRound)),
            "circular": obligations.circular
        ]
        if let newest = compliance.rounds.last {
            summary["has_round"] = true
            summary["text"] = Self.summaryText(newest)
            summary["url"] = URLScheme.checklist(unitID, round: newest.year)
            summary["year"] = newest.year
            summary["counts"] = counts(newest)
            summary["rounds"] = roundLinks(current: newest.year) { URLScheme.checklist(unitID, round: $0) }
        }
        return summary
    }

}
