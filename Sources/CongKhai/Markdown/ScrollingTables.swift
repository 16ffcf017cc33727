/// A table wider than a phone scrolls inside its own region instead of squeezing its words and
/// figures letter by letter: each table of a body goes in a focusable, labelled region (the
/// keyboard scrolls it too; axe's scrollable-region rule). cmark-gfm writes `<table>` only for
/// a GFM table: raw HTML never passes (no CMARK_OPT_UNSAFE), so text is never mistaken for one.
enum ScrollingTables {
    static let open = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Bảng số liệu (kéo ngang để xem hết)\" tabindex=\"0\"><table>"
    static let close = "</table></div>"

    static func wrap(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        return html.replacingOccurrences(of: "<table>", with: open).replacingOccurrences(of: "</table>", with: close)
    }
}
