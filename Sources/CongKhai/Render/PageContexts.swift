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
    let fragments: DocumentFragments
    /// The header and footer, rendered once per current menu entry.
    private let chrome: PageChrome
    private let directivesByKey: [String: Directive]
    /// Unit index → its entry in `site.compliance`, for the unit pages' summaries.
    let complianceByUnit: [Int: Int]

    init(site: SiteModel, templates: TemplateLibrary) {
        self.site = site
        let catalogue = site.settings.catalogue
        let unitNames = Dictionary(uniqueKeysWithValues: site.units.map { ($0.unit.id, $0.unit.name) })
        directivesByKey = Dictionary(uniqueKeysWithValues: site.directives.map { ($0.key, $0) })
        complianceByUnit = Dictionary(uniqueKeysWithValues: site.compliance.enumerated().map { ($1.unit, $0) })
        fragments = DocumentFragments(documents: site.documents.count, templates: templates) { index in
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
        chrome = PageChrome(menuEntries: menuEntries, templates: templates) { current in
            ["site": Self.siteInfo(site), "nav": Self.nav(site, current: current)]
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
    private func currentMenuEntry(section: Section, path: String) -> Int? {
        if section == .page {
            return site.pages.firstIndex { URLScheme.page($0.slug) == path }.map { Self.fixedMenu.count + $0 }
        }
        return Self.fixedMenu.firstIndex { $0.0 == section }
    }

    /// `root` is the page's way back to the site root, its folder's by default.
    func base(
        path: String, title: String, description: String? = nil, section: Section,
        breadcrumbs: [(String, String)] = [], ogType: String = "website", root: String? = nil
    ) -> [String: Any] {
        let settings = site.settings
        let current = currentMenuEntry(section: section, path: path)
        var context: [String: Any] = [
            "root": root ?? URLScheme.rootPrefix(of: path), "path": path, "title": title,
            "page_title": title == settings.title ? title : "\(title) – \(settings.title)",
            "description": description ?? settings.description ?? settings.title,
            "site": Self.siteInfo(site), "nav": Self.nav(site, current: current), "og_type": ogType,
            "breadcrumbs": breadcrumbs.map { ["title": $0.0, "url": $0.1] }, "has_breadcrumbs": !breadcrumbs.isEmpty
        ]
        if let base = settings.baseURL {
            let cleaned = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            context["canonical_url"] = "\(base)/\(cleaned)"
        }
        (context["header_html"], context["footer_html"]) = chrome.html(current: current, page: context)
        return context
    }

    /// `rows` for templates that lay a table out themselves; `rows_html` is the rows made by
    /// `document-row`, joined.
    func table(_ documents: [Int], caption: String, path: String) -> [String: Any] {
        [
            "caption": caption, "rows": documents.map { fragments.row($0) },
            "rows_html": fragments.html("document-row", documents: documents, root: URLScheme.rootPrefix(of: path))
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

    // MARK: - Pages

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

    func units() -> [String: Any] {
        var context = base(
            path: URLScheme.units, title: "Đơn vị", section: .units, breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["units"] = site.units.map { entry -> [String: Any] in
            let unit = entry.unit
            return [
                "name": unit.name, "url": entry.url, "count": entry.documents.count,
                "kind_name": site.settings.catalogue.unitKind(unit.kind)?.name ?? unit.kind,
                "place": [unit.district, unit.province].compactMap { $0 }.joined(separator: ", ")
            ]
        }
        return context
    }

    func unit(_ index: Int) -> [String: Any] {
        let entry = site.units[index]
        let unit = entry.unit
        var context = base(
            path: entry.url, title: unit.name, description: "Văn bản công khai của \(unit.name)", section: .units,
            breadcrumbs: [("Trang chủ", URLScheme.home), ("Đơn vị", URLScheme.units)])
        var details: [String: Any] = [
            "name": unit.name, "kind_name": site.settings.catalogue.unitKind(unit.kind)?.name ?? unit.kind,
            "count": entry.documents.count
        ]
        for (key, value) in [
            ("governing_body", unit.governingBody), ("district", unit.district), ("province", unit.province),
            ("address", unit.address), ("phone", unit.phone), ("email", unit.email), ("website", unit.website)
        ] {
            if let value { details[key] = value }
        }
        if let phone = unit.phone { details["phone_link"] = String(phone.filter { $0.isNumber || $0 == "+" }) }
        // Linked only as a web address: a `javascript:` value stays text.
        if let website = unit.website,
            website.lowercased().hasPrefix("https://") || website.lowercased().hasPrefix("http://")
        {
            details["website_url"] = website
        }
        context["unit"] = details
        if let summary = complianceSummary(unitIndex: index) {
            context["compliance"] = summary
        }
        // By school year (newest first), then by kind in the catalogue's order.
        var byYear: [String: [Int]] = [:]
        for index in entry.documents { byYear[site.documents[index].source.schoolYear, default: []].append(index) }
        context["years"] = byYear.keys.sorted(by: >).map { year -> [String: Any] in
            let documents = byYear[year]!
            let kinds = site.settings.catalogue.documentKinds.compactMap { kind -> [String: Any]? in
                let matching = documents.filter { site.documents[$0].source.kind == kind.slug }
                return matching.isEmpty
                    ? nil
                    : [
                        "title": kind.name,
                        "table": table(matching, caption: "\(kind.name) năm học \(year)", path: entry.url)
                    ]
            }
            return ["id": year, "title": SchoolYear.label(year), "kinds": kinds]
        }
        return context
    }

    func document(_ index: Int) -> [String: Any] {
        let document = site.documents[index]
        let source = document.source
        let catalogue = site.settings.catalogue
        let unitName = site.unit(source.unitID)?.unit.name ?? source.unitID
        let kindName = catalogue.documentKind(source.kind)?.name ?? source.kind
        let summary = [kindName, source.number, source.title].compactMap { $0 }.joined(separator: " ")
        var context = base(
            path: document.url, title: source.title, description: "\(summary) – \(unitName)", section: .none,
            breadcrumbs: [("Trang chủ", URLScheme.home), (unitName, URLScheme.unit(source.unitID))], ogType: "article")
        // Shared on a phone, a document says what it is and whose it is: "Kế hoạch 19/KH-THAP:
        // ... – Trường Tiểu học An Phước".
        let what = "\(kindName)\(source.number.map { " \($0)" } ?? ""): \(source.title)"
        context["og_title"] = "\(what) – \(unitName)"
        // A school's own portal names the school in its title already.
        let siteTitle = site.settings.title
        context["page_title"] =
            siteTitle.contains(unitName) ? "\(what) – \(siteTitle)" : "\(what) – \(unitName) – \(siteTitle)"
        let root = URLScheme.rootPrefix(of: document.url)
        var details = fragments.row(index)
        details["unit_name"] = unitName
        details["school_year"] = SchoolYear.label(source.schoolYear)
        details["school_year_url"] = URLScheme.listing(.schoolYear(source.schoolYear))
        details["number"] = source.number
        for (key, value) in [
            ("place", source.place), ("signer", source.signer), ("signer_title", source.signerTitle),
            ("status", source.status), ("replaces", source.replaces)
        ] {
            if let value { details[key] = value }
        }
        let titleLines = source.signerTitle.map { $0.components(separatedBy: " / ") } ?? []
        details["signer_title_lines"] = titleLines
        details["has_signer_title_lines"] = !titleLines.isEmpty
        details["letterhead"] = source.letterhead
        details["has_letterhead"] = !source.letterhead.isEmpty
        details["recipients"] = source.recipients
        details["has_recipients"] = !source.recipients.isEmpty
        // An item is shown by its name, linked to its group's listing.
        let obligations = site.settings.obligations
        let categories = source.categories.map { slug -> [String: String] in
            if let item = obligations.item(slug) ?? ObligationCatalogue.builtIn.item(slug) {
                return ["title": item.name, "url": URLScheme.listing(.category(item.group))]
            }
            return ["title": catalogue.category(slug)?.name ?? slug, "url": URLScheme.listing(.category(slug))]
        }
        details["categories"] = categories
        details["has_categories"] = !categories.isEmpty
        let folder = URLScheme.documentFolder(source)
        let attachments = source.attachments.map {
            ["name": $0, "url": folder + URLScheme.attachmentName($0), "label": Self.originalLabel($0)]
        }
        details["attachments"] = attachments
        details["has_attachments"] = !attachments.isEmpty
        let links = { (keys: [String]) in
            keys.compactMap { directivesByKey[$0] }.map { ["title": $0.title, "url": $0.url] }
        }
        details["basis"] = links(document.basis)
        details["has_basis"] = !document.basis.isEmpty
        details["references"] = links(document.references)
        details["has_references"] = !document.references.isEmpty
        let resolve = { (html: String) in
            CitationLinks.resolve(html, keys: document.directiveKeys) { root + URLScheme.directive($0) }
        }
        let body = resolve(document.rendered.html)
        details["body"] = body
        let appendices = document.rendered.appendices.map(resolve)
        details["appendices"] = appendices.enumerated().map { index, html in
            ["html": html, "label": appendices.count > 1 ? "Phụ lục \(index + 1)" : "Phụ lục"]
        }
        details["has_appendices"] = !appendices.isEmpty
        // For a template of a portal's own that shows the text in one piece.
        details["body_with_appendices"] = appendices.isEmpty ? body : ([body] + appendices).joined()
        details["basis_count"] = document.basis.count
        details["references_count"] = document.references.count
        let unit = site.unit(source.unitID)?.unit
        for (key, value) in PrintedHead(source: source, unit: unit, unitName: unitName).context { details[key] = value }
        let contents = TableOfContents(document.rendered.headings)
        details["has_toc"] = !contents.entries.isEmpty
        details["toc"] = contents.entries.map { ["text": $0.text, "id": $0.id, "sub": $0.isSub] }
        context["document"] = details
        return context
    }

    /// "A, B và 5 đơn vị khác": at most three names, for a list that may hold hundreds.
    static func namesInShort(_ names: [String]) -> String {
        guard names.count > 3 else { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + " và \(names.count - 3) đơn vị khác"
    }

    /// What an attached file is, as a reader looks for it: "Bản gốc (PDF)", "Bản Word".
    static func originalLabel(_ name: String) -> String {
        switch (name.split(separator: ".").last.map(String.init) ?? "").lowercased() {
        case "pdf": return "Bản gốc (PDF)"
        case "doc", "docx", "odt": return "Bản Word"
        case "xls", "xlsx", "ods": return "Bảng tính Excel"
        case let other where !other.isEmpty && other != name.lowercased(): return "Tệp đính kèm (\(other.uppercased()))"
        default: return "Tệp đính kèm"
        }
    }

    func listings() -> [String: Any] {
        var context = base(
            path: URLScheme.listings, title: "Công khai thông tin", section: .listings,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["groups"] =
            [
                [
                    "id": "theo-nam-hoc", "title": "Theo năm học",
                    "items": listingLinks { if case .schoolYear = $0 { return true } else { return false } }
                ],
                [
                    "id": "theo-danh-muc", "title": "Theo danh mục (Thông tư 09/2024/TT-BGDĐT)",
                    "items": listingLinks { if case .category = $0 { return true } else { return false } }
                ],
                [
                    "id": "theo-loai", "title": "Theo loại văn bản",
                    "items": listingLinks { if case .kind = $0 { return true } else { return false } }
                ]
            ] as [[String: Any]]
        context["archives"] = site.archives.map { archive -> [String: Any] in
            [
                "name": archive.name, "url": "luu-tru/\(archive.name)",
                "school_year": archive.schoolYear.map(SchoolYear.label) ?? archive.name,
                "size": String(format: "%.1f MB", Double(archive.bytes) / 1_048_576).replacingOccurrences(
                    of: ".", with: ",")
            ]
        }
        context["has_archives"] = !site.archives.isEmpty
        if !site.compliance.isEmpty && !site.rounds.isEmpty {
            context["has_progress"] = true
            context["progress"] = roundLinks(current: nil) { URLScheme.progress(round: $0) }
            context["circular"] = site.settings.obligations.circular
        }
        return context
    }

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

    func directives() -> [String: Any] {
        var context = base(
            path: URLScheme.directives, title: "Văn bản căn cứ", section: .directives,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
        // Which units cite each directive, by their place in the portal's (Vietnamese) order:
        // the page narrows its list by unit and by level (assets/directives.js).
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        var citing = Set<Int>()
        context["levels"] = IssuingLevel.allCases.compactMap { level -> [String: Any]? in
            let items = site.directives.filter { $0.level == level }
            guard !items.isEmpty else { return nil }
            return [
                "id": level.rawValue, "title": level.name,
                "directives": items.map { directive -> [String: Any] in
                    let units = Set(
                        directive.citedBy.compactMap { unitIndex[site.documents[$0.document].source.unitID] }
                    ).sorted()
                    citing.formUnion(units)
                    var row: [String: Any] = [
                        "title": directive.title, "url": directive.url, "subject": directive.subject ?? "",
                        "count": directive.citedBy.count, "unit_ids": units.map(String.init).joined(separator: " "),
                        "citing_units": Self.namesInShort(units.map { site.units[$0].unit.name })
                    ]
                    // Without its subject, a directive is shown by the words that cite it.
                    if (directive.subject ?? "").isEmpty, let first = directive.citedBy.first {
                        let citations = site.documents[first.document].rendered.citations
                        if citations.indices.contains(first.position), !citations[first.position].sentence.isEmpty {
                            row["sentence"] = citations[first.position].sentence
                        }
                    }
                    return row
                }
            ]
        }
        context["units"] = citing.sorted().map { ["index": $0, "name": site.units[$0].unit.name] as [String: Any] }
        context["levels_filter"] = IssuingLevel.allCases.filter { level in
            site.directives.contains { $0.level == level }
        }
        .map { ["id": $0.rawValue, "title": $0.name] }
        return context
    }

    func directivePageCount(_ directive: Directive) -> Int {
        max(1, (directive.citedBy.count + site.settings.pageSize - 1) / site.settings.pageSize)
    }

    func directive(_ directive: Directive, page: Int) -> [String: Any] {
        let path = URLScheme.directive(directive.key, page: page)
        var context = base(
            path: path, title: directive.title, description: directive.subject, section: .directives,
            breadcrumbs: [("Trang chủ", URLScheme.home), ("Văn bản căn cứ", URLScheme.directives)])
        var details: [String: Any] = [
            "title": directive.title, "symbol": directive.symbol, "type": directive.type,
            "level": directive.level.name, "variants": directive.variants,
            "has_variants": !directive.variants.isEmpty, "count": directive.citedBy.count
        ]
        if let date = directive.date {
            details["date"] = date.vietnameseLong
            details["date_iso"] = date.iso
        }
        if let issuer = directive.issuer { details["issuer"] = issuer }
        if let subject = directive.subject { details["subject"] = subject }
        context["directive"] = details
        let root = URLScheme.rootPrefix(of: path)
        let size = site.settings.pageSize
        context["cited_by"] = directive.citedBy.dropFirst((page - 1) * size).prefix(size).map {
            entry -> [String: Any] in
            var row = fragments.row(entry.document)
            row["summary_html"] = fragments.html("document-summary", document: entry.document, root: root)
            row["relation"] = entry.relation == .basis ? "Văn bản căn cứ" : "Văn bản dẫn chiếu"
            // Read from the citing document: the index keeps where the citation is, not its words.
            let citations = site.documents[entry.document].rendered.citations
            row["sentence"] = citations.indices.contains(entry.position) ? citations[entry.position].sentence : ""
            return row
        }
        context["pagination"] = pagination(current: page, count: directivePageCount(directive)) {
            URLScheme.directive(directive.key, page: $0)
        }
        return context
    }

    func page(_ page: SourcePage, body: String) -> [String: Any] {
        let path = URLScheme.page(page.slug)
        var context = base(path: path, title: page.title, section: .page, breadcrumbs: [("Trang chủ", URLScheme.home)])
        context["body"] = body
        return context
    }

    func search() -> [String: Any] {
        base(
            path: URLScheme.search, title: "Tìm kiếm",
            description: "Tìm văn bản công khai theo từ khóa, số hiệu, đơn vị", section: .search,
            breadcrumbs: [("Trang chủ", URLScheme.home)])
    }

    /// Served for a missing address at any depth: with `base_url` its links are absolute;
    /// without, its stylesheet is inline (`style`) and a few lines of script in the template
    /// (`find_root`) find the portal's root from the page's own address and mend its links.
    func notFound(style: String?) -> [String: Any] {
        var context = base(
            path: URLScheme.notFound, title: "Không tìm thấy trang", section: .none,
            root: site.settings.baseURL.map { $0 + "/" })
        guard site.settings.baseURL == nil else { return context }
        // "</style" in a portal's own stylesheet would end the element early.
        context["inline_style"] = style?.replacingOccurrences(of: "</", with: "<\\/")
        context["find_root"] = true
        return context
    }

    private func listingLinks(_ include: (ListingKind) -> Bool) -> [[String: Any]] {
        site.listings.filter { include($0.kind) }.map {
            ["title": $0.title, "url": URLScheme.listing($0.kind), "count": $0.documents.count]
        }
    }
}
