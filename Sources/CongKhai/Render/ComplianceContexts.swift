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

    private func counts(_ round: RoundChecklist) -> [[String: Any]] {
        DisclosureStatus.allCases.compactMap { status -> [String: Any]? in
            let count =
                status == .notApplicable
                ? round.items.filter { $0.status == .notApplicable }.count : round.count(status)
            return count == 0 ? nil : ["status": status.rawValue, "label": status.label, "count": count]
        }
    }

    func checklist(_ compliance: UnitCompliance, round: RoundChecklist) -> [String: Any] {
        let entry = site.units[compliance.unit]
        let unit = entry.unit
        let path = URLScheme.checklist(unit.id, round: round.year)
        let catalogue = site.settings.catalogue
        let title = "Công khai năm \(round.year) – \(unit.name)"
        var context = base(
            path: path, title: title, description: Self.summaryText(round) + " (\(unit.name))", section: .units,
            breadcrumbs: [("Trang chủ", URLScheme.home), ("Đơn vị", URLScheme.units), (unit.name, entry.url)])
        context["unit"] = [
            "name": unit.name, "url": entry.url, "kind_name": catalogue.unitKind(unit.kind)?.name ?? unit.kind
        ]
        context["round"] = [
            "year": round.year, "deadline": Self.dayText(round.deadline), "deadline_iso": round.deadline.date.iso,
            "summary": Self.summaryText(round), "counted": round.counted.count, "disclosed": round.disclosedCount
        ]
        context["counts"] = counts(round)
        context["circular"] = site.settings.obligations.circular
        context["rounds"] = roundLinks(current: round.year) { URLScheme.checklist(unit.id, round: $0) }
        context["progress_url"] = URLScheme.progress(round: round.year)
        let groups = catalogue.categories.compactMap { group -> [String: Any]? in
            let items = round.items.filter { $0.item.group == group.slug }
            guard !items.isEmpty else { return nil }
            return [
                "slug": group.slug, "title": group.name, "url": URLScheme.listing(.category(group.slug)),
                "items": items.map { itemRow($0, round: round) }
            ]
        }
        context["groups"] = groups
        context["has_recurring"] = round.items.contains { $0.item.period.isRecurring }
        if let year = site.archiveYear {
            context["archive_note"] =
                "Bản lưu trữ này chỉ gồm văn bản của năm học \(year). Đợt công khai năm \(round.year) còn gồm văn bản của năm học khác và thông tin thường xuyên, có thể đã công khai nhưng không nằm trong bản lưu trữ này; xem cổng đang hoạt động để biết đầy đủ."
        }
        return context
    }

    private func itemRow(_ disclosure: ItemDisclosure, round: RoundChecklist) -> [String: Any] {
        let item = disclosure.item
        var row: [String: Any] = [
            "slug": item.slug, "name": item.name, "article": item.article, "verified": item.verified,
            "status": disclosure.status.rawValue, "status_label": disclosure.status.label,
            "counted": disclosure.isCounted,
            "period_name": site.settings.obligations.periodNames[item.period] ?? item.period.rawValue,
            "is_missing": disclosure.status == .notPublished
        ]
        if let period = disclosure.period {
            row["period"] =
                item.period == .schoolYear
                ? SchoolYear.label(period) : (item.period == .fiscalYear ? "Năm tài chính \(period)" : "Năm \(period)")
        }
        if let deadline = disclosure.deadline {
            row["deadline"] = Self.dayText(deadline)
            row["deadline_iso"] = deadline.date.iso
        } else if let text = item.deadlineText {
            row["deadline_text"] = text
        }
        if let reference = item.reference { row["reference"] = reference }
        if let form = item.form { row["form"] = form }
        if let reason = disclosure.reason { row["reason"] = reason }
        if let days = disclosure.daysLate {
            row["late_text"] =
                disclosure.lateChange
                ? "muộn \(days) ngày so với hạn \(site.settings.obligations.changeWorkingDays) ngày làm việc kể từ ngày ban hành văn bản thay đổi"
                : "muộn \(days) ngày so với hạn"
        }
        row["documents"] = disclosure.documents.map { index -> [String: Any] in
            let source = site.documents[index].source
            var document: [String: Any] = ["title": source.title, "url": site.documents[index].url]
            if let number = source.number { document["number"] = number }
            if let published = source.published {
                document["published"] = published.vietnameseShort
                document["published_iso"] = published.iso
            } else {
                document["undated"] = true
            }
            return document
        }
        row["has_documents"] = !disclosure.documents.isEmpty
        return row
    }

    /// The progress table of a round: units down, TT 09 sections across.
    func progress(round year: Int) -> [String: Any] {
        let path = URLScheme.progress(round: year)
        let catalogue = site.settings.catalogue
        let title = "Tiến độ công khai năm \(year)"
        var context = base(
            path: path, title: title,
            description: "Tiến độ công khai theo \(site.settings.obligations.circular) của các đơn vị, đợt năm \(year)",
            section: .listings, breadcrumbs: [("Trang chủ", URLScheme.home), ("Công khai", URLScheme.listings)])
        let rounds = site.compliance.compactMap { compliance in compliance.round(year).map { (compliance, $0) } }
        // The sections any unit's list has, in the catalogue's order.
        let groups = catalogue.categories.filter { group in
            rounds.contains { $0.1.items.contains { $0.item.group == group.slug } }
        }
        let unitNames = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.name) })
        var totals = Array(repeating: (disclosed: 0, counted: 0), count: groups.count)
        var overall = (disclosed: 0, counted: 0)
        let rows = rounds.map { compliance, round -> [String: Any] in
            let unit = site.units[compliance.unit].unit
            let cells = groups.enumerated().map { position, group -> [String: Any] in
                let items = round.counted.filter { $0.item.group == group.slug }
                let disclosed = items.filter { $0.status.isDisclosed }.count
                totals[position].disclosed += disclosed
                totals[position].counted += items.count
                return cell(
                    items: items, disclosed: disclosed, url: URLScheme.checklist(unit.id, round: year),
                    anchor: group.slug)
            }
            overall.disclosed += round.disclosedCount
            overall.counted += round.counted.count
            var row: [String: Any] = [
                "name": unit.name, "url": URLScheme.checklist(unit.id, round: year), "kind": unit.kind,
                "kind_name": catalogue.unitKind(unit.kind)?.name ?? unit.kind, "cells": cells,
                "total": "\(round.disclosedCount)/\(round.counted.count)",
                "disclosed": round.disclosedCount, "counted": round.counted.count
            ]
            if let parent = unit.parent {
                row["parent"] = parent
                row["parent_name"] = unitNames[parent] ?? parent
            }
            return row
        }
        let deadline = site.settings.obligations.deadline(ofRound: year)
        context["round"] = ["year": year, "deadline": Self.dayText(deadline), "deadline_iso": deadline.date.iso]
        context["circular"] = site.settings.obligations.circular
        context["groups"] = groups.map { ["slug": $0.slug, "title": $0.name] }
        context["rows"] = rows
        context["has_rows"] = !rows.isEmpty
        context["totals"] = totals.map {
            ["text": "\($0.disclosed)/\($0.counted)", "disclosed": $0.disclosed, "counted": $0.counted]
        }
        context["total"] = "\(overall.disclosed)/\(overall.counted)"
        context["rounds"] = roundLinks(current: year) { URLScheme.progress(round: $0) }
        let kinds = Set(rows.compactMap { $0["kind"] as? String })
        context["kind_options"] = catalogue.unitKinds.filter { kinds.contains($0.slug) }.map {
            ["value": $0.slug, "title": $0.name]
        }
        let parents = Set(rows.compactMap { $0["parent"] as? String })
        context["parent_options"] = parents.sorted().map { ["value": $0, "title": unitNames[$0] ?? $0] }
        context["has_parents"] = !parents.isEmpty
        return context
    }

    /// A cell of the progress table: "3/4" and, in words, what is missing or late.
    private func cell(items: [ItemDisclosure], disclosed: Int, url: String, anchor: String) -> [String: Any] {
        guard !items.isEmpty else {
            return [
                "text": "–", "label": "không có mục", "status": "none", "url": url + "#" + anchor, "disclosed": 0,
                "counted": 0
            ]
        }
        let missing = items.count - disclosed
        let late = items.filter { $0.status == .late }.count
        let undated = items.filter { $0.status == .undated }.count
        var words: [String] = []
        if missing > 0 { words.append("thiếu \(missing)") }
        if late > 0 { words.append("muộn \(late)") }
        if undated > 0 { words.append("chưa ghi ngày \(undated)") }
        let status = missing > 0 ? "missing" : (late + undated > 0 ? "partial" : "complete")
        return [
            "text": "\(disclosed)/\(items.count)", "label": words.isEmpty ? "đủ" : words.joined(separator: ", "),
            "status": status, "url": url + "#" + anchor, "disclosed": disclosed, "counted": items.count
        ]
    }
}
