/// The folded words of a text (`VietnameseText.forEachFoldedWord`) with how often each occurs:
/// what the search index takes from a document's body. Counted once when the body is parsed
/// and kept in the build cache, so a rebuild neither folds nor hashes every body again.
///
/// The words come grouped by their search partition (`SearchHash.partition`), in order of first
/// occurrence within each, as the search index takes them.
public struct WordCounts: Sendable, Hashable {
    public private(set) var words: [String]
    public private(set) var counts: [Int]
    /// Partition p's words are `words[starts[p]..<starts[p + 1]]`.
    public private(set) var starts: [Int32]

    public init() {
        words = []
        counts = []
        starts = Array(repeating: 0, count: SearchHash.partitions + 1)
    }

    public init(_ text: String) {
        var words: [String] = []
        var counts: [Int] = []
        var position: [String: Int] = [:]
        VietnameseText.forEachFoldedWord(in: text) { word in
            if let index = position[word] {
                counts[index] += 1
            } else {
                position[word] = words.count
                words.append(word)
                counts.append(1)
            }
        }
        // A stable counting sort by partition.
        let partitionOf = words.map(SearchHash.partition(of:))
        var starts = [Int32](repeating: 0, count: SearchHash.partitions + 1)
        for partition in partitionOf { starts[partition + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var grouped = [String](repeating: "", count: words.count)
        var groupedCounts = [Int](repeating: 0, count: words.count)
        for (index, partition) in partitionOf.enumerated() {
            grouped[Int(next[partition])] = words[index]
            groupedCounts[Int(next[partition])] = counts[index]
            next[partition] += 1
        }
        self.words = grouped
        self.counts = groupedCounts
        self.starts = starts
    }

    /// As kept in the build cache; nil unless the parts agree with each other.
    init?(words: [String], counts: [Int], starts: [Int32]) {
        guard words.count == counts.count, starts.count == SearchHash.partitions + 1, starts.first == 0,
              starts.last == Int32(words.count), zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.words = words
        self.counts = counts
        self.starts = starts
    }

    func partition(_ partition: Int) -> Range<Int> { Int(starts[partition])..<Int(starts[partition + 1]) }
}
