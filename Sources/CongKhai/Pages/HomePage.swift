import Foundation
import VietText

/// The home page: the newest documents, the units, the categories, the search box.
struct HomePage: PageKind {
    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [HomePage] { [HomePage()] }

    func path(_ site: SiteModel) -> String { URLScheme.home }

    func render(_ page: PageRendering) -> Data { page.render(page.contexts.home(), template: "home") }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("home")
        guard hasher.addDocuments(hasher.site.documents.indices.prefix(PageContexts.latestCount)), hasher.addUnits()
        else { return false }
        hasher.addListings { if case .kind = $0 { return false } else { return true } }
        return true
    }
}

extension PageContexts {
    /// The newest documents the home page shows.
    static let latestCount = 10

    func home() -> [String: Any] {
        var context = base(path: URLScheme.home, title: site.settings.title, section: .home)
        let latest = Array(site.documents.indices.prefix(Self.latestCount))
        context["has_latest"] = !latest.isEmpty
        context["latest_table"] = table(latest, caption: "Văn bản mới công khai", path: URLScheme.home)
        context["units"] = site.units.map {
            ["name": $0.unit.name, "url": $0.url, "count": $0.documents.count] as [String: Any]
        }
        context["school_years"] = listingLinks { if case .schoolYear = $0 { return true } else { return false } }
        context["categories"] = listingLinks { if case .category = $0 { return true } else { return false } }
        return context
    }
}
