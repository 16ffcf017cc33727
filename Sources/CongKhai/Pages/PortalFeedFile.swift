import Foundation
import VietText

/// The portal's Atom feed.
struct PortalFeedFile: PageKind {
    var isPage: Bool { false }

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [PortalFeedFile] { [PortalFeedFile()] }

    func path(_ site: SiteModel) -> String { Discovery.portalFeedPath }

    func render(_ page: PageRendering) -> Data { Data(page.feeds.portalFeed().utf8) }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("portal-feed")
        guard hasher.addDocuments(hasher.site.documents.indices.prefix(Discovery.feedSize)) else { return false }
        return true
    }
}
