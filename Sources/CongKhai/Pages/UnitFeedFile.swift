import Foundation
import VietText

/// A unit's Atom feed: not a page, but keyed and reused like one.
struct UnitFeedFile: PageKind {
    let index: Int

    var isPage: Bool { false }

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [UnitFeedFile] {
        site.units.indices.map(UnitFeedFile.init)
    }

    func path(_ site: SiteModel) -> String { Discovery.unitFeedPath(site.units[index]) }

    func render(_ page: PageRendering) -> Data { Data(page.feeds.unitFeed(index).utf8) }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("unit-feed")
        guard hasher.addUnit(index, documents: hasher.site.units[index].documents.prefix(Discovery.feedSize)) else {
            return false
        }
        return true
    }
}
