import Foundation

/// A 64-bit hash, stable across runs and machines (Swift's Hasher is seeded per process), for
/// fingerprints and the keys that decide which pages a rebuild can reuse. Each value added is
/// ended by a separator, so ("ab", "c") and ("a", "bc") differ.
///
/// Bytes are taken eight at a time (little-endian words, multiplied by the 64-bit golden ratio
/// and folded), the few left over one at a time as FNV-1a does: byte by byte, FNV-1a was most
/// of the time of computing every page's key (about 30 MB of text at 10,000 documents).
/// Inlinable: the incremental build hashes every page's inputs through it, from another module.
@frozen package struct Hasher64: Sendable {
    @usableFromInline package private(set) var value: UInt64

    @inlinable package init(seed: UInt64 = 0xcbf29ce484222325) { value = seed }

    @inline(__always)
    @inlinable static func mix(_ state: UInt64, _ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var state = state
        var offset = 0
        let count = buffer.count
        while offset + 8 <= count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state = (state ^ word) &* 0x9E3779B97F4A7C15
            state ^= state >> 32
            offset += 8
        }
        while offset < count {
            state = (state ^ UInt64(buffer[offset])) &* 0x100000001b3
            offset += 1
        }
        return state
    }

    /// The same over bytes not stored in one piece (made contiguous first, so equal bytes
    /// always hash alike).
    @inlinable static func mix<Bytes: Sequence<UInt8>>(_ state: UInt64, _ bytes: Bytes) -> UInt64 {
        Array(bytes).withUnsafeBytes { mix(state, $0) }
    }

    @inlinable package mutating func add(_ text: String) {
        // Over the string's own storage: iterating String.UTF8View byte by byte was most of
        // the time of computing every page's key.
        let mixed =
            text.utf8.withContiguousStorageIfAvailable { Self.mix(value, UnsafeRawBufferPointer($0)) }
            ?? Self.mix(value, text.utf8)
        value = (mixed ^ 0x0A) &* 0x100000001b3
    }

    @inlinable package mutating func add(bytes: [UInt8]) {
        value = (bytes.withUnsafeBytes { Self.mix(value, $0) } ^ 0x0A) &* 0x100000001b3
        add(bytes.count)
    }

    @inlinable package mutating func add(_ number: UInt64) {
        var state = (value ^ number) &* 0x9E3779B97F4A7C15
        state ^= state >> 32
        value = (state ^ 0x1F) &* 0x100000001b3
    }

    @inlinable package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    @inlinable package mutating func add(_ texts: [String]) {
        add(texts.count)
        for text in texts { add(text) }
    }

    /// Marks an absent value, distinct from an empty one.
    @inlinable package mutating func add(_ text: String?) {
        if let text {
            add(1)
            add(text)
        } else {
            add(0)
        }
    }

    @inlinable package static func of(bytes: Data) -> UInt64 {
        bytes.withUnsafeBytes { mix(0xcbf29ce484222325, $0) }
    }

    /// `of(text)` for a text's UTF-8, read where it lies.
    @inlinable package static func of(utf8 bytes: UnsafeRawBufferPointer) -> UInt64 {
        (mix(0xcbf29ce484222325, bytes) ^ 0x0A) &* 0x100000001b3
    }

    @inlinable package static func of(_ text: String) -> UInt64 {
        var hasher = Hasher64()
        hasher.add(text)
        return hasher.value
    }

    @inlinable package var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
