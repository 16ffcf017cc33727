import VietText

/// The spelled-out types of document a citation can name, and the type codes of symbols: the
/// scanner's view of the one table of types (`DocumentType`).
enum DirectiveType {
    /// Lowercased phrases (longest first when matching) and their canonical spelling.
    static let phrases: [(words: [String], name: String)] =
        DocumentType.all.filter(\.cited).flatMap { type in
            type.spellings.map { (words: $0.split(separator: " ").map(String.init), name: type.name) }
        }
        .sorted { $0.words.count > $1.words.count }

    /// Types whose name comes before "số": "Luật Giáo dục số 43/2019/QH14".
    static let namedTypes: Set<String> = ["Luật", "Bộ luật", "Pháp lệnh"]

    /// Type codes (folded to ASCII uppercase) and the type they stand for, to name a citation
    /// printed without its type word.
    static let codes: [String: String] = DocumentType.byCode.mapValues(\.name)

    /// Phrases by the hash of their first word (`TextToken.word`, which each token carries):
    /// most words start no phrase and are rejected by one lookup, without hashing again.
    static let phrasesByFirstWord = HashedEntries(phrases.map { (TextToken.wordHash($0.words[0]), $0) })

    /// Byte lengths of the phrases' first words, one bit each: a cheap test before hashing a token.
    static let firstWordLengths: UInt64 = phrases.reduce(0) { lengths, phrase in
        let length = phrase.words[0].utf8.count
        precondition(length < 64, "a first word of fewer than 64 bytes: \(phrase.words[0])")
        return lengths | 1 << length
    }

    static func mayStartPhrase(_ token: TextToken) -> Bool {
        token.isWord && token.lowerCount < 64 && firstWordLengths & 1 << token.lowerCount != 0
    }

    /// The phrase starting at `index`, if any.
    static func match(_ tokens: [TextToken], at index: Int) -> (name: String, count: Int)? {
        guard tokens[index].isWord else { return nil }
        for phrase in phrasesByFirstWord[tokens[index].word]
        where index + phrase.words.count <= tokens.count && tokens[index].reads(phrase.words[0]) {
            var matched = true
            for offset in 1..<max(1, phrase.words.count) where phrase.words.count > 1 {
                let token = tokens[index + offset]
                if !token.isWord || !token.reads(phrase.words[offset]) {
                    matched = false
                    break
                }
            }
            if matched { return (phrase.name, phrase.words.count) }
        }
        return nil
    }

    /// Types abbreviated in capitals before their number: "QĐ số 123/QĐ-UBND", "CV số 456/PGDĐT",
    /// "TT 28/2020/TT-BGDĐT". Keyed by the lowercased abbreviation.
    static let abbreviations: [String: String] = DocumentType.byAbbreviation.mapValues(\.name)

    /// The type an abbreviation in capitals at `index` stands for.
    static func abbreviation(_ tokens: [TextToken], at index: Int) -> String? {
        let token = tokens[index]
        // Bytes first: every abbreviation opens with an ASCII capital; most words fail here.
        guard let first = token.utf8.first, first >= 0x41, first <= 0x5A, (2...5).contains(token.utf8.count),
            token.isAllUppercase
        else { return nil }
        return abbreviations[token.lower]
    }
}
