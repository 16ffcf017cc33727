import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

@Suite struct WordCountsTests {
    @Test(arguments: try TestPaths.seedFiles())
    func countsEveryFoldedWordOnceGroupedByItsSearchPartition(seed: URL) throws {
        let text = try SourceText.read(seed)
        let counts = WordCounts(text)
        var expected: [String: Int] = [:]
        VietnameseText.forEachFoldedWord(in: text) { expected[$0, default: 0] += 1 }
        #expect(counts.words.count == expected.count)
        #expect(
            Dictionary(uniqueKeysWithValues: zip(counts.words, counts.counts.map(Int.init)))
                == expected.mapValues { min($0, 255) })
        for partition in 0..<SearchHash.partitions {
            #expect(counts.partition(partition).allSatisfy { SearchHash.partition(of: counts.words[$0]) == partition })
        }
        #expect(counts.starts.last == Int32(counts.words.count))
    }

    @Test func countsLongWordsAndThousandsOfDistinctOnes() {
        // Packed short words and long ones by text; enough distinct words to grow the table.
        let words = (0..<3000).map { "t\($0)" } + ["nghiengnghieng", "httpswwwmoetgovvn", "t1"]
        let text = (words + words.prefix(10) + ["NGHIÊNGNGHIÊNG", "Đường"]).joined(separator: " ")
        let counts = WordCounts(text)
        let table = Dictionary(uniqueKeysWithValues: zip(counts.words, counts.counts.map(Int.init)))
        #expect(table.count == 3003)
        #expect(table["t1"] == 3)
        #expect(table["t0"] == 2 && table["t9"] == 2 && table["t10"] == 1 && table["t2999"] == 1)
        #expect(table["nghiengnghieng"] == 2 && table["httpswwwmoetgovvn"] == 1 && table["duong"] == 1)
    }

    @Test func aWordCountedMoreThan255TimesStaysAt255() {
        let counts = WordCounts(Array(repeating: "dân", count: 300).joined(separator: " ") + " vận")
        #expect(Dictionary(uniqueKeysWithValues: zip(counts.words, counts.counts)) == ["dan": 255, "van": 1])
    }
}
