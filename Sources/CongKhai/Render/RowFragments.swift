import VietText

/// The partials that show one row the same way wherever it is listed, rendered once per row
/// rather than once per page it appears on: a document (`document-row` in tables,
/// `document-summary` in a directive's citing documents), listed on seven pages or so of a
/// 10,000-document portal; a directive (`directive-link` in the basis and references of the
/// documents citing it). Mustache looks every value up anew each time, and lookups are most of
/// a page's cost.
///
/// Each is a `RootRelativeFragment`, made on first use, so a rebuild that reuses most pages
/// renders only the rows it shows.
final class RowFragments: @unchecked Sendable {
    private let templates: TemplateLibrary
    /// Makes a row: the values its partials (and tables) show.
    private let makeRow: (Int) -> [String: Any]
    /// Fragments joined on one line (`directive-link` items in `<ul>...</ul>`): the final line
    /// break of the partial's file is not theirs.
    private let oneLine: Bool
    /// Rows made so far, by index: a rebuild that reuses most pages makes only the rows it shows.
    private let rows = MadeOnce<Int, [String: Any]>()
    /// (fragment name, row) → what was made.
    private let made = MadeOnce<FragmentKey, RootRelativeFragment>()

    private struct FragmentKey: Hashable {
        var name: String
        var row: Int
    }

    init(templates: TemplateLibrary, oneLine: Bool = false, row: @escaping (Int) -> [String: Any]) {
        self.templates = templates
        self.oneLine = oneLine
        makeRow = row
    }

    /// Row `index`, made on first use.
    func row(_ index: Int) -> [String: Any] {
        rows.value(for: index) { makeRow(index) }
    }

    /// The fragment for row `index` as seen from a page whose root prefix is `root`.
    func html(_ name: String, row index: Int, root: String) -> String {
        fragment(name, index).html(root: root) {
            var context = row(index)
            context["root"] = root
            let html = templates.render(context, template: name)
            return oneLine ? String(RootRelativeFragment.trimmingFinalLineBreak(html[...])) : html
        }
    }

    /// Several rows' fragments, one after another.
    func html(_ name: String, rows: [Int], root: String) -> String {
        var html = ""
        for index in rows { html += self.html(name, row: index, root: root) }
        return html
    }

    private func fragment(_ name: String, _ index: Int) -> RootRelativeFragment {
        made.value(for: FragmentKey(name: name, row: index)) {
            let fragment = RootRelativeFragment(rendering: row(index), template: name, templates: templates)
            return oneLine ? fragment.trimmingFinalLineBreak() : fragment
        }
    }
}
