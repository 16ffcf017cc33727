import Foundation
import VietText

/// What each page (and each unit's feed) is made of, summed up in one key, so a rebuild reuses every page whose key is
/// unchanged instead of rendering it again. A document's part of a key is its source file's
/// text with its unit's; the rest is what the page shows of the site model (a directive's
/// title, the documents on a listing page, the pagination). Everything shared by all pages
/// (templates, congkhai.yaml, the free pages in the menu, congkhai itself, the build options)
/// is the global key, in every page's key.
///
/// The pages that list every unit, directive or listing (home, units, directives, listings)
/// have keys made of the fields they show of each: the list of 3,000 directives of a large
/// portal took 37 ms to render on every rebuild. The free pages, search and 404 pages have no
/// key: they are tiny and always rendered. The feeds and the open data files have keys, made of
/// the fields they show.
struct PageKeys: Sendable {
    let global: UInt64
    private let site: SiteModel
    private let pageSize: Int
    /// Per document, nil when its inputs are unknown (not read by the loader).
    private let documentKeys: [UInt64?]
    /// Directive key → title, as a document page lists it.
    private let directiveTitles: [String: String]
    private let documentIDs: [String]
    /// Each document's unit, by its place in `site.units`.
    private let documentUnits: [Int]
    /// Every address of the sitemap, listed once for all its files' keys and texts; and how
    /// many a file holds.
    let sitemapLocations: Later<[(loc: String, lastmod: String?)]>
    private let sitemapLimit: Int

    init(site: SiteModel, templates: TemplateLibrary, options: BuildOptions) {
        self.site = site
        pageSize = site.settings.pageSize
        var global = Hasher64()
        global.add("congkhai-page-keys-1")
        global.add(FileIdentity.executable)
        global.add(templates.fingerprint)
        global.add(site.settings.inputKey.map { String($0) })
        global.add("drafts=\(options.includeDrafts) year=\(options.schoolYear ?? "")")
        for page in site.pages { global.add([page.slug, page.title, String(page.order)]) }
        self.global = global.value
        directiveTitles = Dictionary(uniqueKeysWithValues: site.directives.map { ($0.key, $0.title) })
        documentIDs = site.documents.map(\.source.id)
        let unitPlaces = Dictionary(
            site.units.enumerated().map { ($1.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
        documentUnits = site.documents.map { unitPlaces[$0.source.unitID] ?? -1 }
        sitemapLocations = Later { Discovery.sitemapLocations(site, base: site.settings.baseURL ?? "") }
        sitemapLimit = options.sitemapLimit
        let unitKeys = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.inputKey) })
        documentKeys = site.documents.map { document in
            guard let own = document.source.inputKey, let unit = unitKeys[document.source.unitID] ?? nil else {
                return nil
            }
            var hasher = Hasher64()
            hasher.add(document.url)
            hasher.add(own)
            hasher.add(unit)
            return hasher.value
        }
    }

    /// Per search entry (documents, then directives, as SearchIndex numbers them), the key of
    /// what its terms are made of: a document's inputs (its text, its unit's; the catalogue and
    /// congkhai itself are in the global key), a directive's title, symbol and spellings.
    func searchKeys() -> [UInt64?] {
        var keys = documentKeys.map { key in
            key.map { key in
                var hasher = Hasher64(seed: global)
                hasher.add("search-document")
                hasher.add(key)
                return hasher.value
            }
        }
        for directive in site.directives {
            var hasher = Hasher64(seed: global)
            hasher.add("search-directive")
            hasher.add([directive.key, directive.title, directive.symbol])
            hasher.add(directive.variants)
            keys.append(hasher.value)
        }
        return keys
    }

    /// The page's key, or nil when it must be rendered every time.
    func key(for job: SiteWriter.Job, directivePageCount: (Directive) -> Int) -> UInt64? {
        var hasher = Hasher64(seed: global)
        func addDocuments<C: Collection>(_ indexes: C) -> Bool where C.Element == Int {
            hasher.add(indexes.count)
            for index in indexes {
                guard let key = documentKeys[index] else { return false }
                hasher.add(key)
            }
            return true
        }
        // A unit's address and unit.yaml, and the documents shown of it.
        func addUnit<C: Collection>(_ index: Int, documents: C) -> Bool where C.Element == Int {
            hasher.add(site.units[index].url)
            guard let key = site.units[index].unit.inputKey else { return false }
            hasher.add(key)
            return addDocuments(documents)
        }
        // Each unit's address, unit.yaml and number of documents.
        func addUnits() -> Bool {
            hasher.add(site.units.count)
            for unit in site.units {
                guard let key = unit.unit.inputKey else { return false }
                hasher.add(unit.url)
                hasher.add(key)
                hasher.add(unit.documents.count)
            }
            return true
        }
        // The title, address and count of each listing of the kinds shown.
        func addListings(_ shown: (ListingKind) -> Bool) {
            for listing in site.listings where shown(listing.kind) {
                hasher.add([listing.title, URLScheme.listing(listing.kind)])
                hasher.add(listing.documents.count)
            }
        }
        switch job {
        case .document(let index):
            hasher.add("document")
            guard addDocuments([index]) else { return nil }
            hasher.add(site.documents[index].directiveKeys)
            // The titles of the directives it cites, which depend on every document citing them.
            for keys in [site.documents[index].basis, ["|"], site.documents[index].references] {
                for key in keys {
                    hasher.add(key)
                    hasher.add(directiveTitles[key])
                }
            }
        case .unit(let index):
            hasher.add("unit")
            guard addUnit(index, documents: site.units[index].documents) else { return nil }
            // Its TT 09 summary links every round of the portal, which other units' documents make.
            hasher.add(site.rounds.map(String.init))
        case .checklist(let index, let year):
            // What a checklist shows comes from its unit's documents and unit.yaml, the catalogue
            // (global key) and the portal's rounds.
            let unit = site.compliance[index].unit
            hasher.add("checklist")
            hasher.add(String(year))
            hasher.add(site.rounds.map(String.init))
            guard addUnit(unit, documents: site.units[unit].documents) else { return nil }
        case .progress(let year):
            hasher.add("progress")
            hasher.add(String(year))
            hasher.add(site.rounds.map(String.init))
            hasher.add(site.compliance.count)
            for compliance in site.compliance {
                guard addUnit(compliance.unit, documents: site.units[compliance.unit].documents) else { return nil }
            }
            // The parents' names, from their unit.yaml.
            guard addUnits() else { return nil }
        case .listing(let index, let page):
            let listing = site.listings[index]
            hasher.add("listing")
            hasher.add(URLScheme.listing(listing.kind, page: page))
            hasher.add(listing.title)
            hasher.add(listing.documents.count)
            hasher.add(listing.pageCount)
            guard addDocuments(listing.documents.dropFirst((page - 1) * pageSize).prefix(pageSize)) else { return nil }
        case .directive(let index, let page):
            let directive = site.directives[index]
            hasher.add("directive")
            hasher.add(URLScheme.directive(directive.key, page: page))
            hasher.add([
                directive.title, directive.symbol, directive.type, directive.level.rawValue, directive.level.name
            ])
            hasher.add(directive.variants)
            hasher.add(directive.date?.iso)
            hasher.add(directive.issuer)
            hasher.add(directive.subject)
            hasher.add(directive.citedBy.count)
            hasher.add(directivePageCount(directive))
            let slice = directive.citedBy.dropFirst((page - 1) * pageSize).prefix(pageSize)
            guard addDocuments(slice.map(\.document)) else { return nil }
            // A citing sentence is its document's text at the citation's position: the document's
            // key (above) and the position say it, without hashing 6 MB of sentences every build.
            for index in slice.indices {
                hasher.add(slice[index].relation == .basis ? 1 : 0)
                hasher.add(slice[index].position)
            }
        case .unitFeed(let index):
            hasher.add("unit-feed")
            guard addUnit(index, documents: site.units[index].documents.prefix(Discovery.feedSize)) else { return nil }
        case .portalFeed:
            hasher.add("portal-feed")
            guard addDocuments(site.documents.indices.prefix(Discovery.feedSize)) else { return nil }
        case .openData(.documents):
            // The fields it shows, not the sources: an edit of a body leaves it as it is.
            hasher.add("open-data-documents")
            hasher.add(site.documents.count)
            // Read in place, one by one: this runs over every document on every build, and a
            // SiteDocument copied per iteration retains its every field.
            for index in site.documents.indices {
                let source = site.documents[index].source
                hasher.add(documentIDs[index])
                hasher.add(site.documents[index].url)
                for field in [source.unitID, source.kind, source.title, source.schoolYear] { hasher.add(field) }
                hasher.add(source.number)
                hasher.add(source.issued?.iso)
                hasher.add(source.categories)
                hasher.add(site.documents[index].directiveKeys)
            }
        case .openData(.directives):
            hasher.add("open-data-directives")
            hasher.add(site.directives.count)
            for index in site.directives.indices {
                let directive = site.directives[index]
                for field in [directive.key, directive.type, directive.symbol, directive.level.rawValue, directive.url]
                { hasher.add(field) }
                hasher.add(directive.date?.iso)
                hasher.add(directive.issuer)
                hasher.add(directive.subject)
                hasher.add(directive.variants)
                hasher.add(directive.citedBy.count)
                for entry in directive.citedBy {
                    hasher.add(documentIDs[entry.document])
                    hasher.add(entry.relation == .basis ? 1 : 0)
                }
            }
        case .openData(.units):
            hasher.add("open-data-units")
            hasher.add(site.units.count)
            for unit in site.units {
                guard let key = unit.unit.inputKey else { return nil }
                hasher.add(unit.url)
                hasher.add(key)
            }
        case .openData(.compliance):
            // Made of every unit's documents and unit.yaml (and the catalogue, in the global key).
            hasher.add("open-data-compliance")
            hasher.add(site.rounds.map(String.init))
            hasher.add(site.compliance.count)
            for compliance in site.compliance {
                guard addUnit(compliance.unit, documents: site.units[compliance.unit].documents) else { return nil }
            }
        case .sitemap(let file):
            hasher.add("sitemap")
            hasher.add(file.path)
            if case .index(let parts) = file {
                hasher.add(parts)
            } else {
                let locations = sitemapLocations.value
                let range = file.range(of: locations.count, limit: sitemapLimit)
                hasher.add(range.count)
                for location in locations[range] {
                    hasher.add(location.loc)
                    hasher.add(location.lastmod)
                }
            }
        case .home:
            hasher.add("home")
            guard addDocuments(site.documents.indices.prefix(PageContexts.latestCount)), addUnits() else { return nil }
            addListings { if case .kind = $0 { return false } else { return true } }
        case .units:
            hasher.add("units")
            guard addUnits() else { return nil }
        case .listings:
            hasher.add("listings")
            addListings { _ in true }
            hasher.add(site.compliance.isEmpty ? [] : site.rounds.map(String.init))
            for archive in site.archives {
                hasher.add([archive.name, archive.schoolYear ?? "-", String(archive.bytes)])
            }
        case .directives:
            hasher.add("directives")
            hasher.add(site.directives.count)
            // Read in place: a Directive copied per iteration retains its dozen fields.
            for index in site.directives.indices {
                hasher.add(site.directives[index].level.rawValue)
                hasher.add(site.directives[index].title)
                hasher.add(site.directives[index].url)
                hasher.add(site.directives[index].subject)
                hasher.add(site.directives[index].citedBy.count)
                // The units citing it (by their place: numbers hash faster than names, on every
                // rebuild); a text without its subject is shown by its first citing sentence.
                for entry in site.directives[index].citedBy { hasher.add(documentUnits[entry.document]) }
                if (site.directives[index].subject ?? "").isEmpty, let first = site.directives[index].citedBy.first {
                    guard let key = documentKeys[first.document] else { return nil }
                    hasher.add(key)
                    hasher.add(first.position)
                }
            }
            // The filter lists the citing units by name, and rows name them by their place.
            for unit in site.units { hasher.add([unit.unit.id, unit.unit.name]) }
        case .page, .notFound, .search:
            return nil
        }
        return hasher.value
    }
}
