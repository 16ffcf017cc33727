import Foundation

/// The partials that show one document the same way wherever it is listed (`document-row` in
/// tables, `document-summary` in a directive's citing documents), rendered once per document
/// rather than once per listing it appears in: a 10,000-document portal lists each document on
/// seven pages or so, and Mustache looks every value up anew each time.
///
/// Each is a `RootRelativeFragment`, made on first use, so a rebuild that reuses most pages
/// renders only the rows it shows.
final class DocumentFragments: @unchecked Sendable {
    private let templates: TemplateLibrary
    /// Makes a document's row: the values its partials (and tables) show.
    private let makeRow: (Int) -> [String: Any]
    private let lock = NSLock()
    /// Rows made so far, by document; filled under the lock. A rebuild that reuses most pages
    /// makes only the rows it shows.
    private var rows: [[String: Any]?]
    /// Fragment name → document → what was made; filled under the lock.
    private var made: [String: [Int: RootRelativeFragment]] = [:]

    init(documents: Int, templates: TemplateLibrary, row: @escaping (Int) -> [String: Any]) {
        self.templates = templates
        makeRow = row
        rows = Array(repeating: nil, count: documents)
    }

    /// Document `index`'s row, made on first use.
    func row(_ index: Int) -> [String: Any] {
        madeOnce(read: { rows[index] }, make: { makeRow(index) }, keep: { rows[index] = $0 })
    }

    /// What `read` finds under the lock, or else what `make` makes outside it (two threads may
    /// make the same thing at once; both get the same), kept by `keep` under the lock.
    private func madeOnce<Value>(read: () -> Value?, make: () -> Value, keep: (Value) -> Void) -> Value {
        lock.lock()
        let known = read()
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        keep(value)
        lock.unlock()
        return value
    }

    /// The fragment for document `index` as seen from a page whose root prefix is `root`.
    func html(_ name: String, document index: Int, root: String) -> String {
        fragment(name, index).html(root: root) {
            var context = row(index)
            context["root"] = root
            return templates.render(context, template: name)
        }
    }

    /// Several documents' fragments, one after another.
    func html(_ name: String, documents: [Int], root: String) -> String {
        var html = ""
        for index in documents { html += self.html(name, document: index, root: root) }
        return html
    }

    private func fragment(_ name: String, _ index: Int) -> RootRelativeFragment {
        madeOnce(
            read: { made[name]?[index] },
            make: { RootRelativeFragment(rendering: row(index), template: name, templates: templates) },
            keep: { made[name, default: [:]][index] = $0 })
    }
}
