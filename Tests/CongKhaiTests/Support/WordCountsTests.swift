import Foundation
import Testing
@testable import CongKhai

@Suite struct WordCountsTests {
    @Test(arguments: try TestPaths.seedFiles())
    func countsEveryFoldedWordOnceGroupedByItsSearchPartition(seed: URL) throws {
        let text = try SourceText.read(seed)
        let counts = WordCounts(text)
        var expected: [String: Int] = [:]
        VietnameseText.forEachFoldedWord(in: text) { expected[$0, default: 0] += 1 }
        #expect(counts.words.count == expected.count)
        #expect(Dictionary(uniqueKeysWithValues: zip(counts.words, counts.counts)) == expected)
        for partition in 0..<SearchHash.partitions {
            #expect(counts.partition(partition).allSatisfy { SearchHash.partition(of: counts.words[$0]) == partition })
        }
        #expect(counts.starts.last == Int32(counts.words.count))
    }

    @Test func keptPartsThatDisagreeAreRefused() throws {
        let counts = WordCounts("Kế hoạch dân vận năm 2024, dân vận khéo")
        #expect(WordCounts(words: counts.words, counts: counts.counts, starts: counts.starts) == counts)
        #expect(WordCounts(words: counts.words, counts: counts.counts.dropLast(), starts: counts.starts) == nil)
        var shifted = counts.starts
        shifted[1] = Int32(counts.words.count + 1)
        #expect(WordCounts(words: counts.words, counts: counts.counts, starts: shifted) == nil)
        #expect(WordCounts(words: counts.words, counts: counts.counts, starts: Array(counts.starts.dropLast())) == nil)
    }
}
