/// Puts the directive addresses into a body's citation links once directives are resolved.
enum CitationLinks {
    static func resolve(_ html: String, keys: [String], url: (String) -> String) -> String {
        let marker = "<a href=\"\(MarkdownRenderer.placeholderScheme)"
        guard html.contains(marker) else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + keys.count * 40)
        var rest = html[...]
        while let range = rest.range(of: marker) {
            output += rest[..<range.lowerBound]
            let afterMarker = rest[range.upperBound...]
            let digits = afterMarker.prefix { $0.isNumber }
            if let index = Int(digits), index < keys.count, afterMarker.dropFirst(digits.count).hasPrefix("\"") {
                output += "<a class=\"trich-dan\" href=\"\(url(keys[index]))\""
                rest = afterMarker.dropFirst(digits.count + 1)
            } else {
                output += "<a href=\"\""
                rest = afterMarker.drop { $0 != "\"" }.dropFirst()
            }
        }
        output += rest
        return output
    }
}
