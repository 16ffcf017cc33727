import VietText

/// Text as a dictionary key, hashed and compared by its UTF-8 bytes. Swift hashes a non-ASCII
/// String through Unicode normalization on every lookup, which made most of the directive
/// index's time at 10,000 documents. congkhai's text is NFC already (the content loader makes
/// it so), so equal bytes and canonical equality are the same test here.
struct ByteKey: Hashable, Sendable {
    let texts: [String?]
    private let digest: UInt64

    init(_ texts: String?...) { self.init(texts) }

    init(_ texts: [String?]) {
        self.texts = texts
        var hasher = Hasher64()
        for text in texts { hasher.add(text) }
        digest = hasher.value
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.digest == rhs.digest && lhs.texts.count == rhs.texts.count
            && zip(lhs.texts, rhs.texts).allSatisfy { left, right in
                switch (left, right) {
                case (nil, nil): return true
                case (let left?, let right?): return left.hasSameUTF8(as: right)
                default: return false
                }
            }
    }
}
