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

    @Test func lineEndingsAndDecomposedTextAreNormalised() throws {
        let decomposed = "Dân vận".decomposedStringWithCanonicalMapping
        let text = try SourceText.decode(Data("\u{FEFF}a\r\nb\r\(decomposed)".utf8))
        #expect(Array(text.unicodeScalars) == Array("a\nb\nDân vận".unicodeScalars))
    }
}
