import Foundation

extension String {
    /// Runs `body` over the string's UTF-8 in its own storage (a copy only for a string bridged
    /// from elsewhere): a loop over `utf8` byte by byte takes four times as long, and such loops
    /// run over every document's whole text.
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// The text's lines, as `split(separator: "\n", omittingEmptySubsequences: false)` cuts
    /// them: at the byte of "\n" when no "\r" is there to join one into a Character ("\r\n"),
    /// which is many times as fast as cutting by Characters.
    package func lines() -> [Substring] {
        guard !containsUTF8Byte(0x0D) else { return split(separator: "\n", omittingEmptySubsequences: false) }
        return utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Whether any UTF-8 byte is one of `bytes`, each looked for with memchr: many times as fast
    /// as a test of every byte, over every source's whole text.
    package func containsUTF8Byte(_ bytes: UInt8...) -> Bool {
        withUTF8Bytes { text in
            guard let start = text.baseAddress else { return false }
            return bytes.contains { memchr(start, Int32($0), text.count) != nil }
        }
    }
}

extension String {
    /// Whether the two texts have the same UTF-8 bytes, compared in their storage. `==` on
    /// String compares canonical equivalence (slow for non-ASCII text) and `utf8.elementsEqual`
    /// goes byte by byte; congkhai's text is NFC, so equal bytes are equal text.
    package func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the string, searched in its storage byte by byte:
    /// `contains(_:)` on String matches by characters, a second over a large portal's HTML.
    package func containsUTF8(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return utf8.withContiguousStorageIfAvailable { haystack -> Bool in
            guard haystack.count >= pattern.count else { return false }
            var index = 0
            let last = haystack.count - pattern.count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < pattern.count && haystack[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        } ?? contains(needle)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` in `start..<end` (by default, to the end), found with
    /// memchr (many bytes at a time): lines are cut and pipes counted this way over every
    /// document's text.
    @inlinable
    package func index(of byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard let base = baseAddress, start < end, let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The code point starting at `offset` of valid UTF-8 (a String's storage) and its length
    /// in bytes: reading a text's bytes this way is three times as fast as `unicodeScalars`.
    @inlinable @inline(__always)
    package func scalarValue(at offset: Int) -> (value: UInt32, width: Int) {
        let lead = self[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(self[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(self[offset + 1] & 0x3F) << 6 | UInt32(self[offset + 2] & 0x3F), 3
            )
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(self[offset + 1] & 0x3F) << 12 | UInt32(self[offset + 2] & 0x3F) << 6
                | UInt32(self[offset + 3] & 0x3F), 4
        )
    }
}

/// A replacement of some of a text's UTF-8 bytes, found by a byte scan.
package struct UTF8Edit: Sendable {
    package var range: Range<Int>
    package var replacement: String

    package init(_ range: Range<Int>, with replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

extension String {
    /// The text with `edits` made, joined from pieces of the text itself, which are copied as
    /// the valid UTF-8 they are: bytes gathered in an array and decoded into a String are
    /// checked again, every one (10 µs for a 10 KB document). `edits` are in order, do not
    /// overlap, and start and end at a character's first byte (found at ASCII bytes, they do).
    package func applyingUTF8Edits(_ edits: [UTF8Edit]) -> String {
        guard !edits.isEmpty else { return self }
        let utf8 = self.utf8
        var output = ""
        output.reserveCapacity(utf8.count + edits.reduce(0) { $0 + $1.replacement.utf8.count - $1.range.count })
        var copied = utf8.startIndex
        var copiedOffset = 0
        for edit in edits {
            let start = utf8.index(copied, offsetBy: edit.range.lowerBound - copiedOffset)
            output += Substring(utf8[copied..<start])
            output += edit.replacement
            copied = utf8.index(start, offsetBy: edit.range.count)
            copiedOffset = edit.range.upperBound
        }
        output += Substring(utf8[copied...])
        return output
    }
}

/// Tests of eight bytes at once (a little-endian word of a text's UTF-8), for scans that pass
/// whole the words holding none of the bytes they look for: the usual "has a zero byte" test,
/// exact for the word as a whole.
package enum ByteWord {
    /// The eight bytes at `offset` (at least eight from the end).
    @inlinable @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether one of the word's bytes is `byte`.
    @inlinable @inline(__always)
    package static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasBelow(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)), 1)
    }

    /// Whether one of the word's bytes is below `limit` (at most 0x80).
    @inlinable @inline(__always)
    package static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
