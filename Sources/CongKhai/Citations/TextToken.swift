/// A word or punctuation mark of a text, with its place in the text's UTF-8 so callers can cut
/// the text (and cmark-gfm's text nodes) at a citation.
struct TextToken: Sendable {
    enum Kind: Sendable { case word, punctuation }
    var kind: Kind
    var text: String
    var lower: String
    /// UTF-8 offsets in the scanned text.
    var start: Int
    var end: Int
    /// White space stands between this token and the one before.
    var spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isDigits: Bool { kind == .word && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    var isPunctuation: Bool { kind == .punctuation }
    func `is`(_ punctuation: String) -> Bool { kind == .punctuation && text == punctuation }
    var startsUppercase: Bool { text.first.map { $0.isUppercase } ?? false }
    var isAllUppercase: Bool { kind == .word && !text.contains { $0.isLowercase } && text.contains { $0.isLetter } }

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
        var tokens: [TextToken] = []
        tokens.reserveCapacity(text.utf8.count / 4)
        var offset = 0
        var wordStart = -1
        var word = String.UnicodeScalarView()
        var spaceBefore = false
        func flushWord() {
            guard wordStart >= 0 else { return }
            let text = String(word)
            tokens.append(TextToken(kind: .word, text: text, lower: text.lowercased(), start: wordStart, end: offset, spaceBefore: spaceBefore))
            spaceBefore = false
            wordStart = -1
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "&" || (0x300...0x36F).contains(scalar.value) {
                if wordStart < 0 { wordStart = offset }
                word.append(scalar)
            } else if properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                flushWord()
                spaceBefore = true
            } else {
                flushWord()
                let mark = String(scalar)
                tokens.append(TextToken(kind: .punctuation, text: mark, lower: mark, start: offset, end: offset + width, spaceBefore: spaceBefore))
                spaceBefore = false
            }
            offset += width
        }
        flushWord()
        return tokens
    }
}
