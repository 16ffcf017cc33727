import CCmarkGFM
import Foundation

/// Where an appendix (phụ lục) starts: a line `<!-- phụ lục -->` on its own, between blocks
/// (with or without accents, in any case, indented or not, perhaps with its label: `<!-- Phụ
/// lục II -->`); not inside a list or a quote. Written as an HTML comment so the same file reads
/// right in any other Markdown viewer, which shows nothing there. The page renders what
/// follows after the signature block, and print starts it on a new page, as Nghị định 30/2020
/// places an appendix; each further marker starts another appendix. docs/content-format.md.
enum AppendixMarker {
    static let text = "<!-- phụ lục -->"

    /// Whether `node`, a block of the document's top level, is the marker.
    static func isMarker(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) else { return false }
        let text = String(cString: literal).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return false }
        let words = VietnameseText.fold(text).split { !($0.isLetter || $0.isNumber) }
        // "phụ lục", and at most a label after it ("1", "II", "a").
        return words.count <= 3 && words.starts(with: ["phu", "luc"])
    }

    /// Moves each part after a marker out of `document` into a document of its own, dropping
    /// the markers: the body stays in `document`; the appendices that hold something are
    /// returned, in order (the caller frees them). Footnote definitions stay with the body:
    /// cmark-gfm gathers them all at the end of the text, where they would fall in the last
    /// appendix, after the signature.
    static func split(_ document: OpaquePointer) -> [OpaquePointer] {
        var appendices: [OpaquePointer] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            if isMarker(current) {
                cmark_node_unlink(current)
                cmark_node_free(current)
                if let appendix = cmark_node_new(CMARK_NODE_DOCUMENT) { appendices.append(appendix) }
            } else if let appendix = appendices.last, cmark_node_get_type(current) != CMARK_NODE_FOOTNOTE_DEFINITION {
                cmark_node_unlink(current)
                cmark_node_append_child(appendix, current)
            }
        }
        // A marker at the end, or two in a row, start nothing: no empty page is printed.
        return appendices.filter { appendix in
            guard cmark_node_first_child(appendix) == nil else { return true }
            cmark_node_free(appendix)
            return false
        }
    }
}
