import Foundation
import VietText
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a Word .docx (a ZIP of XML) into lines of text: paragraphs with bold kept as `**`,
/// numbered and bulleted paragraphs as list lines, tables either flattened (the letterhead and
/// signature tables that lay blocks side by side) or as GFM table rows.
enum DocxReader {
    enum Failure: Error {
        case notADocx(String)
        /// The text inside is larger than any school's document (a zip bomb): not unpacked.
        case tooLarge
    }

    /// word/document.xml of a 300-page report with tables is a few megabytes.
    static let maxTextBytes = 64 << 20

    static func lines(of url: URL) throws -> [String] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw Failure.notADocx("\(error)") }
        guard let entry = archive["word/document.xml"] else { throw Failure.notADocx("word/document.xml is missing") }
        // The size the archive declares, then the bytes as they come: a file may lie about it.
        guard entry.uncompressedSize <= UInt64(maxTextBytes) else { throw Failure.tooLarge }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= maxTextBytes else { throw Failure.tooLarge }
                xml.append(chunk)
            }
        } catch Failure.tooLarge {
            throw Failure.tooLarge
        } catch {
            throw Failure.notADocx("\(error)")
        }
        let handler = DocumentXMLHandler()
        let parser = XMLParser(data: xml)
        parser.delegate = handler
        parser.shouldProcessNamespaces = false
        guard parser.parse() else { throw Failure.notADocx(parser.parserError.map { "\($0)" } ?? "XML") }
        return handler.lines
    }
}

/// SAX handler over word/document.xml.
private final class DocumentXMLHandler: NSObject, XMLParserDelegate {
    struct Paragraph {
        var text = ""
        var isListItem = false
        var listLevel = 0
    }
    struct Table { var rows: [[[String]]] = [] }

    private(set) var lines: [String] = []
    private var paragraph: Paragraph?
    private var runBold = false
    private var inText = false
    private var tables: [Table] = []
    private var cell: [String]?
    private var row: [[String]]?
    private var pendingBold = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:p": paragraph = Paragraph()
        case "w:r": runBold = false
        case "w:b":
            let value = attributes["w:val"] ?? "true"
            runBold = !["0", "false", "off"].contains(value)
        case "w:t": inText = true
        case "w:tab": appendText("\t")
        case "w:br", "w:cr": appendText("\n")
        case "w:numPr": paragraph?.isListItem = true
        case "w:ilvl": paragraph?.listLevel = Int(attributes["w:val"] ?? "0") ?? 0
        case "w:tbl": tables.append(Table())
        case "w:tr": row = []
        case "w:tc": cell = []
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { appendText(string) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:r": flushBold()
        case "w:p":
            flushBold()
            guard var finished = paragraph else { return }
            paragraph = nil
            finished.text = finished.text.replacingOccurrences(of: "****", with: "")
            var text = finished.text
            if finished.isListItem, let first = text.trimmingCharacters(in: .whitespaces).first, !"-+•".contains(first)
            {
                text = (finished.listLevel > 0 ? "+ " : "- ") + text
            }
            if cell != nil {
                cell?.append(text)
            } else {
                lines.append(contentsOf: text.components(separatedBy: "\n"))
                lines.append("")
            }
        case "w:tc":
            if let finished = cell { row?.append(finished) }
            cell = nil
        case "w:tr":
            if let finished = row, !tables.isEmpty { tables[tables.count - 1].rows.append(finished) }
            row = nil
        case "w:tbl":
            if let table = tables.popLast() { emit(table) }
        default: break
        }
    }

    private func appendText(_ text: String) {
        if runBold && !text.trimmingCharacters(in: .whitespaces).isEmpty && text != "\n" && text != "\t" {
            pendingBold += text
        } else {
            flushBold()
            paragraph?.text += text
        }
    }

    /// Bold runs become `**...**`, with the spaces around them kept outside the markers.
    private func flushBold() {
        guard !pendingBold.isEmpty else { return }
        paragraph?.text += BoldText.markdown(pendingBold)
        pendingBold = ""
    }

    private func emit(_ table: Table) { lines.append(contentsOf: TableLines.lines(of: table.rows)) }
}
