import Foundation
import VietText

/// What a search result shows under a document's title: the opening of its first paragraph
/// that says what it is about, not a "Căn cứ …" line (the grounds every plan opens with), nor
/// "Kính gửi …", nor a line too short to say anything. Made once per document when its body
/// is parsed, and kept in the build cache.
enum Excerpt {
    static let maxLength = 180
    /// In bytes: about 60 characters of Vietnamese.
    static let minimumParagraph = 80

    static func of(_ blocks: [TextBlock]) -> String {
        // Each paragraph is judged by its bytes and its first words only; the one chosen is the
        // only one read further, by Unicode scalars (NFC text: one per Vietnamese letter), as
        // grapheme breaking on every paragraph took a few percent of a build.
        let paragraphs = blocks.lazy.filter { $0.isParagraph }.map(\.text)
        let telling = paragraphs.first { text in
            guard text.utf8.count >= minimumParagraph else { return false }
            let start = VietnameseText.fold(String(decoding: text.utf8.prefix(24), as: UTF8.self))
            return !start.hasPrefix("can cu") && !start.hasPrefix("kinh gui")
        }
        return cut(telling ?? paragraphs.first ?? "")
    }

    /// Its white space made single spaces, at most `maxLength` scalars, cut after a word with
    /// "…" when cut.
    static func cut(_ text: String) -> String {
        var kept: [Unicode.Scalar] = []
        var lastSpace: Int?
        var pendingSpace = false
        var truncated = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !kept.isEmpty
                continue
            }
            if kept.count + (pendingSpace ? 1 : 0) >= maxLength {
                truncated = true
                break
            }
            if pendingSpace {
                lastSpace = kept.count
                kept.append(" ")
                pendingSpace = false
            }
            kept.append(scalar)
        }
        if truncated {
            kept.removeSubrange((lastSpace ?? kept.count)...)
            while let last = kept.last, " ,;:–-".unicodeScalars.contains(last) { kept.removeLast() }
            kept.append("…")
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: kept)
        return String(out)
    }
}
