import CLibXML2
import Foundation
import VietText

/// Reads a saved web page (`.html`, `.htm`) into lines of text, as the Word reader does a .docx:
/// paragraphs and headings a line each, bold kept as `**`, list items as `-` lines, tables cell
/// by cell or as GFM rows (`TableLines`). The page is parsed by libxml2's HTML parser, as a
/// browser reads it (unclosed tags, void elements, entities).
///
/// Only the page's main text is read: its `<article>` (when it has one), else its `<main>`, else
/// its body; inside it, what is no part of the document is left out: navigation, menus, asides,
/// forms, scripts, `<details>` (open or not: a page folds its asides into them), hidden elements
/// and those the page marks as for the screen only or for screen readers.
enum HTMLTextReader {
    struct Page {
        var lines: [String]
        /// Where the page was saved from: the browser's "saved from url" note, else the page's
        /// canonical address.
        var sourceURL: String?
    }

    enum Failure: Error { case unreadable }

    static func read(_ data: Data) throws(Failure) -> Page {
        let bytes = [UInt8](data)
        // Valid UTF-8 is read as UTF-8 whatever the page declares (libxml2 would take a page
        // without a declaration for Latin-1); anything else as the page declares.
        let encoding: String? = String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : nil
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        // A saved page is some megabytes; libxml2 takes its length as an Int32.
        guard bytes.count < Int(Int32.max) else { throw .unreadable }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    htmlReadMemory(chars, Int32(buffer.count), nil, encoding, options)
                }
            } ?? nil
        }
        guard let document = parsed else { throw .unreadable }
        defer { xmlFreeDoc(document) }
        // A page of comments or white space alone has no element.
        guard let root = xmlDocGetRootElement(document) else { throw .unreadable }
        var collector = LineCollector()
        collector.read(mainText(root))
        collector.endParagraph()
        return Page(lines: collector.lines, sourceURL: sourceURL(document, root: root, bytes: bytes))
    }

    // MARK: - The page

    /// The `<article>` when the page has one, else its `<main>` (or role="main"), else the body.
    private static func mainText(_ root: xmlNodePtr) -> xmlNodePtr {
        let articles = elements(named: "article", in: root)
        if articles.count == 1 { return articles[0] }
        if let main = elements(named: "main", in: root).first { return main }
        if let main = elements(in: root, where: { attribute("role", of: $0) == "main" }).first { return main }
        return elements(named: "body", in: root).first ?? root
    }

    /// "<!-- saved from url=(0045)https://… -->", which browsers write into a saved page, else
    /// `<link rel="canonical">` or `<meta property="og:url">`; only a web address.
    private static func sourceURL(_ document: htmlDocPtr, root: xmlNodePtr, bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        var candidates: [String] = []
        // The number in brackets is the address's length.
        if let range = head.range(of: "saved from url=(") {
            let digits = head[range.upperBound...].prefix(while: \.isNumber)
            let rest = head[range.upperBound...].dropFirst(digits.count).drop { $0 == ")" }
            let address = Int(digits).map { rest.prefix($0) } ?? rest.prefix { !$0.isWhitespace }
            candidates.append(String(address))
        }
        for link in elements(named: "link", in: root) where attribute("rel", of: link)?.lowercased() == "canonical" {
            candidates.append(attribute("href", of: link) ?? "")
        }
        for meta in elements(named: "meta", in: root) where attribute("property", of: meta) == "og:url" {
            candidates.append(attribute("content", of: meta) ?? "")
        }
        return candidates.map { $0.trimmingCharacters(in: .whitespaces) }.first(where: WebAddress.isValid)
    }

    // MARK: - libxml2's tree

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                // An attribute written without a value ("hidden") has no text child.
                guard let text = current.pointee.children?.pointee.content else { return "" }
                return String(cString: text)
            }
            property = current.pointee.next
        }
        return nil
    }

    static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    private static func elements(named name: String, in node: xmlNodePtr) -> [xmlNodePtr] {
        elements(in: node) { Self.name(of: $0) == name }
    }

    private static func elements(in node: xmlNodePtr, where matches: (xmlNodePtr) -> Bool) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack = [node]
        while let current = stack.popLast() {
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if matches(current) { found.append(current) }
            stack.append(contentsOf: children(of: current).reversed())
        }
        return found
    }
}

/// Turns the elements under the main text into lines, as `DocxReader` does a Word file's
/// paragraphs: each paragraph a line and a blank line after it.
private struct LineCollector {
    private(set) var lines: [String] = []
    private var paragraph = ""
    private var bold = 0
    private var pendingBold = ""
    /// Open tables: their rows, each a list of cells, each its paragraphs.
    private var tables: [[[[String]]]] = []
    private var listDepth = 0
    /// A list item's marker, put before its first text (which may be in a paragraph of its own).
    private var marker: String?

    /// Elements whose text is no part of the document.
    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "textarea",
        "details", "iframe", "svg", "canvas", "head", "title", "object", "video", "audio"
    ]
    /// Classes a page gives what is not printed or only read aloud.
    private static let skippedClasses: Set<String> = [
        "screen-only", "visually-hidden", "sr-only", "d-none", "hidden", "no-print", "noprint", "d-print-none"
    ]
    /// Elements that make a paragraph of their own.
    private static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "section", "article",
        "header", "footer", "main", "figure", "figcaption", "address", "center", "dl", "ul", "ol", "hr", "caption"
    ]

    mutating func read(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { text(String(cString: content)) }
        case XML_ELEMENT_NODE:
            element(node)
        default:
            break
        }
    }

    private mutating func element(_ node: xmlNodePtr) {
        let name = HTMLTextReader.name(of: node)
        if Self.skipped.contains(name) || isHidden(node) || isInPageLinkAlone(node) { return }
        switch name {
        case "br":
            flushBold()
            paragraph += "\n"
        case "table":
            endParagraph()
            tables.append([])
            readChildren(node)
            if let rows = tables.popLast() { emit(TableLines.lines(of: rows)) }
        case "tr":
            endParagraph()
            if !tables.isEmpty { tables[tables.count - 1].append([]) }
            readChildren(node)
        case "td", "th":
            endParagraph()
            if !tables.isEmpty, !tables[tables.count - 1].isEmpty {
                let row = tables[tables.count - 1].count - 1
                tables[tables.count - 1][row].append([])
            }
            readChildren(node)
            endParagraph()
        case "strong", "b":
            flushBold()
            bold += 1
            readChildren(node)
            bold -= 1
            flushBold()
        case "ul", "ol":
            endParagraph()
            listDepth += 1
            readChildren(node)
            listDepth -= 1
            endParagraph()
        case "li":
            endParagraph()
            marker = listDepth > 1 ? "+ " : "- "
            readChildren(node)
            endParagraph()
            marker = nil
        default:
            let isBlock = Self.blocks.contains(name)
            if isBlock { endParagraph() }
            readChildren(node)
            if isBlock { endParagraph() }
        }
    }

    private mutating func readChildren(_ node: xmlNodePtr) {
        for child in HTMLTextReader.children(of: node) { read(child) }
    }

    /// A paragraph that is one link within the page: "Lên đầu trang", "Về đầu trang".
    private func isInPageLinkAlone(_ node: xmlNodePtr) -> Bool {
        guard ["p", "div", "li"].contains(HTMLTextReader.name(of: node)) else { return false }
        let content = HTMLTextReader.children(of: node).filter { child in
            child.pointee.type == XML_ELEMENT_NODE
                || (child.pointee.type == XML_TEXT_NODE
                    && !(child.pointee.content.map { String(cString: $0) } ?? "").allSatisfy(\.isWhitespace))
        }
        guard content.count == 1, let link = content.first, HTMLTextReader.name(of: link) == "a" else { return false }
        return HTMLTextReader.attribute("href", of: link)?.hasPrefix("#") == true
    }

    private func isHidden(_ node: xmlNodePtr) -> Bool {
        if HTMLTextReader.attribute("hidden", of: node) != nil { return true }
        if HTMLTextReader.attribute("aria-hidden", of: node) == "true" { return true }
        let style = (HTMLTextReader.attribute("style", of: node) ?? "").replacingOccurrences(of: " ", with: "")
        if style.contains("display:none") || style.contains("visibility:hidden") { return true }
        let classes = (HTMLTextReader.attribute("class", of: node) ?? "").split(separator: " ").map(String.init)
        return classes.contains(where: Self.skippedClasses.contains)
    }

    /// Text as a browser shows it: runs of white space are one space.
    private mutating func text(_ raw: String) {
        var collapsed = ""
        let tail = bold > 0 ? pendingBold.last ?? paragraph.last : paragraph.last
        var lastWasSpace = tail.map { $0 == " " || $0 == "\n" } ?? true
        for character in raw {
            if character.isWhitespace {
                if !lastWasSpace { collapsed.append(" ") }
                lastWasSpace = true
            } else {
                collapsed.append(character)
                lastWasSpace = false
            }
        }
        guard !collapsed.isEmpty, collapsed != " " || !paragraph.isEmpty || !pendingBold.isEmpty else { return }
        if bold > 0 {
            pendingBold += collapsed
        } else {
            openListItem()
            paragraph += collapsed
        }
    }

    /// The first text of a list item opens with its marker.
    private mutating func openListItem() {
        if let marker, paragraph.isEmpty {
            paragraph = marker
            self.marker = nil
        }
    }

    /// Bold text becomes `**...**`, the spaces around it outside the markers.
    private mutating func flushBold() {
        defer { pendingBold = "" }
        if pendingBold.contains(where: { $0 != " " }) { openListItem() }
        paragraph += BoldText.markdown(pendingBold)
    }

    /// Ends the paragraph being read: into the open table's cell, or the lines.
    mutating func endParagraph() {
        flushBold()
        let text = paragraph.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        paragraph = ""
        guard !text.isEmpty else { return }
        emit(text.components(separatedBy: "\n") + [""])
    }

    /// Into the open table's last cell, or the lines: text in a table but in no cell (a caption,
    /// text between rows) is kept as lines of its own, as is a table inside a cell as its lines.
    private mutating func emit(_ newLines: [String]) {
        if let table = tables.indices.last, let row = tables[table].indices.last,
            let cell = tables[table][row].indices.last
        {
            tables[table][row][cell].append(contentsOf: newLines.filter { !$0.isEmpty })
        } else {
            lines.append(contentsOf: newLines)
        }
    }
}
