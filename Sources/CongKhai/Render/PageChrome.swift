/// The `header` and `footer` partials, the same on every page but for the way back to the root
/// and the menu entry that is current: rendered once per current entry rather than once per
/// page, where they were a sixth of the work of rendering a portal's pages.
struct PageChrome: @unchecked Sendable {
    private let templates: TemplateLibrary
    /// Index 0 with no current entry, then one per menu entry.
    private let headers: [RootRelativeFragment]
    private let footer: RootRelativeFragment

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
    }

    /// `header_html` and `footer_html` for a page whose context is `page`, each without its last
    /// line break: `{{{header_html}}}` on a line of its own writes what `{{>header}}` did.
    func html(current: Int?, page: [String: Any]) -> (header: String, footer: String) {
        let root = page["root"] as? String ?? ""
        func perPage(_ template: String) -> String {
            String(RootRelativeFragment.trimmingFinalLineBreak(templates.render(page, template: template)[...]))
        }
        return (
            headers[current.map { $0 + 1 } ?? 0].html(root: root) { perPage("header") },
            footer.html(root: root) { perPage("footer") }
        )
    }
}
