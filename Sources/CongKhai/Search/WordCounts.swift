import VietText

/// The folded words of a text (`VietnameseText.forEachFoldedWord`) with how often each occurs:
/// what the search index takes from a document's body. Counted once when the body is parsed
/// and kept in the build cache, so a rebuild neither folds nor hashes every body again.
///
/// The words come grouped by their search partition (`SearchHash.partition`), in order of first
/// occurrence within each, as the search index takes them.
package struct WordCounts: Sendable, Hashable {
    package private(set) var words: [String]
    package private(set) var counts: [Int]
    /// Partition p's words are `words[starts[p]..<starts[p + 1]]`.
    package private(set) var starts: [Int32]

    package init() {
        words = []
        counts = []
        starts = Array(repeating: 0, count: SearchHash.partitions + 1)
    }

    package init(_ text: String) {
        var words: [String] = []
        var counts: [Int] = []
        var numbers = WordNumbers()
        VietnameseText.forEachFoldedWordBytes(in: text) { bytes in
            let (number, isNew) = numbers.number(of: bytes)
            if isNew {
                words.append(String(decoding: bytes, as: UTF8.self))
                counts.append(1)
            } else {
                counts[number] += 1
            }
        }
        let (order, starts) = SearchHash.grouped(words.map(SearchHash.partition(of:)))
        self.words = order.map { words[$0] }
        self.counts = order.map { counts[$0] }
        self.starts = starts
    }

    /// As kept in the build cache; nil unless the parts agree with each other.
    init?(words: [String], counts: [Int], starts: [Int32]) {
        guard words.count == counts.count, starts.count == SearchHash.partitions + 1, starts.first == 0,
            starts.last == Int32(words.count), zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.words = words
        self.counts = counts
        self.starts = starts
    }

    func partition(_ partition: Int) -> Range<Int> { Int(starts[partition])..<Int(starts[partition + 1]) }
}
