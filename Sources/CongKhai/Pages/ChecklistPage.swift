import Foundation
import VietText

/// A unit's TT 09 checklist for a round (`index` into `site.compliance`).
struct ChecklistPage: PageKind {
    let index: Int
    let round: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [ChecklistPage] {
        site.compliance.indices.flatMap { index in
            site.compliance[index].rounds.map { ChecklistPage(index: index, round: $0.year) }
        }
    }

    func path(_ site: SiteModel) -> String {
        URLScheme.checklist(site.units[site.compliance[index].unit].unit.id, round: round)
    }

    func render(_ page: PageRendering) -> Data {
        // Pages are made from the unit's rounds: the round is there.
        let compliance = page.site.compliance[index]
        let checklist = compliance.round(round) ?? compliance.rounds[0]
        return page.render(page.contexts.checklist(compliance, round: checklist), template: "checklist")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        let year = round
        // What a checklist shows comes from its unit's documents and unit.yaml, the catalogue
        // (global key) and the portal's rounds.
        let unit = hasher.site.compliance[index].unit
        hasher.add("checklist")
        hasher.add(String(year))
        hasher.add(hasher.site.rounds.map(String.init))
        guard hasher.addUnit(unit, documents: hasher.site.units[unit].documents) else { return false }
        return true
    }
}

extension PageContexts {
    func counts(_ round: RoundChecklist) -> [[String: Any]] {
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
}
