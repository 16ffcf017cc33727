import Foundation
import VietText

/// A file of the sitemap: the index, or one part of at most `sitemapLimit` addresses.
struct SitemapFile: PageKind {
    static let keyReadsEverything = true
    let file: Discovery.SitemapFile

    var isPage: Bool { false }

    static func pages(_ site: SiteModel, _ contexts: PageContexts, sitemapLimit: Int) -> [SitemapFile] {
        Discovery.sitemapFiles(site, limit: sitemapLimit).map(SitemapFile.init)
    }

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [SitemapFile] {
        pages(site, contexts, sitemapLimit: Discovery.sitemapLimit)
    }

    func path(_ site: SiteModel) -> String { file.path }

    func render(_ page: PageRendering) -> Data {
        Data(page.feeds.sitemap(file, locations: page.sitemapLocations.value, limit: page.sitemapLimit).utf8)
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("sitemap")
        hasher.add(file.path)
        if case .index(let parts) = file {
            hasher.add(parts)
        } else {
            // The pages' paths and dates, and the address they are under.
            hasher.add(hasher.site.settings.baseURL)
            let pages = hasher.sitemapPages.value
            let range = file.range(of: pages.count, limit: hasher.sitemapLimit)
            hasher.add(range.count)
            for page in pages[range] {
                hasher.add(page.path)
                hasher.add(page.issued)
            }
        }
        return true
    }
}
