/// Puts the directive addresses into a body's citation links once directives are resolved. A
/// byte scan: a body may be megabytes with thousands of links.
enum CitationLinks {
    static func resolve(_ html: String, keys: [String], url: (String) -> String) -> String {
        let marker = Array("<a href=\"\(MarkdownRenderer.placeholderScheme)".utf8)
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + keys.count * 48)
        var index = 0
        var copied = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
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
            output.append(contentsOf: bytes[copied..<index])
            if digits > 0, number < keys.count, cursor < bytes.count, bytes[cursor] == 0x22 {
                output.append(contentsOf: Array("<a class=\"trich-dan\" href=\"\(url(keys[number]))\"".utf8))
                cursor += 1
            } else {
                // Not one of ours (the renderer empties such links): drop the address.
                output.append(contentsOf: Array("<a href=\"\"".utf8))
                while cursor < bytes.count, bytes[cursor] != 0x22 { cursor += 1 }
                cursor = min(cursor + 1, bytes.count)
            }
            copied = cursor
            index = cursor
        }
        if copied == 0 { return html }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}
