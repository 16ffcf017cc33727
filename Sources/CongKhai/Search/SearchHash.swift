import VietText

/// FNV-1a over UTF-8, 32 bits: the hash that picks a folded word's shard of the search index,
/// here and in assets/search.js alike, and its partition while the index is built.
enum SearchHash {
    static func of(_ text: String) -> UInt32 { text.withUTF8Bytes(of) }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811c9dc5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return hash
    }

    /// Terms are first spread over this many partitions, each turned into postings on its own core.
    static let partitions = 64

    static func partition(of word: String) -> Int { Int(of(word) % UInt32(partitions)) }

    static func partition(of word: UnsafeBufferPointer<UInt8>) -> Int { Int(of(word) % UInt32(partitions)) }

    /// Positions grouped by partition, in their order within each (a stable counting sort):
    /// `order[starts[p]..<starts[p + 1]]` are the positions whose partition is p.
    static func grouped(_ partitionOf: [Int]) -> (order: [Int], starts: [Int32]) {
        var starts = [Int32](repeating: 0, count: partitions + 1)
        for partition in partitionOf { starts[partition + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var order = [Int](repeating: 0, count: partitionOf.count)
        for (position, partition) in partitionOf.enumerated() {
            order[Int(next[partition])] = position
            next[partition] += 1
        }
        return (order, starts)
    }
}
