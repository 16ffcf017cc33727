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

    init(number: Int, text: String) {
        self.number = number
        self.text = text.trimmingCharacters(in: .whitespaces)
        var plain = self.text
        while plain.hasPrefix("#") { plain.removeFirst() }
        plain = plain.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        plain = plain.trimmingCharacters(in: .whitespaces)
        if plain.hasPrefix("*") && plain.hasSuffix("*") && plain.count > 2 { plain = String(plain.dropFirst().dropLast()) }
        self.plain = VietnameseText.collapseWhitespace(plain.replacingOccurrences(of: "( *", with: "(").replacingOccurrences(of: "* )", with: ")"))
    }

    var isBlank: Bool { plain.isEmpty }
    var folded: String { VietnameseText.fold(plain) }

    /// Every letter uppercase, at least two letters: "KT. TRƯỞNG PHÒNG".
    var isUppercase: Bool {
        let letters = plain.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
    }

    /// Splits a line at runs of four or more spaces or a tab: the columns of a letterhead or a
    /// signature block laid side by side (pdftotext -layout, a Word table flattened).
    static func cells(of line: String, number: Int) -> [SourceLine] {
        var cells: [(text: String, indent: Int)] = []
        var current = ""
        var spaces = 0
        var width = 0
        var currentIndent = 0
        for character in line {
            if character == "\t" { spaces = 4; width += 8; continue }
            if character == " " { spaces += 1; width += 1; continue }
            if spaces >= 4 && !current.isEmpty { cells.append((current, currentIndent)); current = "" } else if spaces > 0 && !current.isEmpty { current += String(repeating: " ", count: spaces) }
            if current.isEmpty { currentIndent = width }
            spaces = 0
            width += 1
            current.append(character)
        }
        if !current.isEmpty || cells.isEmpty { cells.append((current, currentIndent)) }
        return cells.map {
            var cell = SourceLine(number: number, text: $0.text)
            cell.indent = $0.indent
            return cell
        }
    }

    /// The width of the white space a source line opens with, a tab counted as 8.
    static func indentWidth(of line: String) -> Int {
        var width = 0
        for character in line {
            if character == "\t" { width += 8 } else if character == " " || character == "\u{A0}" { width += 1 } else { break }
        }
        return width
    }
}
