import Foundation

/// The partials that show one document the same way wherever it is listed (`document-row` in
/// tables, `document-summary` in a directive's citing documents), rendered once per document
/// rather than once per listing it appears in: a 10,000-document portal lists each document on
/// seven pages or so, and Mustache looks every value up anew each time.
///
/// A fragment is rendered with a marker in place of `{{root}}` and kept cut at the markers, so
/// each page joins it with its own way back to the root. Fragments are made on first use, so a
/// rebuild that reuses most pages renders only the rows it shows.
final class DocumentFragments: @unchecked Sendable {
    static let names = ["document-row", "document-summary"]
    /// Stands for `root` while a fragment renders. C0 controls are removed from sources; a value
    /// that still holds one (a YAML escape) makes that document's fragments render per page.
    static let rootMarker: Character = "\u{1}"

    private enum Made { case pieces([Substring]), perPage }

    private let templates: TemplateLibrary
    /// Immutable; rows hold `Any` values (what Mustache takes).
    private let rows: [[String: Any]]
    private let lock = NSLock()
    /// Fragment name → document → what was made; filled under the lock.
    private var made: [String: [Int: Made]] = [:]

    init(rows: [[String: Any]], templates: TemplateLibrary) {
        self.rows = rows
        self.templates = templates
    }

    /// The fragment for document `index` as seen from a page whose root prefix is `root`.
    func html(_ name: String, document index: Int, root: String) -> String {
        switch fragment(name, index) {
        case .pieces(let pieces): return pieces.joined(separator: root)
        case .perPage:
            var context = rows[index]
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

    private func fragment(_ name: String, _ index: Int) -> Made {
        lock.lock()
        let known = made[name]?[index]
        lock.unlock()
        if let known { return known }
        // Two threads may render the same fragment at once; both get the same text.
        let row = rows[index]
        let fragment: Made
        if row.values.contains(where: { ($0 as? String)?.contains(Self.rootMarker) ?? false }) {
            fragment = .perPage
        } else {
            var context = row
            context["root"] = String(Self.rootMarker)
            fragment = .pieces(templates.render(context, template: name).split(separator: Self.rootMarker, omittingEmptySubsequences: false))
        }
        lock.lock()
        made[name, default: [:]][index] = fragment
        lock.unlock()
        return fragment
    }
}
