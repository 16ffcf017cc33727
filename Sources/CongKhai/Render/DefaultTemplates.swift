/// The templates and assets built into the binary (from the repository's templates/), so a
/// portal with only congkhai.yaml and content/ builds.
enum DefaultTemplates {
    static let templates: [String: [UInt8]] = [
        "layout": PackageResources.layout_mustache, "header": PackageResources.header_mustache,
        "footer": PackageResources.footer_mustache, "document-table": PackageResources.document_table_mustache,
        "document-row": PackageResources.document_row_mustache,
        "document-summary": PackageResources.document_summary_mustache,
        "directive-link": PackageResources.directive_link_mustache,
        "pagination": PackageResources.pagination_mustache, "home": PackageResources.home_mustache,
        "document": PackageResources.document_mustache, "unit": PackageResources.unit_mustache,
        "units": PackageResources.units_mustache, "listing": PackageResources.listing_mustache,
        "listings": PackageResources.listings_mustache, "directive": PackageResources.directive_mustache,
        "directives": PackageResources.directives_mustache, "page": PackageResources.page_mustache,
        "not-found": PackageResources.not_found_mustache, "feed": PackageResources.feed_mustache,
        "sitemap": PackageResources.sitemap_mustache, "search": PackageResources.search_mustache,
        "checklist": PackageResources.checklist_mustache, "progress": PackageResources.progress_mustache,
        "compliance-summary": PackageResources.compliance_summary_mustache,
        "head-links": PackageResources.head_links_mustache, "breadcrumbs": PackageResources.breadcrumbs_mustache
    ]

    static let assets: [String: [UInt8]] = [
        "style.css": PackageResources.style_css, "search.js": PackageResources.search_js,
        "compliance.js": PackageResources.compliance_js, "document.js": PackageResources.document_js,
        "directives.js": PackageResources.directives_js,
        "favicon.svg": PackageResources.favicon_svg
    ]
}
