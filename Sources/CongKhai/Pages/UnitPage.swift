import Foundation
import VietText

/// A school or office: its details, its TT 09 summary and its documents by school year.
struct UnitPage: PageKind {
    let index: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [UnitPage] {
        site.units.indices.map(UnitPage.init)
    }

    func path(_ site: SiteModel) -> String { site.units[index].url }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.unit(index), template: "unit") }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("unit")
        guard hasher.addUnit(index, documents: hasher.site.units[index].documents) else { return false }
        // Its TT 09 summary links every round of the portal, which other units' documents make.
        hasher.add(hasher.site.rounds.map(String.init))
        return true
    }
}

extension PageContexts {
    func unit(_ index: Int) -> [String: Any] {
        let entry = site.units[index]
        let unit = entry.unit
        var context = base(
            path: entry.url, title: unit.name, description: "Văn bản công khai của \(unit.name)", section: .units,
            breadcrumbs: [("Trang chủ", URLScheme.home), ("Đơn vị", URLScheme.units)])
        var details: [String: Any] = [
            "name": unit.name, "kind_name": site.settings.catalogue.unitKind(unit.kind)?.name ?? unit.kind,
            "count": entry.documents.count
        ]
        for (key, value) in [
            ("governing_body", unit.governingBody), ("district", unit.district), ("province", unit.province),
            ("address", unit.address), ("phone", unit.phone), ("email", unit.email), ("website", unit.website)
        ] {
            if let value { details[key] = value }
        }
        if let phone = unit.phone { details["phone_link"] = String(phone.filter { $0.isNumber || $0 == "+" }) }
        // Linked only as a web address: a `javascript:` value stays text.
        if let website = unit.website,
            website.lowercased().hasPrefix("https://") || website.lowercased().hasPrefix("http://")
        {
            details["website_url"] = website
        }
        context["unit"] = details
        if let summary = complianceSummary(unitIndex: index) {
            context["compliance"] = summary
        }
        // By school year (newest first), then by kind in the catalogue's order.
        var byYear: [String: [Int]] = [:]
        for index in entry.documents { byYear[site.documents[index].source.schoolYear, default: []].append(index) }
        context["years"] = byYear.keys.sorted(by: >).map { year -> [String: Any] in
            let documents = byYear[year]!
            let kinds = site.settings.catalogue.documentKinds.compactMap { kind -> [String: Any]? in
                let matching = documents.filter { site.documents[$0].source.kind == kind.slug }
                return matching.isEmpty
                    ? nil
                    : [
                        "title": kind.name,
                        "table": table(matching, caption: "\(kind.name) năm học \(year)", path: entry.url)
                    ]
            }
            return ["id": year, "title": SchoolYear.label(year), "kinds": kinds]
        }
        return context
    }
}
