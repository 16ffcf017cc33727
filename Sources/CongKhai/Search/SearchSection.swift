/// A section of the TT 09 listings a parent may mean by a query ("hoc phi", "thu chi"): the
/// search page offers it before the results, saying "chưa có văn bản" when it is empty. A query
/// names it when its words, folded, stand together in the section's name or in the name of one
/// of its items (assets/search.js).
struct SearchSection: Encodable {
    var name: String
    /// Its listing; empty when no document is in it (no listing is written).
    var url: String
    var count: Int
    /// The folded names a query is looked up in: the section's and its items'.
    var phrases: [String]

    /// Every category that groups TT 09 items, in the catalogue's order.
    static func all(_ site: SiteModel) -> [SearchSection] {
        let lists = site.settings.obligations.lists
        // As many as its listing shows: the same count, and no link where there is no listing.
        var counts: [String: Int] = [:]
        for listing in site.listings {
            if case .category(let slug) = listing.kind { counts[slug] = listing.documents.count }
        }
        return site.settings.catalogue.categories.compactMap { category in
            let items = lists.flatMap(\.items).filter { $0.group == category.slug }
            guard !items.isEmpty else { return nil }
            var phrases: [String] = []
            for name in [category.name] + items.map(\.name) {
                let phrase = SearchTerms.tokens(name).joined(separator: " ")
                if !phrases.contains(phrase) { phrases.append(phrase) }
            }
            let count = counts[category.slug] ?? 0
            return SearchSection(
                name: category.name, url: count > 0 ? URLScheme.listing(.category(category.slug)) : "", count: count,
                phrases: phrases)
        }
    }
}
