import VietText

/// A line of an imported document, with where it came from and its text stripped of Markdown
/// emphasis for recognition (the body keeps the emphasis).
struct SourceLine: Sendable, Equatable {
    /// 1-based line in the source text.
    var number: Int
    /// As read, trimmed.
    var text: String
    /// Without `**`, `*`, `_` emphasis, leading `#`s, and collapsed white space.
    var plain: String
    /// How far in it starts on its source line, a tab counted as 8 spaces: a cell printed alone
    /// under the right-hand column of a signature block starts far in.
    var indent = 0
    /// The first line of a page: a form feed (pdftotext's page break) opened it.
    var startsPage = false

    init(number: Int, text: String) {
        self.number = number
        self.text = text.trimmingCharacters(in: .whitespaces)
        var plain = self.text
        while plain.hasPrefix("#") { plain.removeFirst() }
        plain = plain.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        plain = plain.trimmingCharacters(in: .whitespaces)
        if plain.hasPrefix("*") && plain.hasSuffix("*") && plain.count > 2 {
            plain = String(plain.dropFirst().dropLast())
        }
        self.plain = VietnameseText.collapseWhitespace(
            plain.replacingOccurrences(of: "( *", with: "(").replacingOccurrences(of: "* )", with: ")"))
    }

    var isBlank: Bool { plain.isEmpty }
    var folded: String { VietnameseText.fold(plain) }

    /// Every letter uppercase, at least two letters: "KT. TRƯỞNG PHÒNG".
    var isUppercase: Bool {
        let letters = plain.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
    }

    /// A line cut into its cells (`LayoutCells`): the columns of a letterhead or a signature
    /// block laid side by side.
    static func cells(of line: String, number: Int) -> [SourceLine] {
        LayoutCells.split(line).map {
            var cell = SourceLine(number: number, text: $0.text)
            cell.indent = $0.indent
            return cell
        }
    }

    /// The width of the white space a source line opens with, a tab counted as 8.
    static func indentWidth(of line: String) -> Int {
        var width = 0
        for character in line {
            if character == "\t" {
                width += 8
            } else if character == " " || character == "\u{A0}" {
                width += 1
            } else {
                break
            }
        }
        return width
    }

    /// The lines of a text to import. A row of a table copied as text has its cells between bars;
    /// `splitCells` (PDF layout text), a tab or a wide gap splits a line into columns.
    static func lines(of text: String, splitCells: Bool) -> [SourceLine] {
        var lines: [SourceLine] = []
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tableRows = markdownTableRows(rawLines)
        for (offset, rawLine) in rawLines.enumerated() {
            // A form feed starts a page; where pages meet is evidence of a running header.
            let startsPage = rawLine.contains("\u{0C}")
            let line = startsPage ? rawLine.replacingOccurrences(of: "\u{0C}", with: "") : rawLine
            let first = lines.count
            defer { if startsPage && first < lines.count { lines[first].startsPage = true } }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if tableRows.contains(offset) {
                // A Markdown table written without its outer bars: given them, it stays a table.
                let row = trimmed.hasPrefix("|") ? trimmed : "| " + trimmed
                lines.append(SourceLine(number: offset + 1, text: row.hasSuffix("|") ? row : row + " |"))
            } else if (line.contains(" | ") || line.hasSuffix(" |")) && !trimmed.hasPrefix("|") {
                // A table's row copied as text, its cells between bars: "Số: 232/QĐ-UBND | Ninh
                // Bình, ngày 12 tháng 4 năm 2019 |". A Markdown table's row opens with a bar.
                lines.append(
                    contentsOf: line.split(separator: "|").map { SourceLine(number: offset + 1, text: String($0)) })
            } else if splitCells || line.contains("\t") || line.contains("        ") {
                lines.append(contentsOf: SourceLine.cells(of: line, number: offset + 1))
            } else {
                var sourceLine = SourceLine(number: offset + 1, text: line)
                sourceLine.indent = SourceLine.indentWidth(of: line)
                lines.append(sourceLine)
            }
        }
        return lines
    }

    /// The lines of Markdown tables: a row of cells between bars, the delimiter row under it
    /// ("--- | ---"), and the rows after it while they have a bar.
    static func markdownTableRows(_ lines: [String]) -> Set<Int> {
        var rows = Set<Int>()
        for (index, line) in lines.enumerated()
        where index > 0 && isDelimiterRow(line) && lines[index - 1].contains("|") {
            rows.formUnion([index - 1, index])
            var next = index + 1
            while next < lines.count, lines[next].contains("|") {
                rows.insert(next)
                next += 1
            }
        }
        return rows
    }

    static func isDelimiterRow(_ line: String) -> Bool {
        let cells = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return cells.count >= 2
            && cells.allSatisfy { cell in
                let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
                return dashes.count >= 3 && dashes.allSatisfy { $0 == "-" }
            }
    }
}
