/// The partials that show one document the same way wherever it is listed (`document-row` in
/// tables, `document-summary` in a directive's citing documents), rendered once per document
/// rather than once per listing it appears in: a 10,000-document portal lists each document on
/// seven pages or so, and Mustache looks every value up anew each time.
///
/// A fragment is rendered with a marker in place of `{{root}}` and kept cut at the markers, so
/// each page joins it with its own way back to the root.
/// Immutable once made; its rows hold `Any` values (what Mustache takes).
struct DocumentFragments: @unchecked Sendable {
    static let names = ["document-row", "document-summary"]
    /// Stands for `root` while a fragment renders. C0 controls are removed from sources; a value
    /// that still holds one (a YAML escape) makes that document's fragments render per page.
    static let rootMarker: Character = "\u{1}"

    /// Per fragment name, per document: the pieces between roots, or nil to render per page.
    private let pieces: [String: [[Substring]?]]
    private let templates: TemplateLibrary
    private let rows: [[String: Any]]

    init(rows: [[String: Any]], templates: TemplateLibrary) {
        self.rows = rows
        self.templates = templates
        var pieces: [String: [[Substring]?]] = [:]
        let rows = Rows(values: rows)
        let markerFree = rows.values.map { row in !row.values.contains { ($0 as? String)?.contains(Self.rootMarker) ?? false } }
        for name in Self.names {
            pieces[name] = ParallelMap.map(Array(rows.values.indices)) { index -> [Substring]? in
                guard markerFree[index] else { return nil }
                var context = rows.values[index]
                context["root"] = String(Self.rootMarker)
                return templates.render(context, template: name).split(separator: Self.rootMarker, omittingEmptySubsequences: false)
            }
        }
        self.pieces = pieces
    }

    private struct Rows: @unchecked Sendable { let values: [[String: Any]] }

    /// The fragment for document `index` as seen from a page whose root prefix is `root`.
    func html(_ name: String, document index: Int, root: String) -> String {
        if let cut = pieces[name]?[index] { return cut.joined(separator: root) }
        var context = rows[index]
        context["root"] = root
        return templates.render(context, template: name)
    }

    /// Several documents' fragments, one after another.
    func html(_ name: String, documents: [Int], root: String) -> String {
        var html = ""
        for index in documents { html += self.html(name, document: index, root: root) }
        return html
    }
}
