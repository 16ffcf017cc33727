import CCmarkGFM

/// Where an appendix (phụ lục) starts: a line `<!-- phụ lục -->` on its own, between blocks
/// (with or without accents, in any case). Written as an HTML comment so the same file reads
/// right in any other Markdown viewer, which shows nothing there. The page renders what
/// follows after the signature block, and print starts it on a new page, as Nghị định 30/2020
/// places an appendix; each further marker starts another appendix. docs/content-format.md.
enum AppendixMarker {
    static let text = "<!-- phụ lục -->"

    /// Whether `node`, a block of the document's top level, is the marker.
    static func isMarker(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) else { return false }
        let words = VietnameseText.fold(String(cString: literal)).split { !($0.isLetter || $0.isNumber) }
        return words == ["phu", "luc"] && String(cString: literal).hasPrefix("<!--")
    }

    /// Moves each part after a marker out of `document` into a document of its own, dropping
    /// the markers: the body stays in `document`; the appendices are returned, in order (the
    /// caller frees them).
    static func split(_ document: OpaquePointer) -> [OpaquePointer] {
        var appendices: [OpaquePointer] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            if isMarker(current) {
                cmark_node_unlink(current)
                cmark_node_free(current)
                if let appendix = cmark_node_new(CMARK_NODE_DOCUMENT) { appendices.append(appendix) }
            } else if let appendix = appendices.last {
                cmark_node_unlink(current)
                cmark_node_append_child(appendix, current)
            }
        }
        return appendices
    }
}
