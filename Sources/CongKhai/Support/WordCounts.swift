/// The folded words of a text (`VietnameseText.forEachFoldedWord`) with how often each occurs,
/// in order of first occurrence: what the search index takes from a document's body. Counted
/// once when the body is parsed and kept in the build cache, so a rebuild does not fold every
/// body again.
public struct WordCounts: Sendable, Hashable {
    public private(set) var words: [String]
    public private(set) var counts: [Int]

    public init() {
        words = []
        counts = []
    }

    public init(_ text: String) {
        var words: [String] = []
        var counts: [Int] = []
        var position: [String: Int] = [:]
        VietnameseText.forEachFoldedWord(in: text) { word in
            if let index = position[word] {
                counts[index] += 1
            } else {
                position[word] = words.count
                words.append(word)
                counts.append(1)
            }
        }
        self.words = words
        self.counts = counts
    }

    init?(words: [String], counts: [Int]) {
        guard words.count == counts.count else { return nil }
        self.words = words
        self.counts = counts
    }
}
