import Citations
import VietText

/// Builds the small context each template gets from the site model. URLs in contexts are
/// relative to the site root; templates put `{{root}}` (the way back to the root from the page)
/// in front, so every link is relative and names its file. docs/templates.md lists the names.
/// Immutable after init and only read while pages render in parallel; its rows hold `Any`
/// values (what Mustache takes), which the compiler cannot prove Sendable.
struct PageContexts: @unchecked Sendable {
    let site: SiteModel
    /// Each document's row (computed once and shared by every listing), row and summary
    /// rendered once.
    let fragments: RowFragments
    /// Each directive's link, rendered once (`directive-link`) for every document citing it.
    let directiveFragments: RowFragments
    /// The header and footer, rendered once per current menu entry.
    private let chrome: PageChrome
    /// `site`, and `nav` by current menu entry (index 0: none current), made once: every page
    /// carries them.
    private let siteInfo: [String: Any]
    private let navs: [[[String: Any]]]
    /// A directive's place in `site.directives`, by key: its fields are read in place, not
    /// copied out of a dictionary with every other field it holds.
    let directiveIndexByKey: [String: Int]
    /// Unit index → its entry in `site.compliance`, for the unit pages' summaries.
    let complianceByUnit: [Int: Int]

    init(site: SiteModel, templates: TemplateLibrary) {
        self.site = site
        let catalogue = site.settings.catalogue
        let unitNames = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.name) })
        directiveIndexByKey = Dictionary(
            uniqueKeysWithValues: site.directives.indices.map { (site.directives[$0].key, $0) })
        complianceByUnit = Dictionary(uniqueKeysWithValues: site.compliance.enumerated().map { ($1.unit, $0) })
        directiveFragments = RowFragments(templates: templates, oneLine: true) { index in
            ["title": site.directives[index].title, "url": site.directives[index].url]
        }
        fragments = RowFragments(templates: templates) { index in
            let document = site.documents[index]
            let source = document.source
            var row: [String: Any] = [
                "title": source.title, "url": document.url,
                "kind_name": catalogue.documentKind(source.kind)?.name ?? source.kind,
                "unit_name": unitNames[source.unitID] ?? source.unitID, "unit_url": URLScheme.unit(source.unitID),
                "school_year": source.schoolYear
            ]
            if let number = source.number { row["number"] = number }
            if let issued = source.issued {
                row["issued_short"] = issued.vietnameseShort
                row["issued_long"] = issued.vietnameseLong
                row["issued_iso"] = issued.iso
            }
            return row
        }
        let menuEntries = Self.fixedMenu.count + site.pages.count
        let siteInfo = Self.siteInfo(site)
        let navs = ([nil] + (0..<menuEntries).map { Optional($0) }).map { Self.nav(site, current: $0) }
        (self.siteInfo, self.navs) = (siteInfo, navs)
        chrome = PageChrome(menuEntries: menuEntries, templates: templates) { current in
            ["site": siteInfo, "nav": navs[PageChrome.slot(current)]]
        }
    }

    // MARK: - Shared

    enum Section: String { case home, units, listings, directives, search, page, none }

    /// The menu's first entries, before the free pages: (section, title, url).
    private static let fixedMenu: [(Section, String, String)] = [
        (.home, "Trang chủ", URLScheme.home), (.units, "Đơn vị", URLScheme.units),
        (.listings, "Công khai", URLScheme.listings),
        (.directives, "Văn bản căn cứ", URLScheme.directives), (.search, "Tìm kiếm", URLScheme.search)
    ]

    private static func siteInfo(_ site: SiteModel) -> [String: Any] {
        let settings = site.settings
        var siteInfo: [String: Any] = ["title": settings.title]
        if let body = settings.governingBody { siteInfo["governing_body"] = body }
        if let text = settings.description { siteInfo["description"] = text }
        if let notice = settings.notice { siteInfo["notice"] = notice }
        return siteInfo
    }

    /// The menu with `current` set on the entry at index `current`.
    private static func nav(_ site: SiteModel, current: Int?) -> [[String: Any]] {
        let entries = Self.fixedMenu.map { ($0.1, $0.2) } + site.pages.map { ($0.title, URLScheme.page($0.slug)) }
        return entries.enumerated().map { index, entry in
            ["title": entry.0, "url": entry.1, "current": index == current]
        }
    }

    /// The menu entry of a page in `section` at `path`, if it has one.
    func currentMenuEntry(section: Section, path: String) -> Int? {
        if section == .page {
            return site.pages.firstIndex { URLScheme.page($0.slug) == path }.map { Self.fixedMenu.count + $0 }
        }
        return Self.fixedMenu.firstIndex { $0.0 == section }
    }

    /// `root` is the page's way back to the site root, its folder's by default.
    func base(
        path: String, title: String, description: String? = nil, section: Section,
        breadcrumbs: [(String, String)] = [], ogType: String = "website", root: String? = nil,
        inlineStyle: String? = nil
    ) -> [String: Any] {
        let settings = site.settings
        let current = currentMenuEntry(section: section, path: path)
        var context: [String: Any] = [
            "root": root ?? URLScheme.rootPrefix(of: path), "path": path, "title": title,
            "page_title": title == settings.title ? title : "\(title) – \(settings.title)",
            "og_title": title,
            "description": description ?? settings.description ?? settings.title,
            "site": siteInfo, "nav": navs[PageChrome.slot(current)], "og_type": ogType,
            "breadcrumbs": breadcrumbs.map { ["title": $0.0, "url": $0.1] }, "has_breadcrumbs": !breadcrumbs.isEmpty
        ]
        if let base = settings.baseURL {
            let cleaned = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            context["canonical_url"] = "\(base)/\(cleaned)"
        }
        if let inlineStyle { context["inline_style"] = inlineStyle }
        (context["header_html"], context["footer_html"]) = chrome.html(current: current, page: context)
        context["head_links_html"] = chrome.headLinksHTML(page: context)
        if !breadcrumbs.isEmpty {
            context["breadcrumbs_html"] = chrome.breadcrumbsHTML(breadcrumbs, page: context)
        }
        return context
    }

    /// `rows` for templates that lay a table out themselves; `rows_html` is the rows made by
    /// `document-row`, joined.
    func table(_ documents: [Int], caption: String, path: String) -> [String: Any] {
        [
            "caption": caption, "rows": documents.map { fragments.row($0) },
            "rows_html": fragments.html("document-row", rows: documents, root: URLScheme.rootPrefix(of: path))
        ]
    }

    func pagination(current: Int, count: Int, url: (Int) -> String) -> [String: Any]? {
        guard count > 1 else { return nil }
        // Around the current page, plus the first and last: a listing of 200 pages stays short.
        let shown = Set([1, count] + Array(max(1, current - 3)...min(count, current + 3)))
        var pagination: [String: Any] = [
            "current": current, "count": count,
            "pages": shown.sorted().map { ["number": $0, "url": url($0), "current": $0 == current] as [String: Any] }
        ]
        if current > 1 { pagination["previous"] = url(current - 1) }
        if current < count { pagination["next"] = url(current + 1) }
        return pagination
    }

    func listingLinks(_ include: (ListingKind) -> Bool) -> [[String: Any]] {
        site.listings.filter { include($0.kind) }.map {
            ["title": $0.title, "url": URLScheme.listing($0.kind), "count": $0.documents.count]
        }
    }
}
