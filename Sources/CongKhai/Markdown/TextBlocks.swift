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

    /// The block's text, made once from its bytes when first read after the last append.
    var text: String {
        if let madeText { return madeText }
        let made = String(decoding: bytes, as: UTF8.self)
        madeText = made
        return made
    }
    var line: Int
    /// A paragraph: may be joined with the next one (see `TextBlocks.joinBrokenParagraphs`).
    let isParagraph: Bool
    /// A heading's level (1–6); nil for paragraphs and table cells.
    let headingLevel: Int?
    /// The text's UTF-8, gathered node by node: one String made at the end is checked as UTF-8
    /// once, where a String per node and `+=` checked and copied each piece.
    private(set) var bytes: [UInt8] = []
    private var madeText: String?
    private var segments: [Segment] = []
    /// (offset in `text`, source line) where each joined block starts.
    private var lineAnchors: [(offset: Int, line: Int)]

    init(line: Int, isParagraph: Bool, headingLevel: Int? = nil) {
        self.line = line
        self.isParagraph = isParagraph
        self.headingLevel = headingLevel
        lineAnchors = [(0, line)]
    }

    /// Appends a node's literal (a C string, as cmark-gfm keeps it).
    func append(_ literal: UnsafePointer<CChar>, node: OpaquePointer?) {
        let length = strlen(literal)
        if let node { segments.append(Segment(node: node, start: bytes.count, end: bytes.count + length)) }
        literal.withMemoryRebound(to: UInt8.self, capacity: length) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        madeText = nil
    }

    func appendLineBreak() {
        bytes.append(0x0A)
        madeText = nil
    }

    /// Appends another block's text after a line break, keeping its text nodes and lines.
    func absorb(_ other: TextBlock) {
        newlineOffsets = nil
        appendLineBreak()
        let shift = bytes.count
        lineAnchors.append((shift, other.line))
        for segment in other.segments {
            segments.append(Segment(node: segment.node, start: segment.start + shift, end: segment.end + shift))
        }
        bytes += other.bytes
    }

    /// Offsets of the "\n"s in `text`, computed once when first asked.
    private var newlineOffsets: [Int]?

    /// The source line (relative to the Markdown) of a byte offset in `text`.
    func line(at offset: Int) -> Int {
        if newlineOffsets == nil {
            newlineOffsets = bytes.indices.filter { bytes[$0] == 0x0A }
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
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { break }
                block.append(literal, node: type == CMARK_NODE_TEXT ? node : nil)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                block.appendLineBreak()
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
            if let previous = joined.last, previous.isParagraph, block.isParagraph, !endsSentence(previous),
                startsLowercase(block)
            {
                previous.absorb(block)
            } else {
                joined.append(block)
            }
        }
        return joined
    }

    /// Whether the block's last Character that is not white space ends a sentence. Read from
    /// the bytes when it is ASCII after ASCII white space, most blocks; by Characters otherwise.
    private static func endsSentence(_ block: TextBlock) -> Bool {
        if let last = block.bytes.last(where: { !isASCIISpace($0) }), last < 0x80 {
            return ".;:!?\")".utf8.contains(last)
        }
        guard let last = block.text.last(where: { !$0.isWhitespace }) else { return true }
        return ".;:!?”\")".contains(last)
    }

    /// Whether its first Character that is not white space is lowercase; bytes first, as above.
    private static func startsLowercase(_ block: TextBlock) -> Bool {
        if let first = block.bytes.first(where: { !isASCIISpace($0) }), first < 0x80 {
            return first >= 0x61 && first <= 0x7A
        }
        return block.text.first(where: { !$0.isWhitespace })?.isLowercase ?? false
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func isTableCell(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "table_cell") == 0
    }
}
