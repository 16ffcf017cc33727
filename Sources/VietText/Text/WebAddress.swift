import Foundation

/// An address a page may link to as a document's source (`source_url`): "https://…" or
/// "http://…" with a host, and no white space. Import writes only such an address; the build
/// takes only such an address.
package enum WebAddress {
    package static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(where: \.isWhitespace),
            let url = URL(string: text), let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
