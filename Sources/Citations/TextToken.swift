import VietText

/// A word or punctuation mark of a text, with its place in the text's UTF-8 so callers can cut
/// the text (and cmark-gfm's text nodes) at a citation.
struct TextToken: Sendable {
    enum Kind: Sendable { case word, punctuation }
    var kind: Kind
    var text: String
    var lower: String
    /// `lower`'s hash, for the scanner's word tables (`WordSet`, `WordPairs`).
    var word: UInt64
    /// UTF-8 offsets in the scanned text.
    var start: Int
    var end: Int
    /// White space stands between this token and the one before.
    var spaceBefore: Bool

    init(kind: Kind, text: String, lower: String, start: Int, end: Int, spaceBefore: Bool) {
        self.kind = kind
        self.text = text
        self.lower = lower
        self.word = Self.wordHash(lower)
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
    }

    static func wordHash(_ lower: String) -> UInt64 { Hasher64.of(lower) }

    var isWord: Bool { kind == .word }
    /// Whether the token is `word` in any case; `word` lowercased. Compares bytes: `==` on
    /// Strings checks canonical equivalence, slow for Vietnamese.
    func reads(_ word: String) -> Bool { lower.hasSameUTF8(as: word) }
    var isDigits: Bool { kind == .word && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    var isPunctuation: Bool { kind == .punctuation }
    func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text.hasSameUTF8(as: punctuation) }
    /// Whether the token is printed as `text`, byte for byte: the scanned text is NFC, where
    /// `==`'s canonical equivalence is the same test, slower.
    func printed(_ text: String) -> Bool { self.text.hasSameUTF8(as: text) }
    /// Whether its first Character is uppercase; Latin and Vietnamese words by `ScalarCase`.
    var startsUppercase: Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if let flags = ScalarCase.flags(first.value), scalars.next().map({ ScalarCase.flags($0.value) != nil }) ?? true
        {
            return flags.contains(.uppercase)
        }
        return text.first.map { $0.isUppercase } ?? false
    }

    /// A word with a letter and no lowercase Character; Latin and Vietnamese words by `ScalarCase`.
    var isAllUppercase: Bool {
        guard kind == .word else { return false }
        var hasLetter = false, hasLowercase = false
        for scalar in text.unicodeScalars {
            guard let flags = ScalarCase.flags(scalar.value) else {
                return !text.contains { $0.isLowercase } && text.contains { $0.isLetter }
            }
            hasLowercase = hasLowercase || flags.contains(.lowercase)
            hasLetter = hasLetter || flags.contains(.letter)
        }
        return hasLetter && !hasLowercase
    }

    /// Letters from the symbol alphabet only (A-Z, a-z, Đ, đ), digits and "&": the shape of a
    /// code in a number and symbol. Vietnamese words with other diacritics are never codes.
    var isCodeShaped: Bool {
        guard kind == .word, text.utf8.count <= 24 else { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "&", "Đ", "đ": continue
            default: return false
            }
        }
        return true
    }
}

enum TextTokenizer {
    /// Splits text into words (letters, digits, "&") and single punctuation marks.
    static func tokens(_ text: String) -> [TextToken] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { tokens(text, utf8: $0) } ?? []
    }

    /// Words a lost space glues to the number after them: "số43/2006/TT-BGD&ĐT", "ngày15/11/2002".
    private static let gluedToNumbers = ["số", "ngày"]

    /// A word's text is cut from the text's own bytes, not built a scalar at a time; the bytes
    /// are read as UTF-8 here rather than through `unicodeScalars`, a third of the time.
    private static func tokens(_ text: String, utf8: UnsafeBufferPointer<UInt8>) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(utf8.count / 4)
        var offset = 0
        var wordStart = -1
        var spaceBefore = false
        var hasUppercase = false
        func flushWord() {
            guard wordStart >= 0 else { return }
            let bytes = UnsafeBufferPointer(rebasing: utf8[wordStart..<offset])
            let text = String(decoding: bytes, as: UTF8.self)
            let lower = hasUppercase ? VietnameseText.lowercased(utf8: bytes) ?? text.lowercased() : text
            // A space lost in a PDF glues "số" or "ngày" to the number: two words.
            if let glued = gluedToNumbers.first(where: { glued in
                lower.utf8.count > glued.utf8.count && lower.utf8.starts(with: glued.utf8)
                    && lower.utf8.dropFirst(glued.utf8.count).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }) {
                let length = glued.utf8.count
                let split = wordStart + length
                let word = String(decoding: text.utf8.prefix(length), as: UTF8.self)
                tokens.append(
                    TextToken(
                        kind: .word, text: word, lower: glued, start: wordStart, end: split, spaceBefore: spaceBefore))
                let digits = String(decoding: text.utf8.dropFirst(length), as: UTF8.self)
                tokens.append(
                    TextToken(kind: .word, text: digits, lower: digits, start: split, end: offset, spaceBefore: false))
            } else {
                tokens.append(
                    TextToken(
                        kind: .word, text: text, lower: lower, start: wordStart, end: offset, spaceBefore: spaceBefore))
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
                let flags = VietnameseText.latinLetterFlags[Int(value)]
                isWordScalar = flags & 1 != 0
                isSpace = flags & 4 != 0
                if flags & 2 != 0 { hasUppercase = true }
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
                let mark = String(decoding: UnsafeBufferPointer(rebasing: utf8[offset..<offset + width]), as: UTF8.self)
                tokens.append(
                    TextToken(
                        kind: .punctuation, text: mark, lower: mark, start: offset, end: offset + width,
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
