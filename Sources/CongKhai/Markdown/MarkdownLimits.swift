/// Limits applied before Markdown reaches cmark-gfm. Debian's 0.29 takes quadratic time on wide
/// tables (40,000 columns: 14 s), so a line with too many cells is cut into plain text.
enum MarkdownLimits {
    static let maxPipesPerLine = 200

    static func apply(_ markdown: String) -> String {
        var pipes = 0
        var tooWide = false
        for byte in markdown.utf8 {
            if byte == 0x7C { pipes += 1; if pipes > maxPipesPerLine { tooWide = true; break } } else if byte == 0x0A { pipes = 0 }
        }
        guard tooWide else { return markdown }
        // Escaping every pipe of an over-wide line keeps its text but not its table.
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.utf8.lazy.filter { $0 == 0x7C }.count > maxPipesPerLine ? line.replacingOccurrences(of: "|", with: "\\|") : String(line)
        }.joined(separator: "\n")
    }
}
