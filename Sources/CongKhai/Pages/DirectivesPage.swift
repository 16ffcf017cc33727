import Citations
import Foundation
import VietText

/// The index of every cited text, by issuing level, with its filter.
struct DirectivesPage: PageKind {
    static let keyReadsEverything = true
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [DirectivesPage] { [DirectivesPage()] }

    func path(_ site: SiteModel) -> String { URLScheme.directives }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.directives(), template: "directives") }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("directives")
        hasher.add(hasher.site.directives.count)
        // Read in place: a Directive copied per iteration retains its dozen fields.
        for index in hasher.site.directives.indices {
            hasher.add(hasher.directiveShown[index])
            hasher.add(hasher.site.directives[index].citedBy.count)
            // The units citing it (by their place: numbers hash faster than names, on every
            // rebuild); a text without its subject is shown by its first citing sentence.
            for entry in hasher.site.directives[index].citedBy { hasher.add(hasher.documentUnits[entry.document]) }
            if (hasher.site.directives[index].subject ?? "").isEmpty,
                let first = hasher.site.directives[index].citedBy.first
            {
                hasher.add(hasher.site.documents[first.document].rendered.citationSummary.sentencesKey)
                hasher.add(first.position)
            }
        }
        // The filter lists the citing units by name, and rows name them by their place.
        for unit in hasher.site.units { hasher.add([unit.unit.id, unit.unit.name]) }
        return true
    }
}

extension PageContexts {
    func directives() -> [String: Any] {
        var context = base(
            path: URLScheme.directives, title: "Văn bản căn cứ", section: .directives,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
        // Which units cite each directive, by their place in the portal's (Vietnamese) order:
        // the page narrows its list by unit and by level (assets/directives.js).
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        var citing = Set<Int>()
        context["levels"] = IssuingLevel.allCases.compactMap { level -> [String: Any]? in
            let items = site.directives.filter { $0.level == level }
            guard !items.isEmpty else { return nil }
            return [
                "id": level.rawValue, "title": level.name,
                "directives": items.map { directive -> [String: Any] in
                    let units = Set(
                        directive.citedBy.compactMap { unitIndex[site.documents[$0.document].source.unitID] }
                    ).sorted()
                    citing.formUnion(units)
                    var row: [String: Any] = [
                        "title": directive.title, "url": directive.url, "subject": directive.subject ?? "",
                        "count": directive.citedBy.count, "unit_ids": units.map(String.init).joined(separator: " "),
                        "citing_units": Self.namesInShort(units.map { site.units[$0].unit.name })
                    ]
                    // Without its subject, a directive is shown by the words that cite it.
                    if (directive.subject ?? "").isEmpty, let first = directive.citedBy.first {
                        let citations = site.documents[first.document].rendered.citations
                        if citations.indices.contains(first.position), !citations[first.position].sentence.isEmpty {
                            row["sentence"] = citations[first.position].sentence
                        }
                    }
                    return row
                }
            ]
        }
        context["units"] = citing.sorted().map { ["index": $0, "name": site.units[$0].unit.name] as [String: Any] }
        context["levels_filter"] = IssuingLevel.allCases.filter { level in
            site.directives.contains { $0.level == level }
        }
        .map { ["id": $0.rawValue, "title": $0.name] }
        return context
    }
}
