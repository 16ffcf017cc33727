import VietText

/// Writes the body of an imported document as Markdown: "I." sections as headings, "1."
/// subsections as sub-headings, "-" and "+" lines as nested lists, tables kept, lines that PDF
/// broke mid-sentence joined, and every other line a paragraph with its words escaped so
/// Markdown does not change them.
struct MarkdownBodyWriter {
    private enum Block {
        case heading(Int, String)
        case item(Int, String)
        case paragraph(String)
        case table(String)
    }

    func write(_ lines: [SourceLine], appendix: Bool = false) -> String {
        var blocks: [Block] = []
        var previousWasItem = false
        var appendixTitle: [String] = []
        for (position, line) in joinBrokenLines(lines).enumerated() {
            var text = line.text
            while text.hasPrefix("#") { text.removeFirst() }
            text = text.trimmingCharacters(in: .whitespaces)
            let plain = line.plain
            if appendix && position == appendixTitle.count && line.isUppercase {
                appendixTitle.append(plain)
                continue
            }
            if text.hasPrefix("|") {
                blocks.append(.table(text))
                continue
            }
            if let first = plain.first, "-•–".contains(first), plain.count > 1 {
                blocks.append(.item(0, escape(String(strippingMarker(text)))))
                previousWasItem = true
                continue
            }
            if plain.first == "+", plain.count > 1 {
                blocks.append(.item(previousWasItem ? 1 : 0, escape(String(strippingMarker(text)))))
                continue
            }
            previousWasItem = false
            if LayoutRecognizer.romanHeading(plain) != nil, plain.count <= 160 {
                blocks.append(.heading(2, escapeHeading(plain)))
            } else if let level = subsectionLevel(plain) {
                blocks.append(.heading(level, escapeHeading(plain)))
            } else {
                blocks.append(.paragraph(escape(text)))
            }
        }
        var output = ""
        if !appendixTitle.isEmpty { output += "## " + escapeHeading(appendixTitle.joined(separator: " ")) + "\n\n" }
        var previous: Block?
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                if case .item = previous { output += "\n" }
                if case .table = previous { output += "\n" }
                output += String(repeating: "#", count: level) + " " + text + "\n\n"
            case .item(let depth, let text):
                output += String(repeating: "    ", count: depth) + "- " + text + "\n"
            case .paragraph(let text):
                if case .item = previous { output += "\n" }
                if case .table = previous { output += "\n" }
                output += text + "\n\n"
            case .table(let row):
                if case .item = previous { output += "\n" }
                output += row + "\n"
            }
            previous = block
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    /// "1. Mục đích", "2/ Yêu cầu:", "1.1. Nội dung": short numbered lines that open a part.
    private func subsectionLevel(_ plain: String) -> Int? {
        guard plain.count <= 100, let first = plain.first, first.isNumber else { return nil }
        let marker = plain.prefix { $0.isNumber || $0 == "." || $0 == "/" || $0 == ")" }
        guard marker.count < plain.count, let last = marker.last, ".)/".contains(last) else { return nil }
        let rest = plain.dropFirst(marker.count)
        guard rest.first == " ", rest.contains(where: \.isLetter) else { return nil }
        if (plain.hasSuffix(".") && plain.count > 40) || plain.hasSuffix(";") || plain.hasSuffix(",") { return nil }
        let depth = marker.filter { $0 == "." }.count
        return depth >= 2 && marker.dropLast().contains(".") ? 4 : 3
    }

    /// Joins a line that does not end a sentence with the next one that goes on with it: PDF
    /// line breaks and page breaks, not the author's.
    private func joinBrokenLines(_ lines: [SourceLine]) -> [SourceLine] {
        var result: [SourceLine] = []
        var blanks = 0
        let width = Self.printedWidth(lines)
        // How much of the page's width the last line read fills, and that line.
        var lastFill = 0.0
        var lastLine: SourceLine?
        for line in lines {
            if line.isBlank {
                blanks += 1
                continue
            }
            defer {
                blanks = 0
                lastFill = width.map { Double(line.plain.count) / Double($0) } ?? 0
                lastLine = line
            }
            if let last = result.last,
                continues(line, after: last, blanks: blanks, lastFill: lastFill, lastLine: lastLine ?? last)
            {
                result[result.count - 1] = SourceLine(number: last.number, text: last.text + " " + line.text)
                continue
            }
            result.append(line)
        }
        return result
    }

    /// Whether `line` goes on with the text before it, `last` (which `blanks` blank lines end, and
    /// whose last line fills `lastFill` of a printed page's width, 0 when the text is no printed
    /// page's).
    private func continues(
        _ line: SourceLine, after last: SourceLine, blanks: Int, lastFill: Double, lastLine: SourceLine
    ) -> Bool {
        guard let first = line.plain.first, let end = last.plain.last, !last.text.hasPrefix("|") else { return false }
        // A section heading wrapped at the page's width: "IV. TIẾP TỤC TRIỂN KHAI THỰC HIỆN TỐT
        // PHONG TRÀO THI ĐUA" / "“DÂN VẬN KHÉO” NĂM 2020" (capitals fill a line sooner).
        if blanks == 0, lastFill >= 0.6, last.isUppercase, line.isUppercase, !".:;!?".contains(end),
            LayoutRecognizer.romanHeading(last.plain) != nil, LayoutRecognizer.romanHeading(line.plain) == nil,
            subsectionLevel(line.plain) == nil, !LayoutRecognizer.isListItem(line)
        {
            return true
        }
        guard !".:;!?”\")".contains(end), !last.isUppercase else { return false }
        // "... về việc" / "hướng dẫn ...": the next line opens in lowercase.
        if blanks <= 3, first.isLowercase { return true }
        // "... của Bộ Giáo dục và Đào tạo về việc" / "Hướng dẫn thực hiện ...": a line that ends
        // on a word leading on continues, whatever the case of the next.
        let lastWord = last.plain.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if blanks <= 3, Self.linkingWords.contains(lastWord), !opensBlock(line) { return true }
        // A line as wide as the page's, the next right under it (or after the page's break): "...
        // của Ủy ban nhân dân huyện" / "Bình Sơn về việc ...", text copied out of a PDF.
        // Not a paragraph's usual opening ("Căn cứ", "Thực hiện"), nor the next of lines that
        // open alike ("Trong đó: Lớp Mẫu giáo 5-6 tuổi: …" / "Lớp Mẫu giáo 4-5 tuổi: …").
        return blanks <= 1 && lastFill >= 0.7 && !opensBlock(line) && !BodyOpeners.opens(line.folded)
            && !Self.opensAlike(line, lastLine)
    }

    /// The line's first three words stand near the start of `previous` too.
    static func opensAlike(_ line: SourceLine, _ previous: SourceLine) -> Bool {
        let words = line.folded.split(separator: " ").prefix(3)
        guard words.count == 3 else { return false }
        let opening = " " + words.joined(separator: " ") + " "
        return (" " + previous.folded + " ").prefix(40).contains(opening)
    }

    /// The width of the page's lines, when the text is a printed page's, each printed line a line
    /// of its own (text copied from a PDF): most lines are about as wide as the widest, which
    /// are at most 130 characters. A text typed or saved from Word, a paragraph a line, has
    /// lines of every width.
    static func printedWidth(_ lines: [SourceLine]) -> Int? {
        let text = lines.filter { !$0.isBlank && !$0.text.hasPrefix("|") }
        let widths = text.map(\.plain.count).sorted()
        guard widths.count >= 12 else { return nil }
        let width = widths[widths.count * 4 / 5]
        guard (50...130).contains(width) else { return nil }
        let wide = widths.count { $0 * 10 >= width * 7 }
        if wide * 2 >= widths.count { return width }
        // A legal database's copy starts each paragraph on a short line: judged by the lines a
        // sentence goes on from, most are as wide as the page's.
        let goingOn = zip(text, text.dropFirst()).filter { line, next in
            !".:;!?”\")".contains(line.plain.last ?? ".") && next.plain.first?.isLowercase == true
        }.map(\.0.plain.count)
        guard goingOn.count >= 6 else { return nil }
        return goingOn.count { $0 * 10 >= width * 7 } * 2 >= goingOn.count ? width : nil
    }

    /// Words a sentence never ends on.
    static let linkingWords: Set<String> = [
        "của", "và", "về", "việc", "các", "những", "theo", "tại", "số", "ngày", "với", "cho",
        "để", "trong", "từ", "đến", "là", "được", "hoặc", "cùng", "bởi", "nhằm", "vào"
    ]

    /// A line that starts a block of its own: a list item, a section, a subsection, capitals.
    private func opensBlock(_ line: SourceLine) -> Bool {
        if let first = line.plain.first, "-+•–".contains(first) { return true }
        return line.isUppercase || LayoutRecognizer.romanHeading(line.plain) != nil
            || subsectionLevel(line.plain) != nil
    }

    private func strippingMarker(_ text: String) -> Substring {
        text.drop { "-+•– ".contains($0) }
    }

    /// Keeps words as words: a leading "1." would become a list, "<" raw HTML, "#" a heading.
    private func escape(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "<", with: "\\<")
        if let first = text.first {
            if first.isNumber {
                let digits = text.prefix { $0.isNumber }
                let after = text.dropFirst(digits.count)
                if after.hasPrefix(". ") || after.hasPrefix(") ") { text = String(digits) + "\\" + after }
            } else if "#>=+".contains(first) || text.hasPrefix("* ") {
                text = "\\" + text
            }
        }
        return text
    }

    private func escapeHeading(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: "#", with: "\\#")
    }
}
