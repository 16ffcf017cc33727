import CCmarkGFM
import VietText

/// A heading of a document's body or appendix, for the page's table of contents.
package struct BodyHeading: Sendable, Hashable {
    package var level: Int
    package var text: String
    /// The heading's anchor on the page: "muc-" and its slug ("muc-i-muc-dich-yeu-cau"), so
    /// it never meets the page's own ids (none starts so); a repeated one gets "-2", "-3".
    package var id: String

    /// The headings of `parts` (the body's tree, then each appendix's), in the order cmark-gfm
    /// renders them, with anchors unique across the page.
    static func collect(_ parts: [OpaquePointer]) -> [[BodyHeading]] {
        var used = Set<String>()
        return parts.map { root in
            var headings: [BodyHeading] = []
            guard let iterator = cmark_iter_new(root) else { return [] }
            defer { cmark_iter_free(iterator) }
            var current: (level: Int, text: String)?
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    if event == CMARK_EVENT_ENTER {
                        current = (Int(cmark_node_get_heading_level(node)), "")
                    } else if let heading = current {
                        let text = heading.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        let slug = VietnameseText.slug(text, maxLength: 60)
                        let base = "muc-" + (slug.isEmpty ? "\(used.count + 1)" : slug)
                        // "Phụ lục", "Phụ lục", "Phụ lục 2": the third cannot take the second's id.
                        var id = base, number = 1
                        while used.contains(id) {
                            number += 1
                            id = "\(base)-\(number)"
                        }
                        used.insert(id)
                        headings.append(BodyHeading(level: heading.level, text: text, id: id))
                        current = nil
                    }
                } else if event == CMARK_EVENT_ENTER, current != nil {
                    switch type {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        current?.text += String(cString: cmark_node_get_literal(node))
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: current?.text += " "
                    default: break
                    }
                }
            }
            return headings
        }
    }
}
