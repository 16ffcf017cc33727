import Foundation

/// What a search result shows under a document's title: the opening of its first paragraph
/// that says what it is about, not a "Căn cứ …" line (the grounds every plan opens with), nor
/// "Kính gửi …", nor a line too short to say anything. Made once per document when its body
/// is parsed, and kept in the build cache.
enum Excerpt {
    static let maxLength = 180
    static let minimumParagraph = 60

    static func of(_ blocks: [TextBlock]) -> String {
        let paragraphs = blocks.filter { $0.isParagraph }.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let telling = paragraphs.first { paragraph in
            let start = VietnameseText.fold(String(paragraph.prefix(12)))
            return paragraph.count >= minimumParagraph && !start.hasPrefix("can cu") && !start.hasPrefix("kinh gui")
        }
        return cut(telling ?? paragraphs.first ?? "")
    }

    /// At most `maxLength` characters, cut after a word, with "…" when cut.
    static func cut(_ text: String) -> String {
        guard text.count > maxLength else { return text }
        let head = text.prefix(maxLength)
        let atWord = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–-")) + "…"
    }
}
