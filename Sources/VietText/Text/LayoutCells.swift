/// A line of a document laid out in columns, cut into its cells at runs of four or more spaces
/// or a tab: the columns of a letterhead or a signature block side by side (pdftotext -layout, a
/// Word table flattened). Import reads header lines this way, and so does the own-number reader
/// of `congkhai citations`.
package enum LayoutCells {
    /// The cells, each with the column it starts at (a tab counted as 8).
    package static func split(_ line: some StringProtocol) -> [(text: String, indent: Int)] {
        var cells: [(text: String, indent: Int)] = []
        var current = ""
        var spaces = 0
        var width = 0
        var currentIndent = 0
        for character in line {
            if character == "\t" {
                spaces = 4
                width += 8
                continue
            }
            if character == " " {
                spaces += 1
                width += 1
                continue
            }
            if spaces >= 4 && !current.isEmpty {
                cells.append((current, currentIndent))
                current = ""
            } else if spaces > 0 && !current.isEmpty {
                current += String(repeating: " ", count: spaces)
            }
            if current.isEmpty { currentIndent = width }
            spaces = 0
            width += 1
            current.append(character)
        }
        if !current.isEmpty || cells.isEmpty { cells.append((current, currentIndent)) }
        return cells
    }
}
