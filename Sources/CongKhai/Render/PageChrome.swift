import VietText

/// The `header` and `footer` partials, the same on every page but for the way back to the root
/// and the menu entry that is current: rendered once per current entry rather than once per
/// page, where they were a sixth of the work of rendering a portal's pages. The same for the
/// head's links (`head-links`) and the breadcrumbs' trail above a page (`breadcrumbs`, once
/// per trail: every cited text's page has the same), a quarter of a cited text's page's
/// lookups.
struct PageChrome: @unchecked Sendable {
    private let templates: TemplateLibrary
    /// Index 0 with no current entry, then one per menu entry.
    private let headers: [RootRelativeFragment]
    private let footer: RootRelativeFragment
    private let headLinks: RootRelativeFragment
    /// The breadcrumbs' fragments made so far, one per trail (its titles and addresses).
    private let trails = MadeOnce<[String], RootRelativeFragment>()

    /// `context(current)` is what the partials see: `site` and `nav` with `current` set on the
    /// entry at that index.
    init(menuEntries: Int, templates: TemplateLibrary, context: (Int?) -> [String: Any]) {
        self.templates = templates
        headers = ([nil] + (0..<menuEntries).map { Optional($0) }).map {
            RootRelativeFragment(rendering: context($0), template: "header", templates: templates)
                .trimmingFinalLineBreak()
        }
        footer = RootRelativeFragment(rendering: context(nil), template: "footer", templates: templates)
            .trimmingFinalLineBreak()
        headLinks = RootRelativeFragment(rendering: context(nil), template: "head-links", templates: templates)
            .trimmingFinalLineBreak()
    }

    /// `header_html` and `footer_html` for a page whose context is `page`, each without its last
    /// line break: `{{{header_html}}}` on a line of its own writes what `{{>header}}` did.
    func html(current: Int?, page: [String: Any]) -> (header: String, footer: String) {
        let root = page["root"] as? String ?? ""
        return (
            headers[Self.slot(current)].html(root: root) { perPage("header", page) },
            footer.html(root: root) { perPage("footer", page) }
        )
    }

    /// `head_links_html`: rendered for the page itself when it inlines its stylesheet.
    func headLinksHTML(page: [String: Any]) -> String {
        guard page["inline_style"] == nil else { return perPage("head-links", page) }
        return headLinks.html(root: page["root"] as? String ?? "") { perPage("head-links", page) }
    }

    /// `breadcrumbs_html`: the trail's links (title, address), without the page's own title,
    /// which the layout adds.
    func breadcrumbsHTML(_ trail: [(String, String)], page: [String: Any]) -> String {
        let fragment = trails.value(for: trail.flatMap { [$0.0, $0.1] }) {
            RootRelativeFragment(
                rendering: ["breadcrumbs": trail.map { ["title": $0.0, "url": $0.1] }], template: "breadcrumbs",
                templates: templates
            ).trimmingFinalLineBreak()
        }
        return fragment.html(root: page["root"] as? String ?? "") { perPage("breadcrumbs", page) }
    }

    /// Where the menu entry `current` is in lists made per current entry: 0 for none, then one
    /// per entry.
    static func slot(_ current: Int?) -> Int { current.map { $0 + 1 } ?? 0 }

    private func perPage(_ template: String, _ page: [String: Any]) -> String {
        String(RootRelativeFragment.trimmingFinalLineBreak(templates.render(page, template: template)[...]))
    }
}
