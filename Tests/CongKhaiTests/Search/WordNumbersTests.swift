import Testing

@testable import CongKhai

@Suite struct WordNumbersTests {
    @Test func numbersDistinctWordsInOrderOfFirstSightWhateverTheirLength() {
        var numbers = WordNumbers()
        let words = (0..<2000).map { "w\($0)" } + ["đường", "nghiengnghieng", "a"]
        for (index, word) in words.enumerated() {
            #expect(numbers.number(of: word) == (index, true))
        }
        // Seen again, as text or as bytes: the same number, not new.
        for (index, word) in words.enumerated().reversed() {
            #expect(numbers.number(of: word) == (index, false))
            let bytes = Array(word.utf8)
            #expect(bytes.withUnsafeBufferPointer { numbers.number(of: $0) } == (index, false))
        }
        #expect(numbers.count == words.count)
        #expect(numbers.number(of: "w2000") == (words.count, true))
    }
}
