import Foundation
import VietText

/// One page of a listing (a category, a school year, a kind). Every TT 09/2024 section gets
/// its page, an empty one saying so.
struct ListingPage: PageKind {
    let index: Int
    let page: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [ListingPage] {
        site.listings.indices.flatMap { index in
            (1...site.listings[index].pageCount).map { ListingPage(index: index, page: $0) }
        }
    }

    func path(_ site: SiteModel) -> String { URLScheme.listing(site.listings[index].kind, page: page) }

    func render(_ page: PageRendering) -> Data {
        page.render(page.contexts.listing(page.site.listings[index], page: self.page), template: "listing")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        let listing = hasher.site.listings[index]
        hasher.add("listing")
        hasher.add(URLScheme.listing(listing.kind, page: page))
        hasher.add(listing.title)
        hasher.add(listing.documents.count)
        hasher.add(listing.pageCount)
        guard hasher.addDocuments(listing.documents.dropFirst((page - 1) * hasher.pageSize).prefix(hasher.pageSize))
        else { return false }
        return true
    }
}

extension PageContexts {
    func listing(_ listing: Listing, page: Int) -> [String: Any] {
        let path = URLScheme.listing(listing.kind, page: page)
        let title = page > 1 ? "\(listing.title) (trang \(page))" : listing.title
        var context = base(
            path: path, title: title, section: .listings,
            breadcrumbs: [("Trang chủ", URLScheme.home), ("Công khai", URLScheme.listings)])
        let size = site.settings.pageSize
        let slice = Array(listing.documents.dropFirst((page - 1) * size).prefix(size))
        context["total"] = listing.documents.count
        context["has_documents"] = !listing.documents.isEmpty
        context["table"] = table(slice, caption: title, path: path)
        context["pagination"] = pagination(current: page, count: listing.pageCount) {
            URLScheme.listing(listing.kind, page: $0)
        }
        return context
    }
}
