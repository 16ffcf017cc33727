import CCmarkGFM
import Foundation
import VietText

/// Splits a document's cmark tree at its appendix markers (`AppendixMarker`, top level only: not
/// inside a list or a quote). The page renders what follows after the signature block, and print
/// starts it on a new page, as Nghị định 30/2020 places an appendix; each further marker starts
/// another appendix.
enum AppendixSplit {
    /// Whether `node`, a block of the document's top level, is the marker.
    static func isMarker(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(node) else {
            return false
        }
        return AppendixMarker.isMarker(String(cString: literal))
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
