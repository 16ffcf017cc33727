import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Citations

/// An issuer's words, cut at spaces by bytes, are those cut by Characters, and the bodies' names
/// take their usual spelling.
@Suite struct IssuerNameTests {
    @Test func wordsAreCutWhereCharactersCutThem() throws {
        let corpus = TestPaths.repository.appendingPathComponent("Tests/RegressionCorpus")
        let corpusFiles = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter {
            $0.hasSuffix(".txt")
        }.map { corpus.appendingPathComponent($0) }
        var texts = try (TestPaths.seedFiles() + corpusFiles).flatMap {
            try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // A space that joins a neighbour in one Character: a combining mark or a variation
        // selector after it, a prepended sign before it; and spaces at the ends, doubled.
        texts += [
            "Bộ \u{301}Chính trị", "Ủy ban \u{FE0F}nhân dân", "Sở\u{600} Giáo dục", " Thủ tướng  Chính phủ ",
            "Ban Thường vụ Tỉnh ủy\r\n", "", " ", "A\u{200D} B", "Phòng GD&ĐT Tân Hồng"
        ]
        var compared = 0
        for text in texts {
            #expect(
                IssuerName.words(text) == text.split(separator: " ", omittingEmptySubsequences: false).map(String.init),
                "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 1_500)
    }

    @Test func bodiesTakeTheirUsualSpelling() {
        #expect(IssuerName.normalised("thủ tướng chính phủ") == "Thủ tướng Chính phủ")
        #expect(IssuerName.normalised("Ban thường vụ tỉnh ủy Đồng Tháp") == "Ban Thường vụ Tỉnh ủy Đồng Tháp")
        #expect(IssuerName.normalised("Bộ Chính trị") == "Bộ Chính trị")
        #expect(IssuerName.normalised("UBND  huyện Tân Hồng") == "UBND  huyện Tân Hồng")
        #expect(IssuerName.normalised("bộ \u{301}chính trị") == "bộ \u{301}chính trị")
    }

    /// The build's spellings give what spelling each issuer gives, the first time and after,
    /// from several threads at once.
    @Test func spellingsKeptForABuildAreTheSame() {
        let issuers = [
            "thủ tướng chính phủ", "Ban thường vụ tỉnh ủy Đồng Tháp", "Bộ Chính trị", "UBND huyện Tân Hồng",
            "bộ giáo dục và đào tạo", "Ủy ban nhân dân tỉnh", "ủy ban nhân dân huyện Cao Lãnh"
        ]
        let spellings = IssuerSpellings()
        let expected = issuers.map(IssuerName.normalised)
        #expect(expected[0] == "Thủ tướng Chính phủ" && expected[4] == "Bộ Giáo dục và Đào tạo")
        let results = Mutex<[[String]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let spelled = (0..<50).flatMap { _ in issuers.map(spellings.normalised) }
            results.withLock { $0.append(spelled) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        for spelled in all { #expect(spelled == Array((0..<50).map { _ in expected }.joined())) }
    }
}
