import Foundation
import VietText

/// A round's progress table over every unit with TT 09 items.
struct ProgressPage: PageKind {
    let round: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [ProgressPage] {
        site.compliance.isEmpty ? [] : site.rounds.map(ProgressPage.init)
    }

    func path(_ site: SiteModel) -> String { URLScheme.progress(round: round) }

    func render(_ page: PageRendering) -> Data {
        page.render(page.contexts.progress(round: round), template: "progress")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        let year = round
        hasher.add("progress")
        hasher.add(String(year))
        hasher.add(hasher.site.rounds.map(String.init))
        hasher.add(hasher.site.compliance.count)
        for compliance in hasher.site.compliance {
            guard hasher.addUnit(compliance.unit, documents: hasher.site.units[compliance.unit].documents) else {
                return false
            }
        }
        // The parents' names, from their unit.yaml.
        guard hasher.addUnits() else { return false }
        return true
    }
}

extension PageContexts {
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
