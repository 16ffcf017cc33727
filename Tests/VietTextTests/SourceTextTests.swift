import Foundation
import Testing

@testable import VietText

@Suite struct SourceTextTests {
    @Test func quotesAndDashesAreNotControls() {
        let text = "Thực hiện “Dân vận khéo” – năm 2024…\nHết."
        let (cleaned, removed) = SourceText.removingControls(text)
        #expect(cleaned == text)
        #expect(removed.isEmpty)
    }

    @Test func textDirectionControlsBesideQuotesAreRemovedWhereTheyAre() {
        let text = "“Kế hoạch”\nsố 15\u{202E}/KH và \u{2066}x\u{2069} \u{7}"
        let (cleaned, removed) = SourceText.removingControls(text)
        #expect(cleaned == "“Kế hoạch”\nsố 15/KH và x ")
        #expect(removed.map { [$0.line, $0.column] } == [[2, 6], [2, 13], [2, 14], [2, 15]])
    }

    /// The scan passes eight bytes at a time: each control is found wherever it falls in its
    /// word of eight, at either end of the text, and a bidirectional override cut by a word's
    /// end; quotes, dashes, tabs and line breaks in every place are no controls.
    @Test func aControlIsFoundAtEveryPlaceOfItsWord() {
        let plain = "Số “12”\t–\nKH…"
        #expect(SourceText.removingControls(String(repeating: plain, count: 5)).removed.isEmpty)
        for control in ["\u{0}", "\u{1B}", "\u{7F}", "\u{202E}", "\u{2069}"] {
            for offset in 0...17 {
                let text = String(repeating: "a", count: offset) + control + String(repeating: "b", count: 17 - offset)
                let (cleaned, removed) = SourceText.removingControls(text)
                #expect(cleaned == String(repeating: "a", count: offset) + String(repeating: "b", count: 17 - offset))
                #expect(removed.map(\.column) == [offset + 1], "\(offset)")
            }
        }
    }

    @Test func lineEndingsAndDecomposedTextAreNormalised() throws {
        let decomposed = "Dân vận".decomposedStringWithCanonicalMapping
        let text = try SourceText.decode(Data("\u{FEFF}a\r\nb\r\(decomposed)".utf8))
        #expect(Array(text.unicodeScalars) == Array("a\nb\nDân vận".unicodeScalars))
    }
}
