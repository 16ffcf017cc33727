import VietText

/// "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH": a heading under which the documents listed, one to a line or
/// paragraph, are what the document rests on, though the items do not repeat "Căn cứ". The
/// scanner sees one block at a time; this carries the heading's reach from block to block.
///
/// The heading is a Markdown heading, or in plain text (and in a paragraph that joins lines) a
/// line of its own. The section ends at a heading of the same or a higher level; one opened by
/// a line ends at any heading or at a line numbered with a Roman numeral or a capital letter
/// ("II. MỤC ĐÍCH", "B. NỘI DUNG"), or printed all in capitals.
///
/// A list of bases also runs from block to block: "Căn cứ Chỉ thị số 33/CT-TTg ...;" then a
/// list item "- Quyết định số 12/QĐ-UBND ...;" (Markdown's own block) goes on with it.
package struct BasisSection: Sendable {
    /// The open section's heading level (1–6), or `lineLevel` when a line opened it.
    private var level: Int?
    /// The previous block was a basis list's item ending with ";": the next block's first line
    /// goes on with the list.
    private var listGoesOn = false

    private static let lineLevel = 7

    package init() {}

    /// The byte ranges of a block's text (its UTF-8) inside a basis section, block after block.
    package mutating func ranges(in utf8: [UInt8], headingLevel: Int?) -> [Range<Int>] {
        defer { listGoesOn = false }
        if let headingLevel {
            if Self.mayOpen(utf8.prefix(16)),
                Self.isHeading(String(decoding: utf8, as: UTF8.self), isMarkdownHeading: true)
            {
                level = headingLevel
            } else if let open = level, headingLevel <= open {
                level = nil
            }
            return []
        }
        return utf8.withUnsafeBufferPointer { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            while start <= bytes.count {
                let end = bytes.index(of: 0x0A, from: start) ?? bytes.count
                let line = bytes[start..<end]
                if level == nil {
                    // Most lines cannot open "Căn cứ"; a byte check keeps the rest off the hot path.
                    if Self.mayOpen(line),
                        Self.isHeading(String(decoding: line, as: UTF8.self), isMarkdownHeading: false)
                    {
                        level = Self.lineLevel
                    }
                } else if level == Self.lineLevel, Self.endsLineSection(String(decoding: line, as: UTF8.self)) {
                    level = nil
                }
                if level != nil || (listGoesOn && start == 0), start < end { ranges.append(start..<end) }
                start = end + 1
            }
            return ranges
        }
    }

    /// After a block is scanned: whether it leaves a list of bases open for the next block. It
    /// ends with ";" and is a basis item: its last citation is a basis, or it opens with "Căn cứ",
    /// "Thực hiện" or "Theo" ("Căn cứ Luật Giáo dục ngày 14/6/2019;").
    package mutating func scanned(_ utf8: [UInt8], isHeading: Bool, lastRelation: Citation.Relation?) {
        guard !isHeading, utf8.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: ";") else {
            return
        }
        if lastRelation == .basis {
            listGoesOn = true
            return
        }
        let text = String(decoding: utf8, as: UTF8.self)
        let opening = VietnameseText.fold(String(Self.strippingMarker(String(text.prefix(24))).rest))
        listGoesOn =
            lastRelation == nil
            && (opening.hasPrefix("can cu") || opening.hasPrefix("thuc hien") || opening.hasPrefix("theo "))
    }

    /// "Căn cứ xây dựng kế hoạch", "CĂN CỨ PHÁP LÝ:", "1. Căn cứ để xây dựng kế hoạch": a few
    /// words, no citation of its own. A line of plain text must also be numbered, in capitals or
    /// end with ":"; "Căn cứ tình hình thực tế của nhà trường." is a clause, not a heading.
    static func isHeading(_ text: String, isMarkdownHeading: Bool) -> Bool {
        let (marked, stripped) = strippingMarker(text)
        let rest = String(stripped)
        // Cheap tests first: most lines that open with "Căn cứ" cite something.
        guard rest.utf8.count <= 160, !CitationScanner.mayHoldCitation(rest) else { return false }
        let words = VietnameseText.fold(rest).split { !$0.isLetter && !$0.isNumber }
        guard words.count >= 2, words.count <= 10, words[0] == "can", words[1] == "cu" else { return false }
        let trimmed = rest.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, last != ";", last != "," else { return false }
        let letters = trimmed.filter(\.isLetter)
        return isMarkdownHeading || marked || last == ":" || letters.allSatisfy(\.isUppercase)
    }

    /// "II. MỤC ĐÍCH, YÊU CẦU", "B. Nội dung", "NHIỆM VỤ TRỌNG TÂM".
    static func endsLineSection(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if romanOrCapitalMarker(trimmed) != nil { return true }
        let letters = trimmed.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase) && !isHeading(trimmed, isMarkdownHeading: false)
    }

    /// Whether the text opens with a list marker ("I.", "1.", "a)", "-") and what follows it.
    static func strippingMarker(_ text: String) -> (marked: Bool, rest: Substring) {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        if let first = rest.first, "-+•–*".contains(first) {
            return (true, rest.dropFirst().drop { $0 == " " })
        }
        if let marker = romanOrCapitalMarker(rest) {
            return (true, rest.dropFirst(marker).drop { $0 == " " })
        }
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        let afterDigits = rest.dropFirst(digits.count)
        if !digits.isEmpty, digits.first!.isNumber, let next = afterDigits.first,
            next == "." || next == ")" || digits.last == "."
        {
            rest = afterDigits.first == "." || afterDigits.first == ")" ? afterDigits.dropFirst() : afterDigits
            return (true, rest.drop { $0 == " " })
        }
        if let letter = rest.first, letter.isLowercase, rest.dropFirst().first == ")" {
            return (true, rest.dropFirst(2).drop { $0 == " " })
        }
        return (false, rest)
    }

    /// The length of "II." or "B)" at the start, followed by a space or the end.
    private static func romanOrCapitalMarker(_ text: Substring) -> Int? {
        let numeral = text.prefix { "IVX".contains($0) }
        let candidates =
            numeral.isEmpty ? (text.first.map { ("A"..."H").contains(String($0)) } == true ? 1 : 0) : numeral.count
        guard candidates > 0, candidates <= 4 else { return nil }
        let after = text.dropFirst(candidates)
        guard let mark = after.first, mark == "." || mark == ")" else { return nil }
        guard let next = after.dropFirst().first else { return candidates + 1 }
        return next == " " || next == "\t" ? candidates + 1 : nil
    }

    private static func romanOrCapitalMarker(_ text: String) -> Int? { romanOrCapitalMarker(Substring(text)) }

    /// "c" or "C" then the first byte of "ă"/"Ă" near the line's start, past a marker.
    private static func mayOpen<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        let head = line.prefix(16)
        return zip(head, head.dropFirst()).contains { ($0 == 0x63 || $0 == 0x43) && $1 == 0xC4 }
    }
}
