/// A table wider than a phone scrolls inside its own region instead of squeezing its words and
/// figures letter by letter: each table of a body goes in a focusable, labelled region (the
/// keyboard scrolls it too; axe's scrollable-region rule). cmark-gfm writes `<table>` only for
/// a GFM table: raw HTML never passes (no CMARK_OPT_UNSAFE), so text is never mistaken for one.
enum ScrollingTables {
    static let open = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Bảng số liệu (kéo ngang để xem hết)\" tabindex=\"0\"><table>"
    static let close = "</table></div>"

    /// One pass over the bytes: Foundation's replacingOccurrences bridged every table's page
    /// through NSString, a tenth of the parse step on a portal of tables.
    static func wrap(_ html: String) -> String {
        guard html.containsUTF8("<table>") else { return html }
        let tags: [(tag: [UInt8], replacement: [UInt8])] = [(Array("<table>".utf8), Array(open.utf8)), (Array("</table>".utf8), Array(close.utf8))]
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x3C, let match = tags.first(where: { starts(bytes, at: index, with: $0.tag) }) {
                    out.append(contentsOf: match.replacement)
                    index += match.tag.count
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with tag: [UInt8]) -> Bool {
        guard index + tag.count <= bytes.count else { return false }
        for offset in tag.indices where bytes[index + offset] != tag[offset] { return false }
        return true
    }
}
