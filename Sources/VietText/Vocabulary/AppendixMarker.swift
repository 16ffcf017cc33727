import Foundation

/// Where an appendix (phụ lục) starts in a document's Markdown: a line `<!-- phụ lục -->` on its
/// own, between blocks (with or without accents, in any case, perhaps with its label: `<!-- Phụ
/// lục II -->`). Written as an HTML comment so the same file reads right in any other Markdown
/// viewer, which shows nothing there. Import writes it; the site's Markdown stage splits there
/// (docs/content-format.md).
package enum AppendixMarker {
    /// The marker as import writes it.
    package static let text = "<!-- phụ lục -->"

    /// Whether an HTML block's text is the marker: "phụ lục" in a comment, and at most a label
    /// after it ("1", "II", "a").
    package static func isMarker(_ html: String) -> Bool {
        let text = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return false }
        let words = VietnameseText.fold(text).split { !($0.isLetter || $0.isNumber) }
        return words.count <= 3 && words.starts(with: ["phu", "luc"])
    }
}
