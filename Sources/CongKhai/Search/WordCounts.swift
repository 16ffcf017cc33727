import VietText

/// The folded words of a text (`VietnameseText.forEachFoldedWord`) with how often each occurs:
/// what the search index takes from a document's body. Counted once when the body is parsed,
/// and held for every document until the index is written.
///
/// The words come grouped by their search partition (`SearchHash.partition`), in order of first
/// occurrence within each, as the search index takes them. They are kept as one run of bytes
/// and counts of a byte each: as an array of Strings and Ints, the words of 10,000 documents
/// held 90 MB of a build's memory, this a third of it.
package struct WordCounts: Sendable, Hashable {
    /// The words' bytes, one after another: word i ends at `ends[i]` and starts where word
    /// i - 1 ends.
    private var text: [UInt8]
    private var ends: [UInt32]
    /// How often each word occurs, up to 255: a body word's weight in the index stops at 3.
    package private(set) var counts: [UInt8]
    /// Partition p's words are those numbered `starts[p]..<starts[p + 1]`.
    package private(set) var starts: [Int32]

    package init() {
        text = []
        ends = []
        counts = []
        starts = Array(repeating: 0, count: SearchHash.partitions + 1)
    }

    package init(_ text: String) {
        var seen: [UInt8] = []
        var seenEnds: [UInt32] = []
        var partitions: [Int] = []
        var seenCounts: [UInt8] = []
        var numbers = WordNumbers()
        VietnameseText.forEachFoldedWordBytes(in: text) { bytes in
            let (number, isNew) = numbers.number(of: bytes)
            if isNew {
                seen.append(contentsOf: bytes)
                seenEnds.append(UInt32(seen.count))
                partitions.append(SearchHash.partition(of: bytes))
                seenCounts.append(1)
            } else if seenCounts[number] < .max {
                seenCounts[number] += 1
            }
        }
        let (order, starts) = SearchHash.grouped(partitions)
        var grouped: [UInt8] = []
        grouped.reserveCapacity(seen.count)
        var ends: [UInt32] = []
        ends.reserveCapacity(order.count)
        for number in order {
            grouped.append(contentsOf: seen[Self.range(number, seenEnds)])
            ends.append(UInt32(grouped.count))
        }
        self.text = grouped
        self.ends = ends
        self.counts = order.map { seenCounts[$0] }
        self.starts = starts
    }

    /// How many distinct words.
    package var count: Int { ends.count }

    /// Word `index`, as a String.
    package func word(_ index: Int) -> String {
        String(decoding: text[Self.range(index, ends)], as: UTF8.self)
    }

    /// Whether word `index` is `term`, compared by bytes.
    func word(_ index: Int, is term: String) -> Bool {
        term.withUTF8Bytes { text[Self.range(index, ends)].elementsEqual($0) }
    }

    /// Every word, in order (for tests and tools; the index reads them one by one).
    package var words: [String] { (0..<count).map(word) }

    func partition(_ partition: Int) -> Range<Int> { Int(starts[partition])..<Int(starts[partition + 1]) }

    private static func range(_ index: Int, _ ends: [UInt32]) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }
}
