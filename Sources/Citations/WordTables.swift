import VietText

/// The scanner's lists of words and word pairs, looked up by the hash each token carries
/// (`TextToken.word`) and confirmed byte for byte. A `Set<String>` hashes every lookup anew,
/// normalising Unicode first, and a pair looked up as "\(a) \(b)" made a String each time: the
/// issuer's stop words alone are tried at every word of every issuer's name.
struct WordSet: Sendable {
    private struct Entry: Sendable {
        var listed: String
        var lower: String
    }

    /// Hash of the lowercased word → the words as listed (rarely more than one).
    private let entries: HashedEntries<Entry>

    init(_ words: some Sequence<String>) {
        entries = HashedEntries(
            words.map { word in
                let lower = word.lowercased()
                return (TextToken.wordHash(lower), Entry(listed: word, lower: lower))
            })
    }

    /// Whether the token is one of the words in any case ("Về" is "về").
    func contains(_ token: TextToken) -> Bool {
        entries.contains(token.word) { token.reads($0.lower) }
    }

    /// Whether the token is printed as one of the words is listed ("về", not "Về").
    func containsAsPrinted(_ token: TextToken) -> Bool {
        entries.contains(token.word) { token.printed($0.listed) }
    }
}

/// Pairs of words ("căn cứ", "ban hành"), looked up by two tokens' hashes.
struct WordPairs: Sendable {
    private struct Entry: Sendable {
        var listed: (String, String)
        var lower: (String, String)
    }

    /// Hash of the lowercased pair → the pairs as listed.
    private let entries: HashedEntries<Entry>

    /// Each pair as two words separated by one space.
    init(_ pairs: some Sequence<String>) {
        entries = HashedEntries(
            pairs.map { pair in
                let words = pair.split(separator: " ").map(String.init)
                precondition(words.count == 2, "a pair of words: \(pair)")
                let lower = (words[0].lowercased(), words[1].lowercased())
                return (
                    Self.key(TextToken.wordHash(lower.0), TextToken.wordHash(lower.1)),
                    Entry(listed: (words[0], words[1]), lower: lower)
                )
            })
    }

    private static func key(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E3779B97F4A7C15) ^ second
    }

    /// Whether the two tokens make one of the pairs in any case.
    func contains(_ first: TextToken, _ second: TextToken) -> Bool {
        entries.contains(Self.key(first.word, second.word)) {
            first.reads($0.lower.0) && second.reads($0.lower.1)
        }
    }

    /// Whether the two tokens make one of the pairs as it is listed.
    func containsAsPrinted(_ first: TextToken, _ second: TextToken) -> Bool {
        entries.contains(Self.key(first.word, second.word)) {
            first.printed($0.listed.0) && second.printed($0.listed.1)
        }
    }
}
