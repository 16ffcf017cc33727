import Foundation
import VietText

/// The text a scan's tokens are cut from: its UTF-8, and the lowercased form of each word
/// printed with capitals. Tokens point into it rather than carry Strings, so that copying one
/// costs no reference counting: a paragraph's tokens are read and copied many times over.
final class TokenSource {
    /// The text's UTF-8, in memory of its own so that tokens can point into it.
    let bytes: UnsafeBufferPointer<UInt8>
    fileprivate(set) var lowers: [String] = []

    init(_ text: String) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, text.utf8.count))
        _ = storage.initialize(from: text.utf8)
        bytes = UnsafeBufferPointer(rebasing: storage[..<text.utf8.count])
    }

    deinit { bytes.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() } }

    /// Whether the `count` bytes at `start` are `text`'s UTF-8.
    static func holds(_ text: String, _ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard text.utf8.count == count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, start, count) == 0 }
            ?? text.utf8.elementsEqual(UnsafeBufferPointer(start: start, count: count))
    }
}

/// A word or punctuation mark of a text, with its place in the text's UTF-8 so callers can cut
/// the text (and cmark-gfm's text nodes) at a citation.
///
/// It points into its `TokenSource` without holding it: whoever tokenizes keeps the source
/// alive while the tokens are read (`TextTokenizer.withTokens`), and no token leaves that
/// closure. Its fields are constants: a token's bytes are only ever those it was cut as.
struct TextToken {
    enum Kind: Sendable { case word, punctuation }
    let kind: Kind
    /// `lower`'s hash, for the scanner's word tables (`WordSet`, `WordPairs`).
    let word: UInt64
    /// UTF-8 offsets in the scanned text.
    let start: Int
    let end: Int
    /// White space stands between this token and the one before.
    let spaceBefore: Bool
    /// All ASCII digits: tested at every word.
    let isDigits: Bool
    /// Where `lower` is in the source's `lowers`; -1 when the word is printed in lowercase.
    private let lowerIndex: Int32
    private unowned(unsafe) let source: TokenSource
    /// The source's first byte: read through a pointer, the bytes cost no reference counting.
    private let base: UnsafePointer<UInt8>

    fileprivate init(
        kind: Kind, source: TokenSource, lower: String?, start: Int, end: Int, spaceBefore: Bool
    ) {
        self.kind = kind
        self.source = source
        base = source.bytes.baseAddress!
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        var isDigits = kind == .word && end > start
        for byte in UnsafeBufferPointer(start: base + start, count: end - start) where byte < 0x30 || byte > 0x39 {
            isDigits = false
            break
        }
        self.isDigits = isDigits
        if let lower, !TokenSource.holds(lower, base + start, end - start) {
            lowerIndex = Int32(source.lowers.count)
            source.lowers.append(lower)
            word = Self.wordHash(lower)
        } else {
            lowerIndex = -1
            word = Hasher64.of(utf8: UnsafeRawBufferPointer(start: base + start, count: end - start))
        }
    }

    static func wordHash(_ lower: String) -> UInt64 { Hasher64.of(lower) }

    /// The token as printed.
    var text: String { String(decoding: utf8, as: UTF8.self) }
    /// The token lowercased.
    var lower: String { lowerIndex < 0 ? text : source.lowers[Int(lowerIndex)] }
    /// `lower`'s length in bytes.
    var lowerCount: Int { lowerIndex < 0 ? end - start : source.lowers[Int(lowerIndex)].utf8.count }
    /// Printed in lowercase: `lower` is `text`.
    var isLowercase: Bool { lowerIndex < 0 }

    var isWord: Bool { kind == .word }
    /// Whether the token is `word` in any case; `word` lowercased. Compares bytes: `==` on
    /// Strings checks canonical equivalence, slow for Vietnamese.
    func reads(_ word: String) -> Bool {
        lowerIndex < 0
            ? TokenSource.holds(word, base + start, end - start) : source.lowers[Int(lowerIndex)].hasSameUTF8(as: word)
    }
    var isPunctuation: Bool { kind == .punctuation }
    func `is`(_ punctuation: String) -> Bool {
        kind == .punctuation && TokenSource.holds(punctuation, base + start, end - start)
    }
    /// Whether the token is printed as `text`, byte for byte: the scanned text is NFC, where
    /// `==`'s canonical equivalence is the same test, slower.
    func printed(_ text: String) -> Bool { TokenSource.holds(text, base + start, end - start) }
    /// The token's bytes, valid while its source lives.
    var utf8: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + start, count: end - start) }

    /// The token's scalars' values, read from its bytes.
    private func forEachScalar(_ body: (UInt32) -> Bool) {
        let bytes = utf8
        var offset = 0
        while offset < bytes.count {
            let (value, width) = bytes.scalarValue(at: offset)
            guard body(value) else { return }
            offset += width
        }
    }

    /// Whether its first Character is uppercase; Latin and Vietnamese words by `ScalarCase`.
    var startsUppercase: Bool { ScalarCase.startsUppercase(utf8) }

    /// A word with a letter and no lowercase Character; Latin and Vietnamese words by `ScalarCase`.
    var isAllUppercase: Bool {
        guard kind == .word else { return false }
        var hasLetter = false, hasLowercase = false, known = true
        forEachScalar { value in
            guard let flags = ScalarCase.flags(value) else {
                known = false
                return false
            }
            hasLowercase = hasLowercase || flags.contains(.lowercase)
            hasLetter = hasLetter || flags.contains(.letter)
            return true
        }
        guard known else {
            let text = text
            return !text.contains { $0.isLowercase } && text.contains { $0.isLetter }
        }
        return hasLetter && !hasLowercase
    }

    /// Letters from the symbol alphabet only (A-Z, a-z, Đ, đ), digits and "&": the shape of a
    /// code in a number and symbol. Vietnamese words with other diacritics are never codes.
    var isCodeShaped: Bool {
        guard kind == .word, end - start <= 24 else { return false }
        var shaped = true
        forEachScalar { value in
            switch value {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x26, 0x110, 0x111: return true
            default:
                shaped = false
                return false
            }
        }
        return shaped
    }
}

enum TextTokenizer {
    /// `body` given the text's words (letters, digits, "&") and single punctuation marks, and
    /// the text's UTF-8 they point into, all kept alive while it runs.
    static func withTokens<Result>(
        _ text: String, _ body: ([TextToken], UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        let source = TokenSource(text)
        return try withExtendedLifetime(source) { try body(tokens(source), source.bytes) }
    }

    /// Words a lost space glues to the number after them: "số43/2006/TT-BGD&ĐT", "ngày15/11/2002".
    private static let gluedToNumbers = ["số", "ngày"]

    /// The glued word when `lower` is one of `gluedToNumbers` then digits.
    private static func glued(_ lower: UnsafeBufferPointer<UInt8>) -> String? {
        // Both open with "s" or "n" and end in a digit: most words are passed on two bytes.
        guard let first = lower.first, first == 0x73 || first == 0x6E, let last = lower.last, last >= 0x30,
            last <= 0x39
        else { return nil }
        return gluedToNumbers.first { glued in
            let length = glued.utf8.count
            return lower.count > length && lower.starts(with: glued.utf8)
                && lower.dropFirst(length).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
    }

    /// Words are cut from the text's own bytes, not built a scalar at a time; the bytes are
    /// read as UTF-8 here rather than through `unicodeScalars`, a third of the time.
    private static func tokens(_ source: TokenSource) -> [TextToken] {
        let utf8 = source.bytes
        // Read once here: a static of another module is checked for its first use at
        // every access.
        let latinLetterFlags = VietnameseText.latinLetterFlags
        var tokens: [TextToken] = []
        tokens.reserveCapacity(utf8.count / 4)
        var offset = 0
        var wordStart = -1
        var spaceBefore = false
        var hasUppercase = false
        func flushWord() {
            guard wordStart >= 0 else { return }
            let bytes = UnsafeBufferPointer(rebasing: utf8[wordStart..<offset])
            var lower: String?
            if hasUppercase {
                lower =
                    VietnameseText.lowercased(utf8: bytes) ?? String(decoding: bytes, as: UTF8.self).lowercased()
            }
            // A space lost in a PDF glues "số" or "ngày" to the number: two words.
            let gluedWord = if var lowered = lower { lowered.withUTF8(glued) } else { glued(bytes) }
            if let gluedWord {
                let split = wordStart + gluedWord.utf8.count
                tokens.append(
                    TextToken(
                        kind: .word, source: source, lower: lower == nil ? nil : gluedWord, start: wordStart,
                        end: split, spaceBefore: spaceBefore))
                tokens.append(
                    TextToken(
                        kind: .word, source: source, lower: nil, start: split, end: offset, spaceBefore: false))
            } else {
                tokens.append(
                    TextToken(
                        kind: .word, source: source, lower: lower, start: wordStart, end: offset,
                        spaceBefore: spaceBefore))
            }
            hasUppercase = false
            spaceBefore = false
            wordStart = -1
        }
        while offset < utf8.count {
            let (value, width) = utf8.scalarValue(at: offset)
            let isWordScalar: Bool
            let isSpace: Bool
            if value < 0x80 {
                // ASCII without Unicode property lookups: most of any text.
                isWordScalar =
                    (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                    || (value >= 0x30 && value <= 0x39) || value == 0x26
                isSpace = value == 0x20 || (value >= 0x09 && value <= 0x0D)
                if value >= 0x41 && value <= 0x5A { hasUppercase = true }
            } else if value < 0x1F00 {
                let flags = latinLetterFlags[Int(value)]
                isWordScalar = flags & 1 != 0
                isSpace = flags & 4 != 0
                if flags & 2 != 0 { hasUppercase = true }
            } else if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) {
                // Dashes, quotes, ellipses and the rest of General Punctuation.
                isWordScalar = false
                isSpace = false
            } else {
                let properties = Unicode.Scalar(value)!.properties
                isWordScalar = properties.isAlphabetic || properties.numericType != nil
                isSpace = properties.isWhitespace || value == 0x200B || value == 0xFEFF
                if isWordScalar && properties.changesWhenLowercased { hasUppercase = true }
            }
            if isWordScalar {
                if wordStart < 0 { wordStart = offset }
            } else if isSpace {
                flushWord()
                spaceBefore = true
            } else {
                flushWord()
                tokens.append(
                    TextToken(
                        kind: .punctuation, source: source, lower: nil, start: offset, end: offset + width,
                        spaceBefore: spaceBefore))
                spaceBefore = false
            }
            offset += width
        }
        flushWord()
        return tokens
    }
}

/// The date reader reads the scanner's tokens as they are.
extension TextToken: DateWord {}
