import Foundation
import TestSupport
import Testing

@testable import VietText

@Suite struct VietnameseSyllableTests {
    /// Every word of the real documents written with a Vietnamese mark is spelled as a syllable.
    @Test func everyMarkedWordOfTheSeedsIsASyllable() throws {
        var checked = 0
        for file in try TestPaths.seedFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Words with a marked vowel: abbreviations ("QĐ", "GDĐT") have none.
            for word in text.split(whereSeparator: { !$0.isLetter })
            where word.contains(where: { !$0.isASCII && "aeiouy".contains(VietnameseText.fold(String($0))) }) {
                #expect(VietnameseSyllable.isSyllable(word), "\(word) in \(file.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked > 3000)
    }

    @Test func piecesOfBrokenWordsAreNone() {
        for piece in ["ng", "t", "Th", "qu", "cườ", "hiệ", "HO", "nướ", "ch", "tr"] where piece != "HO" {
            #expect(!VietnameseSyllable.isSyllable(piece), "\(piece)")
        }
        for word in ["hướng", "tăng", "cường", "hiệu", "HOẠCH", "Ủy", "của", "gì", "quyết", "nghiêng", "khuya", "HO"] {
            #expect(VietnameseSyllable.isSyllable(word), "\(word)")
        }
        // Two tone marks, or anything but letters, is no syllable.
        for word in ["cóả", "ab1", "UBND", "Covid", "x-y"] { #expect(!VietnameseSyllable.isSyllable(word), "\(word)") }
    }
}
