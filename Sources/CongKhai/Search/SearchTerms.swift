import VietText

/// One search entry's terms and weights (each capped to a byte), grouped by the search index's
/// partitions: a document's body words as its `WordCounts` holds them, already grouped and
/// hashed when it was parsed, and apart from them the few terms of its title, number, unit and
/// kind. Made when the index is written (`SearchIndex`), only for the entries whose key changed
/// since the last build: the others' postings are kept (`SearchPostings`).
struct SearchTerms: Sendable {
    /// A number or symbol outweighs a title word, which outweighs the signer, the unit, the kind
    /// and the body: a name ranks the documents its bearer signed above those that mention it.
    enum Weight { static let symbol = 40, title = 10, signer = 6, unit = 5, kind = 4, body = 1, bodyCap = 3 }

    private let body: WordCounts
    private let bodyWeights: [UInt8]
    private let extraTerms: [String]
    private let extraWeights: [UInt8]
    /// Partition p's other terms are `extraTerms[extraStarts[p]..<extraStarts[p + 1]]`.
    private let extraStarts: [Int32]

    /// A term of `extra` that is also a body word adds its weight to the word's. The body's
    /// share is capped on its own, so it never outweighs the title.
    init(body words: WordCounts, extra weights: [String: Int]) {
        var bodyWeights = words.counts.map { UInt8(min(Int($0) * Weight.body, Weight.bodyCap)) }
        var extra: [(term: String, weight: Int, partition: Int)] = []
        for (term, weight) in weights {
            let partition = SearchHash.partition(of: Self.shardKey(term))
            if let index = words.partition(partition).first(where: { words.word($0, is: term) }) {
                bodyWeights[index] = UInt8(min(255, Int(bodyWeights[index]) + weight))
            } else {
                extra.append((term, weight, partition))
            }
        }
        let (order, starts) = SearchHash.grouped(extra.map(\.partition))
        body = words
        self.bodyWeights = bodyWeights
        extraTerms = order.map { extra[$0].term }
        extraWeights = order.map { UInt8(min(255, extra[$0].weight)) }
        extraStarts = starts
    }

    /// A document's: its body, title, kind, unit, signer, number and the symbols it cites.
    /// `unitTokens` and `kindTokens` are `tokens` of its unit's and kind's names.
    static func document(
        _ source: SourceDocument, rendered: RenderedMarkdown, unitTokens: [String], kindTokens: [String]
    ) -> SearchTerms {
        var weights: [String: Int] = [:]
        func add(_ tokens: [String], _ weight: Int) { for token in tokens { weights[token, default: 0] += weight } }
        add(tokens(source.title), Weight.title)
        add(kindTokens, Weight.kind)
        add(unitTokens, Weight.unit)
        if let signer = source.signer { add(tokens(signer), Weight.signer) }
        if let number = source.number {
            add(tokens(number), Weight.symbol)
            addSymbol(number, Weight.symbol, &weights)
        }
        for citation in rendered.citations { addSymbolKey(citation.symbolKey.lowercased(), Weight.title, &weights) }
        addAccented(source.title, &weights)
        return SearchTerms(body: rendered.words, extra: weights)
    }

    /// A directive's: its title and its symbol in every spelling.
    static func directive(_ directive: Directive) -> SearchTerms {
        var weights: [String: Int] = [:]
        for token in tokens(directive.title) { weights[token, default: 0] += Weight.title }
        for token in tokens(directive.symbol) { weights[token, default: 0] += Weight.symbol }
        addSymbol(directive.symbol, Weight.symbol * 2, &weights)
        for variant in directive.variants { addSymbol(variant, Weight.symbol * 2, &weights) }
        addAccented(directive.title, &weights)
        return SearchTerms(body: WordCounts(), extra: weights)
    }

    @inline(__always)
    func forEach(in partition: Int, _ visit: (String, UInt8) -> Void) {
        for index in body.partition(partition) { visit(body.word(index), bodyWeights[index]) }
        for index in Int(extraStarts[partition])..<Int(extraStarts[partition + 1]) {
            visit(extraTerms[index], extraWeights[index])
        }
    }

    /// Folded words: lowercase ASCII letters and digits, as assets/search.js folds a query.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        VietnameseText.forEachFoldedWord(in: text) { tokens.append($0) }
        return tokens
    }

    /// The word whose hash picks a term's shard: accented title words go with their folded form.
    static func shardKey(_ term: String) -> String {
        term.utf8.allSatisfy { $0 < 0x80 } ? term : (tokens(term).first ?? term)
    }

    /// Numbers and symbols also as one key of their letters and digits ("33ctttg").
    private static func addSymbol(_ symbol: String, _ weight: Int, _ weights: inout [String: Int]) {
        addSymbolKey(DocumentNumber.symbolKey(symbol).lowercased(), weight, &weights)
    }

    private static func addSymbolKey(_ key: String, _ weight: Int, _ weights: inout [String: Int]) {
        if key.utf8.count >= 3 { weights[key] = max(weights[key] ?? 0, weight) }
    }

    /// Title words as written (lowercase, with their accents), kept in their folded word's shard,
    /// so "đường" ranks documents whose title says "đường" above "dương".
    private static func addAccented(_ text: String, _ weights: inout [String: Int]) {
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        where !word.allSatisfy(\.isASCII) {
            weights[String(word)] = Weight.title
        }
    }
}
