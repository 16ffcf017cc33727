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

/// Open addressing from a non-zero UInt64 to a number; zero marks an empty slot.
private struct PackedTable {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var count = 0

    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    func value(of key: UInt64) -> Int? {
        let slot = slot(of: key)
        return keys[slot] == key ? Int(values[slot]) : nil
    }

    mutating func insert(_ key: UInt64, value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let slot = slot(of: key)
        keys[slot] = key
        values[slot] = Int32(value)
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
