import VietText

/// Puts the directive addresses into a body's citation links once directives are resolved. A
/// byte scan: a body may be megabytes with thousands of links.
enum CitationLinks {
    static func resolve(_ html: String, keys: [String], url: (String) -> String) -> String {
        html.applyingUTF8Edits(html.withUTF8Bytes { links(in: $0, keys: keys, url: url) })
    }

    /// Each link to a placeholder, up to and with its address's closing quote, and what it
    /// becomes.
    private static func links(in bytes: UnsafeBufferPointer<UInt8>, keys: [String], url: (String) -> String)
        -> [UTF8Edit]
    {
        let marker = Array("<a href=\"\(MarkdownRenderer.placeholderScheme)".utf8)
        var edits: [UTF8Edit] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], (0..<marker.count).allSatisfy({ bytes[index + $0] == marker[$0] }) else {
                index += 1
                continue
            }
            var cursor = index + marker.count
            var number = 0
            var digits = 0
            while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 9 {
                number = number * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
                digits += 1
            }
            if digits > 0, number < keys.count, cursor < bytes.count, bytes[cursor] == 0x22 {
                edits.append(UTF8Edit(index..<cursor + 1, with: "<a class=\"trich-dan\" href=\"\(url(keys[number]))\""))
            } else {
                // Not one of ours (the renderer empties such links): drop the address.
                while cursor < bytes.count, bytes[cursor] != 0x22 { cursor += 1 }
                edits.append(UTF8Edit(index..<min(cursor + 1, bytes.count), with: "<a href=\"\""))
            }
            index = edits[edits.count - 1].range.upperBound
        }
        return edits
    }
}
