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
        // Vietnamese words are syllables, nearly all of at most 8 letters once folded: those
        // are counted by their bytes packed into one number, the rest by their text.
        var short = PackedWordTable()
        var long: [String: Int] = [:]
        VietnameseText.forEachFoldedWordBytes(in: text) { bytes in
            if bytes.count <= 8 {
                var packed: UInt64 = 0
                for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(offset * 8) }
                if let index = short.index(of: packed) {
                    counts[index] += 1
                    return
                }
                short.insert(packed, index: words.count)
                words.append(String(decoding: bytes, as: UTF8.self))
            } else {
                let word = String(decoding: bytes, as: UTF8.self)
                if let index = long[word] {
                    counts[index] += 1
                    return
                }
                long[word] = words.count
                words.append(word)
            }
            counts.append(1)
        }
        let (order, starts) = SearchHash.grouped(words.map(SearchHash.partition(of:)))
        self.words = order.map { words[$0] }
        self.counts = order.map { counts[$0] }
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

/// An open-addressing table from a word packed into a non-zero UInt64 to its position: the
/// word counter's lookup, made for every word of every body.
private struct PackedWordTable {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var count = 0

    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    func index(of key: UInt64) -> Int? {
        let slot = slot(of: key)
        return keys[slot] == key ? Int(values[slot]) : nil
    }

    mutating func insert(_ key: UInt64, index: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let slot = slot(of: key)
        keys[slot] = key
        values[slot] = Int32(index)
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}
