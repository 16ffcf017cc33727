import VietText

/// Limits applied before Markdown reaches cmark-gfm. Debian's 0.29 takes quadratic time on wide
/// tables (40,000 columns: 14 s), so a line with too many cells is cut into plain text; and
/// thousands of nested quotes or lists make pages no browser can show, so nesting stops at 32.
enum MarkdownLimits {
    static let maxPipesPerLine = 200
    static let maxNesting = 32
    /// More citations than this in one document are not indexed (a runaway or hostile text).
    static let maxCitations = 2_000

    static func apply(_ markdown: String) -> String {
        let (deep, tooWide) = markdown.withUTF8Bytes(exceeds)
        let narrow = tooWide ? limitTableWidth(markdown) : markdown
        // Escaping pipes changes no line's opening markers: the nesting read before holds.
        return deep ? limitNesting(narrow) : narrow
    }

    /// Whether a line opens with more than `maxNesting` markers, and whether one has more than
    /// `maxPipesPerLine` pipes: one pass over every document's bytes, most of which need
    /// neither limit.
    private static func exceeds(_ bytes: UnsafeBufferPointer<UInt8>) -> (deep: Bool, tooWide: Bool) {
        var deep = false, tooWide = false
        var start = 0
        // Line by line, each end found with memchr: only a line's opening and, in a line long
        // enough to have too many, its pipes are read.
        while start < bytes.count {
            let end = bytes.index(of: 0x0A, from: start) ?? bytes.count
            var markers = 0
            for byte in bytes[start..<end] {
                if byte == 0x3E || byte == 0x2D || byte == 0x2A || byte == 0x2B {
                    markers += 1
                } else if byte != 0x20 && byte != 0x09 {
                    break
                }
            }
            if markers > maxNesting { deep = true }
            if !tooWide, end - start > maxPipesPerLine {
                var pipes = 0, from = start
                while let pipe = bytes.index(of: 0x7C, from: from, to: end) {
                    pipes += 1
                    from = pipe + 1
                }
                if pipes > maxPipesPerLine { tooWide = true }
            }
            start = end + 1
        }
        return (deep, tooWide)
    }

    private static func limitNesting(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let prefix = line.prefix { " \t>-*+".contains($0) }
            guard prefix.filter({ ">-*+".contains($0) }).count > maxNesting else { return String(line) }
            // Escaped, the markers are kept as text instead of opening a level each.
            return prefix.map { ">-*+".contains($0) ? "\\\($0)" : String($0) }.joined() + line.dropFirst(prefix.count)
        }.joined(separator: "\n")
    }

    private static func limitTableWidth(_ markdown: String) -> String {
        // Escaping every pipe of an over-wide line keeps its text but not its table.
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.utf8.lazy.filter { $0 == 0x7C }.count > maxPipesPerLine
                ? line.replacingOccurrences(of: "|", with: "\\|") : String(line)
        }.joined(separator: "\n")
    }
}
