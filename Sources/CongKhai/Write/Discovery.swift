import Foundation
import VietText

/// Feeds and discovery files: an Atom feed of the newest documents for the portal and one per
/// unit, robots.txt, and sitemap.xml (when `base_url` gives the absolute addresses sitemaps
/// need). Dates come from the documents, never the clock, so output stays deterministic. The
/// feeds are written with the pages (SiteWriter), keyed like them.
struct Discovery {
    let site: SiteModel
    let templates: TemplateLibrary
    static let feedSize = 50
    static let sitemapLimit = 50_000

    /// One file of the sitemap (sitemaps.org: at most 50,000 addresses a file): the whole of
    /// it, or one of its parts and the index of the parts. Each is a keyed job of the writer,
    /// made of the addresses it lists.
    enum SitemapFile: Sendable, Hashable {
        case whole
        case part(Int)
        case index(parts: Int)

        var path: String {
            switch self {
            case .whole, .index: return Discovery.sitemapPath
            case .part(let number): return "sitemap-\(number + 1).xml"
            }
        }

        /// The addresses it lists, of `count` in all, `limit` a part.
        func range(of count: Int, limit: Int) -> Range<Int> {
            switch self {
            case .whole: return 0..<count
            case .part(let number): return min(count, number * limit)..<min(count, (number + 1) * limit)
            case .index: return 0..<0
            }
        }
    }

    /// The sitemap's files: none without `base_url` (sitemaps need absolute addresses), one
    /// up to `limit` addresses, else parts of `limit` each and their index.
    static func sitemapFiles(_ site: SiteModel, limit: Int) -> [SitemapFile] {
        guard site.settings.baseURL != nil else { return [] }
        // Counted from the list itself: a count made apart from it once missed the checklists.
        let count = sitemapPages(site).count
        guard count > limit else { return [.whole] }
        let parts = (count + limit - 1) / limit
        return (0..<parts).map { .part($0) } + [.index(parts: parts)]
    }

    /// robots.txt, naming the sitemap when there is one.
    func write(_ writeFile: (String, Data) throws -> Void) throws {
        var robots = "User-agent: *\nAllow: /\n"
        if let base = site.settings.baseURL { robots += "Sitemap: \(base)/sitemap.xml\n" }
        try writeFile("robots.txt", Data(robots.utf8))
    }

    static let portalFeedPath = "feed.xml"

    /// The portal's feed, at `portalFeedPath`.
    func portalFeed() -> String {
        feed(
            title: site.settings.title, path: Self.portalFeedPath,
            documents: Array(site.documents.indices.prefix(Self.feedSize)))
    }

    /// The feed of unit `index`, at `unitFeedPath`.
    func unitFeed(_ index: Int) -> String {
        let unit = site.units[index]
        return feed(
            title: "\(unit.unit.name) – \(site.settings.title)", path: Self.unitFeedPath(unit),
            documents: unit.documents)
    }

    static func unitFeedPath(_ unit: SiteUnit) -> String { "don-vi/\(unit.unit.id)/feed.xml" }

    /// Newest first; entry ids are stable (the page address, or a tag URI without base_url).
    private func feed(title: String, path: String, documents: [Int]) -> String {
        let base = site.settings.baseURL
        let catalogue = site.settings.catalogue
        let unitNames = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.name) })
        let root = URLScheme.rootPrefix(of: path)
        let entries = documents.prefix(Self.feedSize).map { index -> [String: Any] in
            let document = site.documents[index]
            let source = document.source
            var entry: [String: Any] = [
                "title": source.title, "kind_name": catalogue.documentKind(source.kind)?.name ?? source.kind,
                "unit_name": unitNames[source.unitID] ?? source.unitID, "updated": updated(source),
                "id": base.map { "\($0)/\(document.url)" }
                    ?? "tag:congkhai,\(source.schoolYear.prefix(4)):\(source.id)",
                "link": base.map { "\($0)/\(document.url)" } ?? root + document.url,
                "summary": [
                    catalogue.documentKind(source.kind)?.name, source.number, source.title, unitNames[source.unitID]
                ]
                .compactMap { $0 }.joined(separator: " – ")
            ]
            if let number = source.number { entry["number"] = number }
            return entry
        }
        let newest = documents.first.map { updated(site.documents[$0].source) } ?? "2000-01-01T00:00:00+07:00"
        return templates.render(
            [
                "title": title, "updated": newest, "entries": entries,
                "id": base.map { "\($0)/\(path)" } ?? "tag:congkhai,2024:\(path)",
                "self_url": base.map { "\($0)/\(path)" } ?? URLScheme.rootPrefix(of: path) + path,
                "site_url": base.map { "\($0)/" } ?? root + URLScheme.home
            ], template: "feed")
    }

    private func updated(_ source: SourceDocument) -> String {
        source.issued?.rfc3339 ?? "\(source.schoolYear.prefix(4))-09-01T00:00:00+07:00"
    }

    static let sitemapPath = "sitemap.xml"

    /// A file of the sitemap; `locations` are every address it has (`sitemapLocations`).
    func sitemap(_ file: SitemapFile, locations: [(loc: String, lastmod: String?)], limit: Int) -> String {
        if case .index(let parts) = file {
            let base = site.settings.baseURL ?? ""
            var index =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for number in 0..<parts {
                index += "<sitemap><loc>\(base)/\(SitemapFile.part(number).path)</loc></sitemap>\n"
            }
            return index + "</sitemapindex>\n"
        }
        let urls = locations[file.range(of: locations.count, limit: limit)].map(Self.sitemapEntry)
        return templates.render(["urls": urls], template: "sitemap")
    }

    /// Every page the sitemap lists, by its path, with a document's date: what its files'
    /// keys are made of, without the 27,000 addresses spelled out.
    static func sitemapPages(_ site: SiteModel) -> [(path: String, issued: IssuedDate?)] {
        var pages: [(path: String, issued: IssuedDate?)] = [
            (URLScheme.home, nil), (URLScheme.units, nil), (URLScheme.listings, nil), (URLScheme.directives, nil)
        ]
        pages += site.units.map { ($0.url, nil) }
        pages += site.documents.map { ($0.url, $0.source.issued) }
        for listing in site.listings {
            pages += (1...listing.pageCount).map { (URLScheme.listing(listing.kind, page: $0), nil) }
        }
        pages += site.directives.map { ($0.url, nil) }
        pages += site.pages.map { (URLScheme.page($0.slug), nil) }
        for compliance in site.compliance {
            pages += compliance.rounds.map {
                (URLScheme.checklist(site.units[compliance.unit].unit.id, round: $0.year), nil)
            }
        }
        if !site.compliance.isEmpty { pages += site.rounds.map { (URLScheme.progress(round: $0), nil) } }
        return pages
    }

    /// The same pages' addresses, with the date of a document's (a month without a day: its first).
    static func sitemapLocations(
        _ pages: [(path: String, issued: IssuedDate?)], base: String
    ) -> [(loc: String, lastmod: String?)] {
        pages.map { path, issued in
            let clean = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            return ("\(base)/\(clean)", issued.map { $0.day == nil ? "\($0.iso)-01" : $0.iso })
        }
    }

    private static func sitemapEntry(_ location: (loc: String, lastmod: String?)) -> [String: Any] {
        var entry: [String: Any] = ["loc": location.loc]
        if let lastmod = location.lastmod { entry["lastmod"] = lastmod }
        return entry
    }
}
