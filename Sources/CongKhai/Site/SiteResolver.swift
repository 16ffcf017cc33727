import VietText

/// Stage 3: builds the site model once from the loaded portal and the parsed bodies.
package enum SiteResolver {
    package static func resolve(portal: LoadedPortal, rendered: [RenderedMarkdown]) -> SiteModel {
        resolve(portal: portal, rendered: rendered, reusing: nil).site
    }

    /// The same, taking the directive index of an earlier build when it was made from the same
    /// citations; returns the index too, for the next build.
    static func resolve(
        portal: LoadedPortal, rendered: [RenderedMarkdown],
        reusing previousIndex: DirectiveIndex.Built?
    ) -> (site: SiteModel, index: DirectiveIndex.Built) {
        let settings = portal.settings
        // Newest first: by date issued (a document without one comes after the dated ones of
        // its school year), then Vietnamese title order, then id: never the disk's order.
        // Sort keys made on all cores: a Vietnamese title's key is the costly part.
        // A date as one number, year then month then day: ordered as they are.
        let sortKeys = ParallelMap.map(Array(portal.documents.indices)) {
            index -> (date: Int, title: VietnameseSortKey, id: String) in
            let document = portal.documents[index]
            let date =
                document.issued.map { ($0.year * 100 + $0.month) * 100 + ($0.day ?? 0) }
                ?? ((Int(document.schoolYear.prefix(4)) ?? 0) * 100 + 9) * 100
            return (date, VietnameseSortKey(document.title), document.id)
        }
        // The units are put in order on another core meanwhile.
        let (order, sortedUnits) = ParallelMap.both(
            {
                portal.documents.indices.sorted { lhs, rhs in
                    if sortKeys[lhs].date != sortKeys[rhs].date { return sortKeys[lhs].date > sortKeys[rhs].date }
                    if sortKeys[lhs].title < sortKeys[rhs].title { return true }
                    if sortKeys[rhs].title < sortKeys[lhs].title { return false }
                    return sortKeys[lhs].id < sortKeys[rhs].id
                }
            }, { portal.units.sortedVietnamese(by: \.name) })
        let sources = order.map { portal.documents[$0] }
        let bodies = order.map { rendered[$0] }

        let itemGroups = settings.obligations.groupOfItem
        let unitsByID = Dictionary(uniqueKeysWithValues: portal.units.map { ($0.id, $0) })
        let built = DirectiveIndex.build(
            bodies, unitIDs: sources.map(\.unitID), units: unitsByID, reusing: previousIndex)
        let places = built.directiveOfCitation
        let directives = built.directives

        // Each document's distinct directives, basis first, on all cores; its citations need not be read.
        let documents = ParallelMap.map(Array(sources.indices)) { index -> SiteDocument in
            let relations = bodies[index].citationSummary.relations
            let keys = places[index].map { directives[Int($0)].key }
            var basis: [String] = []
            var references: [String] = []
            // Bounded by both: a damaged cache read back could make them differ.
            for position in 0..<min(relations.count, keys.count)
            where relations[position] == .basis && !basis.contains(keys[position]) {
                basis.append(keys[position])
            }
            for key in keys where !basis.contains(key) && !references.contains(key) { references.append(key) }
            var groups: [String] = []
            for category in sources[index].categories {
                let group = itemGroups[category] ?? category
                if !groups.contains(group) { groups.append(group) }
            }
            return SiteDocument(
                source: sources[index], url: URLScheme.document(sources[index]), rendered: bodies[index],
                directiveKeys: keys, directivePlaces: places[index], categoryGroups: groups,
                basis: basis, references: references)
        }

        var unitDocuments: [String: [Int]] = [:]
        var byYear: [String: [Int]] = [:]
        var byCategory: [String: [Int]] = [:]
        var byKind: [String: [Int]] = [:]
        for (index, source) in sources.enumerated() {
            unitDocuments[source.unitID, default: []].append(index)
            byYear[source.schoolYear, default: []].append(index)
            byKind[source.kind, default: []].append(index)
            for category in documents[index].categoryGroups { byCategory[category, default: []].append(index) }
        }
        let units = sortedUnits.map {
            SiteUnit(unit: $0, url: URLScheme.unit($0.id), documents: unitDocuments[$0.id] ?? [])
        }
        let schoolYears = byYear.keys.sorted(by: >)
        let pageCount = { (count: Int) in max(1, (count + settings.pageSize - 1) / settings.pageSize) }
        var listings: [Listing] = []
        for year in schoolYears {
            let items = byYear[year]!
            listings.append(
                Listing(
                    kind: .schoolYear(year), title: SchoolYear.label(year), documents: items,
                    pageCount: pageCount(items.count)))
        }
        for category in settings.catalogue.categories {
            let items = byCategory[category.slug] ?? []
            listings.append(
                Listing(
                    kind: .category(category.slug), title: category.name, documents: items,
                    pageCount: pageCount(items.count)))
        }
        for kind in settings.catalogue.documentKinds {
            guard let items = byKind[kind.slug] else { continue }
            listings.append(
                Listing(kind: .kind(kind.slug), title: kind.name, documents: items, pageCount: pageCount(items.count)))
        }
        // The checks of the bodies here, the TT 09 checklists on another core.
        let (diagnostics, compliance) = ParallelMap.both(
            { BodyChecks.diagnostics(documents: documents, notes: built.notes) },
            { ComplianceResolver.resolve(units: units, documents: documents, catalogue: settings.obligations) })
        var site = SiteModel(
            settings: settings, units: units, documents: documents, directives: built.directives, listings: listings,
            pages: portal.pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, schoolYears: schoolYears,
            archives: portal.archives, diagnostics: diagnostics)
        (site.rounds, site.compliance) = (compliance.rounds, compliance.units)
        return (site, built)
    }
}
