import CCmarkGFM
import Foundation

/// The text of each block of a parsed Markdown document (paragraphs, headings, table cells),
/// with emphasis dropped and line breaks kept as "\n", and where each piece came from, so a
/// citation found in the text can be turned into a link in the tree.
final class TextBlock {
    struct Segment {
        var node: OpaquePointer
        var start: Int
        var end: Int
    }

    var text = ""
    var line: Int
    /// A paragraph: may be joined with the next one (see `TextBlocks.joinBrokenParagraphs`).
    let isParagraph: Bool
    private var byteCount = 0
    private var segments: [Segment] = []
    /// (offset in `text`, source line) where each joined block starts.
    private var lineAnchors: [(offset: Int, line: Int)]

    init(line: Int, isParagraph: Bool) {
        self.line = line
        self.isParagraph = isParagraph
        lineAnchors = [(0, line)]
    }

    /// Appends another block's text after a line break, keeping its text nodes and lines.
    func absorb(_ other: TextBlock) {
        append("\n", node: nil)
        let shift = byteCount
        lineAnchors.append((shift, other.line))
        for segment in other.segments {
            segments.append(Segment(node: segment.node, start: segment.start + shift, end: segment.end + shift))
        }
        text += other.text
        byteCount += other.byteCount
    }

    /// The source line (relative to the Markdown) of a byte offset in `text`.
    func line(at offset: Int) -> Int {
        let anchor = lineAnchors.last { $0.offset <= offset } ?? lineAnchors[0]
        var count = 0
        var index = 0
        for byte in text.utf8 {
            if index >= offset { break }
            if index >= anchor.offset && byte == 0x0A { count += 1 }
            index += 1
        }
        return anchor.line + count
    }

    func append(_ literal: String, node: OpaquePointer?) {
        let length = literal.utf8.count
        if let node { segments.append(Segment(node: node, start: byteCount, end: byteCount + length)) }
        text += literal
        byteCount += length
    }

    /// Wraps bytes start..<end in a link when they lie inside one text node that is not
    /// already inside a link; otherwise leaves the tree alone (the citation is still indexed).
    func link(start: Int, end: Int, url: String) {
        guard let segmentIndex = segments.firstIndex(where: { $0.start <= start && end <= $0.end }) else { return }
        let segment = segments[segmentIndex]
        var ancestor = cmark_node_parent(segment.node)
        while let node = ancestor {
            if cmark_node_get_type(node) == CMARK_NODE_LINK { return }
            ancestor = cmark_node_parent(node)
        }
        let literal = Array(String(cString: cmark_node_get_literal(segment.node)).utf8)
        let localStart = start - segment.start
        let localEnd = end - segment.start
        let before = String(decoding: literal[..<localStart], as: UTF8.self)
        let inside = String(decoding: literal[localStart..<localEnd], as: UTF8.self)
        let after = String(decoding: literal[localEnd...], as: UTF8.self)

        guard let link = cmark_node_new(CMARK_NODE_LINK), let label = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_url(link, url)
        cmark_node_set_literal(label, inside)
        cmark_node_append_child(link, label)
        cmark_node_insert_after(segment.node, link)
        cmark_node_set_literal(segment.node, before)
        var replaced = [Segment(node: segment.node, start: segment.start, end: segment.start + localStart)]
        if !after.isEmpty, let tail = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(tail, after)
            cmark_node_insert_after(link, tail)
            replaced.append(Segment(node: tail, start: segment.start + localEnd, end: segment.end))
        }
        segments.replaceSubrange(segmentIndex...segmentIndex, with: replaced)
    }
}

enum TextBlocks {
    /// Walks the tree once: collects the blocks' text and neutralises links that use the
    /// citation placeholder scheme, so only congkhai's own citation links carry it.
    static func collect(_ document: OpaquePointer) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var stack: [TextBlock] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isTextContainer = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || isTableCell(node)
            if isTextContainer {
                if event == CMARK_EVENT_ENTER {
                    let block = TextBlock(line: Int(cmark_node_get_start_line(node)), isParagraph: type == CMARK_NODE_PARAGRAPH)
                    stack.append(block)
                    blocks.append(block)
                } else if event == CMARK_EVENT_EXIT {
                    _ = stack.popLast()
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
               let url = cmark_node_get_url(node).map({ String(cString: $0) }),
               url.lowercased().hasPrefix(MarkdownRenderer.placeholderScheme) {
                cmark_node_set_url(node, "")
            }
            guard let block = stack.last else { continue }
            switch type {
            case CMARK_NODE_TEXT:
                block.append(String(cString: cmark_node_get_literal(node)), node: node)
            case CMARK_NODE_CODE:
                block.append(String(cString: cmark_node_get_literal(node)), node: nil)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                block.append("\n", node: nil)
            default:
                break
            }
        }
        return joinBrokenParagraphs(blocks)
    }

    /// Text taken from PDF breaks sentences, and sometimes citations, across a page break,
    /// which Markdown reads as two paragraphs. A paragraph that does not end a sentence, followed
    /// by one that starts in lowercase, is scanned as one text.
    static func joinBrokenParagraphs(_ blocks: [TextBlock]) -> [TextBlock] {
        var joined: [TextBlock] = []
        for block in blocks {
            if let previous = joined.last, previous.isParagraph, block.isParagraph,
               let last = previous.text.last(where: { !$0.isWhitespace }), !".;:!?”\")".contains(last),
               let first = block.text.first(where: { !$0.isWhitespace }), first.isLowercase {
                previous.absorb(block)
            } else {
                joined.append(block)
            }
        }
        return joined
    }

    private static func isTableCell(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "table_cell") == 0
    }
}
