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
    let site: SiteModel
    let pageSize: Int
    /// Per document, nil when its inputs are unknown (not read by the loader).
    let documentKeys: [UInt64?]
    /// Per directive (by its place in `site.directives`), what a page citing it shows of it:
    /// its key (the address) and its title.
    let directiveTitled: [UInt64]
    /// Per directive, everything it shows of itself on its page, the list and the open data:
    /// its address, title, type, symbol, spellings, level, date, issuer and subject. Made once
    /// here rather than by each of the pages and files that show it (a title is made of four
    /// fields, a date formatted).
    let directiveShown: [UInt64]
    /// Per directive, the key of what its search entry's terms are made of (`searchKeys`).
    let directiveSearched: [UInt64]
    let documentIDs: [String]
    /// Each document's unit, by its place in `site.units`.
    let documentUnits: [Int]
    /// Every page of the sitemap, listed once for all its files' keys and texts; and how
    /// many a file holds.
    let sitemapPages: Later<[(path: String, issued: IssuedDate?)]>
    let sitemapLimit: Int

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
        let directiveKeys = ParallelMap.map(Array(site.directives.indices)) { [global] index in
            Self.directiveKeys(site.directives[index], global: global.value)
        }
        directiveTitled = directiveKeys.map(\.titled)
        directiveShown = directiveKeys.map(\.shown)
        directiveSearched = directiveKeys.map(\.searched)
        let unitPlaces = Dictionary(
            site.units.enumerated().map { ($1.unit.id, $0) }, uniquingKeysWith: { first, _ in first })
        sitemapPages = Later { Discovery.sitemapPages(site) }
        sitemapLimit = options.sitemapLimit
        let unitKeys = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.inputKey) })
        // One pass by index: a closure given each document copied it whole, retaining every
        // field, three times over for 10,000 documents.
        let documents = site.documents
        var ids: [String] = [], units: [Int] = [], keys: [UInt64?] = []
        ids.reserveCapacity(documents.count)
        units.reserveCapacity(documents.count)
        keys.reserveCapacity(documents.count)
        for index in documents.indices {
            let unitID = documents[index].source.unitID
            ids.append(documents[index].source.id)
            units.append(unitPlaces[unitID] ?? -1)
            guard let own = documents[index].source.inputKey, let unit = unitKeys[unitID] ?? nil else {
                keys.append(nil)
                continue
            }
            var hasher = Hasher64()
            hasher.add(documents[index].url)
            hasher.add(own)
            hasher.add(unit)
            keys.append(hasher.value)
        }
        documentIDs = ids
        documentUnits = units
        documentKeys = keys
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
        keys += directiveSearched.map { Optional($0) }
        return keys
    }

    /// A directive's three keys (`directiveTitled`, `directiveShown`, `directiveSearched`),
    /// its title made once for them.
    private static func directiveKeys(_ directive: Directive, global: UInt64) -> (
        titled: UInt64, shown: UInt64, searched: UInt64
    ) {
        let title = directive.title
        var titled = Hasher64()
        titled.add([directive.key, title])
        var shown = Hasher64()
        shown.add([directive.key, directive.url, title, directive.symbol, directive.type])
        shown.add([directive.level.rawValue, directive.level.name])
        shown.add(directive.variants)
        shown.add(directive.date)
        shown.add(directive.issuer)
        shown.add(directive.subject)
        var searched = Hasher64(seed: global)
        searched.add("search-directive")
        searched.add([directive.key, title, directive.symbol])
        searched.add(directive.variants)
        return (titled.value, shown.value, searched.value)
    }

    /// The page's key, or nil when it must be rendered every time.
    func key(for page: any PageKind) -> UInt64? {
        var hasher = PageKeyHasher(keys: self)
        return page.key(&hasher) ? hasher.value : nil
    }
}

/// What a page kind adds its key's parts to (`PageKind.key`): a hasher seeded with the global
/// key; `hasher.site`, `hasher.documentKeys` … read the `PageKeys` it was made from.
@dynamicMemberLookup
struct PageKeyHasher {
    private var hasher: Hasher64
    private let keys: PageKeys

    init(keys: PageKeys) {
        hasher = Hasher64(seed: keys.global)
        self.keys = keys
    }

    subscript<Value>(dynamicMember path: KeyPath<PageKeys, Value>) -> Value { keys[keyPath: path] }

    // The parts every page's key reads, read directly: a key path applied copies the value
    // it leads to (the whole site model, retained field by field) on each of 27,000 pages.
    var site: SiteModel { _read { yield keys.site } }
    var documentIDs: [String] { _read { yield keys.documentIDs } }
    var directiveTitled: [UInt64] { _read { yield keys.directiveTitled } }
    var directiveShown: [UInt64] { _read { yield keys.directiveShown } }
    var documentUnits: [Int] { _read { yield keys.documentUnits } }

    var value: UInt64 { hasher.value }

    mutating func add(_ text: String) { hasher.add(text) }
    mutating func add(_ text: String?) { hasher.add(text) }
    mutating func add(_ texts: [String]) { hasher.add(texts) }
    mutating func add(_ number: Int) { hasher.add(number) }
    mutating func add(_ number: UInt64) { hasher.add(number) }
    mutating func add(_ date: IssuedDate?) { hasher.add(date) }

    func directivePageCount(_ directive: Directive) -> Int { directive.pageCount(pageSize: keys.pageSize) }

    /// The documents' keys; false when one is unknown.
    mutating func addDocuments<C: Collection>(_ indexes: C) -> Bool where C.Element == Int {
        hasher.add(indexes.count)
        for index in indexes {
            guard let key = keys.documentKeys[index] else { return false }
            hasher.add(key)
        }
        return true
    }

    /// A unit's address and unit.yaml, and the documents shown of it.
    mutating func addUnit<C: Collection>(_ index: Int, documents: C) -> Bool where C.Element == Int {
        hasher.add(keys.site.units[index].url)
        guard let key = keys.site.units[index].unit.inputKey else { return false }
        hasher.add(key)
        return addDocuments(documents)
    }

    /// Each unit's address, unit.yaml and number of documents.
    mutating func addUnits() -> Bool {
        hasher.add(keys.site.units.count)
        for unit in keys.site.units {
            guard let key = unit.unit.inputKey else { return false }
            hasher.add(unit.url)
            hasher.add(key)
            hasher.add(unit.documents.count)
        }
        return true
    }

    /// The title, address and count of each listing of the kinds shown.
    mutating func addListings(_ shown: (ListingKind) -> Bool) {
        for listing in keys.site.listings where shown(listing.kind) {
            hasher.add([listing.title, URLScheme.listing(listing.kind)])
            hasher.add(listing.documents.count)
        }
    }
}
