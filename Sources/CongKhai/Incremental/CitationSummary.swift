import Citations
import VietText

/// What a build needs of a document's citations without reading them: each one's relation (so
/// its count), and a key of what the directive index is made from in them. A document taken
/// from the build cache has this at hand and its citations (nine texts each, most of the
/// cache) decoded only when read: after an edit, for a few documents.
package struct CitationSummary: Sendable, Equatable {
    package var relations: [Citation.Relation]
    /// Of each citation, what it says of the directive it names: type, symbol, date, year,
    /// issuer, subject, relation and the symbol's codes; not where it stands nor its sentence.
    package var indexKey: UInt64
    /// Of the sentences citing them, which the list of cited texts shows for a text cited
    /// without its subject: an edit elsewhere in the document leaves that list as it was.
    package var sentencesKey: UInt64

    package var count: Int { relations.count }

    init(relations: [Citation.Relation], indexKey: UInt64, sentencesKey: UInt64) {
        self.relations = relations
        self.indexKey = indexKey
        self.sentencesKey = sentencesKey
    }

    init(_ citations: [Citation]) {
        var hasher = Hasher64()
        hasher.add(citations.count)
        // Read in place: a Citation copied per iteration retains its nine texts.
        for position in citations.indices {
            hasher.add(citations[position].type)
            hasher.add(citations[position].symbol)
            hasher.add(citations[position].symbolKey)
            if let date = citations[position].date {
                for part in [date.year, date.month, date.day ?? 0] { hasher.add(part) }
            } else {
                hasher.add(-1)
            }
            hasher.add(citations[position].symbolYear ?? -1)
            hasher.add(citations[position].issuer)
            hasher.add(citations[position].subject)
            hasher.add(citations[position].relation == .basis ? 1 : 0)
            hasher.add(citations[position].issuerCodes)
        }
        var sentences = Hasher64()
        for position in citations.indices { sentences.add(citations[position].sentence) }
        self.init(relations: citations.map(\.relation), indexKey: hasher.value, sentencesKey: sentences.value)
    }
}
