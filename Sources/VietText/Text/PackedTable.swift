/// Open addressing from a non-zero UInt64 (a word's bytes packed, or its hash) to a number; zero
/// marks an empty slot, so a key of zero is never asked for. A Dictionary would hash the key
/// again (SipHash) at every lookup: the search's word numbers and the citation scanner's word
/// lists look up every word of every document.
/// Inlinable: it is looked up from other modules at every word.
@frozen package struct PackedTable: Sendable {
    @usableFromInline var keys = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var values = [Int32](repeating: 0, count: 1024)
    @usableFromInline var count = 0

    @inlinable @inline(__always) func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    package init() {}

    @inlinable @inline(__always) package func value(of key: UInt64) -> Int? {
        let slot = slot(of: key)
        return keys[slot] == key ? Int(values[slot]) : nil
    }

    package mutating func insert(_ key: UInt64, value: Int) {
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
