import CCmarkGFM
import Foundation
import VietText

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
    /// A heading's level (1–6); nil for paragraphs and table cells.
    let headingLevel: Int?
    private var byteCount = 0
    private var segments: [Segment] = []
    /// (offset in `text`, source line) where each joined block starts.
    private var lineAnchors: [(offset: Int, line: Int)]

    init(line: Int, isParagraph: Bool, headingLevel: Int? = nil) {
        self.line = line
        self.isParagraph = isParagraph
        self.headingLevel = headingLevel
        lineAnchors = [(0, line)]
    }

    func append(_ literal: String, node: OpaquePointer?) {
        let length = literal.utf8.count
        if let node { segments.append(Segment(node: node, start: byteCount, end: byteCount + length)) }
        text += literal
        byteCount += length
    }

    /// Appends another block's text after a line break, keeping its text nodes and lines.
    func absorb(_ other: TextBlock) {
        newlineOffsets = nil
        append("\n", node: nil)
        let shift = byteCount
        lineAnchors.append((shift, other.line))
        for segment in other.segments {
            segments.append(Segment(node: segment.node, start: segment.start + shift, end: segment.end + shift))
        }
        text += other.text
        byteCount += other.byteCount
    }

    /// Offsets of the "\n"s in `text`, computed once when first asked.
    private var newlineOffsets: [Int]?

    /// The source line (relative to the Markdown) of a byte offset in `text`.
    func line(at offset: Int) -> Int {
        if newlineOffsets == nil {
            newlineOffsets = text.withUTF8Bytes { bytes in bytes.indices.filter { bytes[$0] == 0x0A } }
        }
        let anchor = lineAnchors.last { $0.offset <= offset } ?? lineAnchors[0]
        let newlines = newlineOffsets!
        return anchor.line + countBelow(newlines, offset) - countBelow(newlines, anchor.offset)
    }

    /// How many sorted values are below `limit` (binary search).
    private func countBelow(_ values: [Int], _ limit: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sets a text node's literal to `bytes`, as cmark-gfm copies a C string.
    private static func setLiteral(_ node: OpaquePointer, _ bytes: ArraySlice<UInt8>) {
        var cString = Array(bytes)
        cString.append(0)
        cString.withUnsafeBytes {
            _ = cmark_node_set_literal(node, $0.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
    }

    /// Wraps each range (bytes start..<end of `text`) in a link when it lies inside one text node
    /// that is not already inside a link; other ranges leave the tree alone (the citation is
    /// still indexed). Each text node is read and split once, however many links it gets.
    func link(_ ranges: [(start: Int, end: Int, url: String)]) {
        var bySegment: [Int: [(start: Int, end: Int, url: String)]] = [:]
        var cursor = 0
        for range in ranges.sorted(by: { $0.start < $1.start }) {
            while cursor < segments.count && segments[cursor].end <= range.start { cursor += 1 }
            guard cursor < segments.count, segments[cursor].start <= range.start, range.end <= segments[cursor].end
            else { continue }
            bySegment[cursor, default: []].append(range)
        }
        for (index, ranges) in bySegment {
            let segment = segments[index]
            var ancestor = cmark_node_parent(segment.node)
            var insideLink = false
            while let node = ancestor {
                if cmark_node_get_type(node) == CMARK_NODE_LINK {
                    insideLink = true
                    break
                }
                ancestor = cmark_node_parent(node)
            }
            if insideLink { continue }
            // The literal's bytes pass from node to node as they are: made into Strings, each
            // would be checked as UTF-8 again.
            guard let pointer = cmark_node_get_literal(segment.node) else { continue }
            let literal = Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
            var position = 0
            var last = segment.node
            var first = true
            func addText(_ bytes: ArraySlice<UInt8>) {
                if first {
                    Self.setLiteral(segment.node, bytes)
                    first = false
                } else if !bytes.isEmpty, let node = cmark_node_new(CMARK_NODE_TEXT) {
                    Self.setLiteral(node, bytes)
                    cmark_node_insert_after(last, node)
                    last = node
                }
            }
            for range in ranges {
                let localStart = range.start - segment.start, localEnd = range.end - segment.start
                guard localStart >= position, let link = cmark_node_new(CMARK_NODE_LINK),
                    let label = cmark_node_new(CMARK_NODE_TEXT)
                else { continue }
                addText(literal[position..<localStart])
                cmark_node_set_url(link, range.url)
                Self.setLiteral(label, literal[localStart..<localEnd])
                cmark_node_append_child(link, label)
                cmark_node_insert_after(last, link)
                last = link
                position = localEnd
            }
            addText(literal[position...])
        }
    }
}

enum TextBlocks {
    /// Walks the tree once: collects the blocks' text and neutralises links that use the
    /// citation placeholder scheme, so only congkhai's own citation links carry it.
    static func collect(_ document: OpaquePointer, link: (String, Int) -> Void = { _, _ in }) -> [TextBlock] {
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
                    let block = TextBlock(
                        line: Int(cmark_node_get_start_line(node)), isParagraph: type == CMARK_NODE_PARAGRAPH,
                        headingLevel: type == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : nil)
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
                url.lowercased().hasPrefix(MarkdownRenderer.placeholderScheme)
            {
                cmark_node_set_url(node, "")
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node).map({ String(cString: $0) })
            {
                link(
                    url,
                    Int(cmark_node_get_start_line(node)) > 0
                        ? Int(cmark_node_get_start_line(node)) : (stack.last?.line ?? 1))
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
                let first = block.text.first(where: { !$0.isWhitespace }), first.isLowercase
            {
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
