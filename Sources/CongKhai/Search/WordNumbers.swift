import VietText

/// Numbers 0, 1, 2 ... for distinct words, in order of first sight: what counts a body's words
/// and gathers the search index's postings, once for each of millions of words. Vietnamese
/// words are syllables, nearly all of at most 8 bytes once folded: those are looked up by their
/// bytes packed into one UInt64 in an open-addressing table, without hashing a String; longer
/// words by their text. Words hold no zero byte (letters and digits), so packing is exact.
struct WordNumbers {
    private var short = PackedTable()
    private var long: [String: Int] = [:]
    private(set) var count = 0

    /// The word's number, and whether it is seen for the first time.
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        if (1...8).contains(bytes.count) {
            var packed: UInt64 = 0
            for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << UInt64(offset * 8) }
            return packedNumber(packed)
        }
        return longNumber(String(decoding: bytes, as: UTF8.self))
    }

    mutating func number(of word: String) -> (number: Int, isNew: Bool) {
        if (1...8).contains(word.utf8.count) {
            var packed: UInt64 = 0
            for (offset, byte) in word.utf8.enumerated() { packed |= UInt64(byte) << UInt64(offset * 8) }
            return packedNumber(packed)
        }
        return longNumber(word)
    }

    private mutating func packedNumber(_ packed: UInt64) -> (number: Int, isNew: Bool) {
        if let number = short.value(of: packed) { return (number, false) }
        short.insert(packed, value: count)
        count += 1
        return (count - 1, true)
    }

    private mutating func longNumber(_ word: String) -> (number: Int, isNew: Bool) {
        if let number = long[word] { return (number, false) }
        long[word] = count
        count += 1
        return (count - 1, true)
    }
}
