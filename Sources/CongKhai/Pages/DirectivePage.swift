import Foundation
import VietText

/// One page of a cited text: what is known of it and the documents citing it.
struct DirectivePage: PageKind {
    let index: Int
    let page: Int

    static func pages(_ site: SiteModel, _ contexts: PageContexts) -> [DirectivePage] {
        site.directives.indices.flatMap { index in
            (1...contexts.directivePageCount(site.directives[index])).map { DirectivePage(index: index, page: $0) }
        }
    }

    func path(_ site: SiteModel) -> String { URLScheme.directive(site.directives[index].key, page: page) }

    func render(_ page: PageRendering) -> Data {
        page.render(page.contexts.directive(page.site.directives[index], page: self.page), template: "directive")
    }

    func key(_ hasher: inout PageKeyHasher) -> Bool {
        let directive = hasher.site.directives[index]
        hasher.add("directive")
        hasher.add(hasher.directiveShown[index])
        hasher.add(page)
        hasher.add(directive.citedBy.count)
        hasher.add(hasher.directivePageCount(directive))
        let slice = directive.citedBy.dropFirst((page - 1) * hasher.pageSize).prefix(hasher.pageSize)
        guard hasher.addDocuments(slice.map(\.document)) else { return false }
        // A citing sentence is its document's text at the citation's position: the document's
        // key (above) and the position say it, without hashing 6 MB of sentences every build.
        for index in slice.indices {
            hasher.add(slice[index].relation == .basis ? 1 : 0)
            hasher.add(slice[index].position)
        }
        return true
    }
}

extension Directive {
    /// Its pages: the documents citing it, `pageSize` a page, one page at least.
    func pageCount(pageSize: Int) -> Int { max(1, (citedBy.count + pageSize - 1) / pageSize) }
}

extension PageContexts {
    func directivePageCount(_ directive: Directive) -> Int { directive.pageCount(pageSize: site.settings.pageSize) }

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
            row["summary_html"] = fragments.html("document-summary", row: entry.document, root: root)
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
}
