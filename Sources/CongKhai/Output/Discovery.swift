import Foundation

/// Feeds and discovery files: an Atom feed of the newest documents for the portal and one per
/// unit, robots.txt, and sitemap.xml (when `base_url` gives the absolute addresses sitemaps
/// need). Dates come from the documents, never the clock, so output stays deterministic. The
/// feeds are written with the pages (SiteWriter), keyed like them.
struct Discovery {
    let site: SiteModel
    let templates: TemplateLibrary
    static let feedSize = 50
    static let sitemapLimit = 50_000

    func write(_ writeFile: (String, Data) throws -> Void) throws -> Int {
        var files = 0
        var robots = "User-agent: *\nAllow: /\n"
        if let base = site.settings.baseURL {
            // One sitemap is a keyed job of the writer (`sitemapIsOneFile`); more are made here.
            if !Self.sitemapIsOneFile(site) {
                let urls = Self.sitemapLocations(site, base: base).map(Self.sitemapEntry)
                var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                for (number, start) in stride(from: 0, to: urls.count, by: Self.sitemapLimit).enumerated() {
                    let chunk = Array(urls[start..<min(start + Self.sitemapLimit, urls.count)])
                    try writeFile("sitemap-\(number + 1).xml", Data(templates.render(["urls": chunk], template: "sitemap").utf8))
                    index += "<sitemap><loc>\(base)/sitemap-\(number + 1).xml</loc></sitemap>\n"
                    files += 1
                }
                try writeFile("sitemap.xml", Data((index + "</sitemapindex>\n").utf8))
                files += 1
            }
            robots += "Sitemap: \(base)/sitemap.xml\n"
        }
        try writeFile("robots.txt", Data(robots.utf8))
        return files + 1
    }

    static let portalFeedPath = "feed.xml"

    /// The portal's feed, at `portalFeedPath`.
    func portalFeed() -> String {
        feed(title: site.settings.title, path: Self.portalFeedPath, documents: Array(site.documents.indices.prefix(Self.feedSize)))
    }

    /// The feed of unit `index`, at `unitFeedPath`.
    func unitFeed(_ index: Int) -> String {
        let unit = site.units[index]
        return feed(title: "\(unit.unit.name) – \(site.settings.title)", path: Self.unitFeedPath(unit), documents: unit.documents)
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
                "id": base.map { "\($0)/\(document.url)" } ?? "tag:congkhai,\(source.schoolYear.prefix(4)):\(source.id)",
                "link": base.map { "\($0)/\(document.url)" } ?? root + document.url,
                "summary": [catalogue.documentKind(source.kind)?.name, source.number, source.title, unitNames[source.unitID]]
                    .compactMap { $0 }.joined(separator: " – "),
            ]
            if let number = source.number { entry["number"] = number }
            return entry
        }
        let newest = documents.first.map { updated(site.documents[$0].source) } ?? "2000-01-01T00:00:00+07:00"
        return templates.render([
            "title": title, "updated": newest, "entries": entries,
            "id": base.map { "\($0)/\(path)" } ?? "tag:congkhai,2024:\(path)",
            "self_url": base.map { "\($0)/\(path)" } ?? URLScheme.rootPrefix(of: path) + path,
            "site_url": base.map { "\($0)/" } ?? root + URLScheme.home,
        ], template: "feed")
    }

    private func updated(_ source: SourceDocument) -> String {
        source.issued?.rfc3339 ?? "\(source.schoolYear.prefix(4))-09-01T00:00:00+07:00"
    }

    /// Whether the sitemap is one file (at most `sitemapLimit` addresses): a job of the
    /// writer, keyed by its addresses. Counted without listing them.
    static func sitemapIsOneFile(_ site: SiteModel) -> Bool {
        let count = 4 + site.units.count + site.documents.count + site.listings.reduce(0) { $0 + $1.pageCount }
            + site.directives.count + site.pages.count
        return site.settings.baseURL != nil && count <= sitemapLimit
    }

    static let sitemapPath = "sitemap.xml"

    /// The one sitemap, when `sitemapIsOneFile`.
    func sitemap() -> String {
        let urls = Self.sitemapLocations(site, base: site.settings.baseURL ?? "").map(Self.sitemapEntry)
        return templates.render(["urls": urls], template: "sitemap")
    }

    /// Every address the sitemap lists, with the date of a document's.
    static func sitemapLocations(_ site: SiteModel, base: String) -> [(loc: String, lastmod: String?)] {
        func entry(_ path: String, _ lastmod: String? = nil) -> (loc: String, lastmod: String?) {
            let clean = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            return ("\(base)/\(clean)", lastmod)
        }
        var urls = [entry(URLScheme.home), entry(URLScheme.units), entry(URLScheme.listings), entry(URLScheme.directives)]
        urls += site.units.map { entry($0.url) }
        urls += site.documents.map { entry($0.url, $0.source.issued.map { $0.day == nil ? "\($0.iso)-01" : $0.iso }) }
        for listing in site.listings {
            urls += (1...listing.pageCount).map { entry(URLScheme.listing(listing.kind, page: $0)) }
        }
        urls += site.directives.map { entry($0.url) }
        urls += site.pages.map { entry(URLScheme.page($0.slug)) }
        return urls
    }

    private static func sitemapEntry(_ location: (loc: String, lastmod: String?)) -> [String: Any] {
        var entry: [String: Any] = ["loc": location.loc]
        if let lastmod = location.lastmod { entry["lastmod"] = lastmod }
        return entry
    }
}
