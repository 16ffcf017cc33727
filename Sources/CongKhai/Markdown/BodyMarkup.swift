import Foundation
import VietText

/// The finishing pass over a body's HTML as cmark-gfm wrote it, in one pass over the bytes
/// (Foundation's replacingOccurrences bridged every page through NSString, a tenth of the
/// parse step on a portal of tables):
/// - a table wider than a phone scrolls inside its own region instead of squeezing its words
///   and figures letter by letter: each table goes in a focusable, labelled region (the keyboard
///   scrolls it too; axe's scrollable-region rule);
/// - each heading gets its anchor (`BodyHeading.id`), for the table of contents.
/// cmark-gfm writes `<table>` and `<h2>` only for Markdown's own tables and headings: raw HTML
/// never passes (no CMARK_OPT_UNSAFE), so text is never mistaken for one.
enum BodyMarkup {
    static let tableOpen =
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"Bảng số liệu (kéo ngang để xem hết)\" tabindex=\"0\"><table>"
    static let tableClose = "</table></div>"

    /// `headings` are the headings of the tree `html` was rendered from, in order; their
    /// anchors are added only when as many heading tags are found (else none is).
    static func finish(_ rendered: String, headings: [BodyHeading]) -> String {
        // cmark-gfm labels a footnote's way back in English; footnotes are rare.
        let html =
            rendered.containsUTF8("data-footnote-backref")
            ? rendered.replacingOccurrences(
                of: "aria-label=\"Back to content\"", with: "aria-label=\"Quay lại nội dung\"") : rendered
        let hasTable = html.containsUTF8("<table>")
        guard hasTable || !headings.isEmpty else { return html }
        let edits: [UTF8Edit] = html.withUTF8Bytes { bytes in
            let anchored = !headings.isEmpty && headingTags(in: bytes) == headings.count
            guard hasTable || anchored else { return [] }
            var edits: [UTF8Edit] = []
            var nextHeading = 0
            var index = 0
            while let tag = bytes[index...].firstIndex(of: 0x3C) {
                index = tag
                if hasTable, starts(bytes, at: index, with: Self.table) {
                    edits.append(UTF8Edit(index..<index + Self.table.count, with: tableOpen))
                    index += Self.table.count
                } else if hasTable, starts(bytes, at: index, with: Self.tableEnd) {
                    edits.append(UTF8Edit(index..<index + Self.tableEnd.count, with: tableClose))
                    index += Self.tableEnd.count
                } else if anchored, isHeadingTag(bytes, at: index) {
                    // "<h2>" becomes "<h2 id=\"muc-...\">".
                    edits.append(UTF8Edit(index + 3..<index + 3, with: " id=\"\(headings[nextHeading].id)\""))
                    nextHeading += 1
                    index += 3
                } else {
                    index += 1
                }
            }
            return edits
        }
        return html.applyingUTF8Edits(edits)
    }

    private static let table = Array("<table>".utf8), tableEnd = Array("</table>".utf8)

    /// "<h1>" to "<h6>", as cmark-gfm opens a heading.
    private static func isHeadingTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index + 1] == 0x68 && (0x31...0x36).contains(bytes[index + 2])
            && bytes[index + 3] == 0x3E
    }

    private static func headingTags(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for index in bytes.indices where bytes[index] == 0x3C && isHeadingTag(bytes, at: index) { count += 1 }
        return count
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with tag: [UInt8]) -> Bool {
        guard index + tag.count <= bytes.count else { return false }
        for offset in tag.indices where bytes[index + offset] != tag[offset] { return false }
        return true
    }
}
