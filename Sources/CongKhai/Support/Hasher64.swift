import Foundation

/// FNV-1a, 64 bits: fast and stable across runs and machines (Swift's Hasher is seeded per
/// process), for fingerprints and the keys that decide which pages a rebuild can reuse. Each
/// value added is ended by a separator, so ("ab", "c") and ("a", "bc") differ.
struct Hasher64: Sendable {
    private(set) var value: UInt64
    init(seed: UInt64 = 0xcbf29ce484222325) { value = seed }

    /// The one FNV-1a step, over any bytes.
    @inline(__always)
    private static func mix<Bytes: Sequence<UInt8>>(_ state: UInt64, _ bytes: Bytes) -> UInt64 {
        var state = state
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100000001b3 }
        return state
    }

    mutating func add(_ text: String) {
        // Over the string's own storage: iterating String.UTF8View byte by byte was most of
        // the time of computing every page's key.
        let mixed = text.utf8.withContiguousStorageIfAvailable { Self.mix(value, $0) } ?? Self.mix(value, text.utf8)
        value = (mixed ^ 0x0A) &* 0x100000001b3
    }

    mutating func add(bytes: [UInt8]) {
        value = (Self.mix(value, bytes) ^ 0x0A) &* 0x100000001b3
        add(bytes.count)
    }

    mutating func add(_ number: UInt64) {
        var state = value
        for shift in stride(from: 0, to: 64, by: 8) { state = (state ^ ((number >> UInt64(shift)) & 0xFF)) &* 0x100000001b3 }
        value = (state ^ 0x1F) &* 0x100000001b3
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    mutating func add(_ texts: [String]) {
        add(texts.count)
        for text in texts { add(text) }
    }

    /// Marks an absent value, distinct from an empty one.
    mutating func add(_ text: String?) {
        if let text { add(1); add(text) } else { add(0) }
    }

    static func of(bytes: Data) -> UInt64 {
        bytes.withUnsafeBytes { mix(0xcbf29ce484222325, $0) }
    }

    static func of(_ text: String) -> UInt64 {
        var hasher = Hasher64()
        hasher.add(text)
        return hasher.value
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
