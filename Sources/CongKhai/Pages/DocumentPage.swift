import Citations
import Foundation
import VietText

/// A document: its record, its text and appendices, what it cites.
struct DocumentPage: PageKind {
    let index: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [DocumentPage] {
        site.documents.indices.map(DocumentPage.init)
    }

    func path(_ site: SiteModel) -> String { site.documents[index].url }

    func render(_ page: PageRendering) -> Data {
        let data = page.render(page.contexts.document(index), template: "document")
        // Nothing else shows the body: its HTML goes, a tenth of a large build's memory each.
        if let again = page.parseAgain {
            let source = page.site.documents[index].source
            page.site.documents[index].rendered.releaseHTML { again(source) }
        }
        return data
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        hasher.add("document")
        guard hasher.addDocuments([index]) else { return false }
        // The address and title of the directive each citation links to, titles depending on
        // every document citing them. The basis and references listed are these directives,
        // told apart by the citations' relations, which the document's own text decides.
        let places = hasher.site.documents[index].directivePlaces
        hasher.add(places.count)
        for place in places { hasher.add(hasher.directiveTitled[Int(place)]) }
        return true
    }
}

extension PageContexts {
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
            ("status", source.status), ("replaces", source.replaces), ("source_url", source.sourceURL)
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
            keys.compactMap { directiveIndexByKey[$0] }.map {
                ["title": site.directives[$0].title, "url": site.directives[$0].url]
            }
        }
        details["basis"] = links(document.basis)
        details["has_basis"] = !document.basis.isEmpty
        details["references"] = links(document.references)
        details["has_references"] = !document.references.isEmpty
        // The same links as `directive-link` makes them, each rendered once for the portal.
        let linkHTML = { (keys: [String]) in
            directiveFragments.html("directive-link", rows: keys.compactMap { directiveIndexByKey[$0] }, root: root)
        }
        details["basis_html"] = linkHTML(document.basis)
        details["references_html"] = linkHTML(document.references)
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
}
