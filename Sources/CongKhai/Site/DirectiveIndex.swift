/// Merges the citations of every document into directives: one per real document, told apart
/// by symbol, year and, for local issuers, locality (design.md "Directive identity").
struct DirectiveIndex {
    struct Occurrence {
        var document: Int
        var citation: Citation
        var identity: DirectiveKey
    }

    /// A citation the index could not pin to one real document.
    struct Note {
        enum Reason { case ambiguousYear([Int]), noLocality }
        var document: Int
        var citation: Citation
        var reason: Reason
    }

    /// Resolves each document's citations; returns, per document, the directive key of each
    /// citation, the directives, and the citations it could not resolve for sure.
    static func build(documents: [(source: SourceDocument, citations: [Citation])], units: [String: PortalUnit]) -> (keys: [[String]], directives: [Directive], notes: [Note]) {
        var notes: [Note] = []
        var occurrences: [Occurrence] = []
        /// The citing unit (which decides the context), the issuer's phrase and its codes.
        typealias LocalityQuery = ByteKey
        // Each citation completed from the other mentions in its document, on all cores: an
        // occurrence printed without its date names the directive dated elsewhere in it.
        let resolved = ParallelMap.map(Array(documents.indices)) { index -> [(citation: Citation, query: LocalityQuery)] in
            let document = documents[index]
            let merged = DocumentCitations.merge(document.citations)
            return document.citations.map { citation in
                let known = merged[citation.symbolKey] ?? citation
                var resolved = citation
                resolved.date = citation.date ?? known.date
                resolved.symbolYear = citation.symbolYear ?? known.symbolYear
                resolved.issuer = citation.issuer ?? known.issuer
                return (resolved, LocalityQuery([document.source.unitID, resolved.issuer] + resolved.issuerCodes))
            }
        }
        // Classifying an issuer's phrase is the costly part, and a portal repeats the same few
        // thousand phrases: each is classified once per citing context, on all cores.
        var examples: [LocalityQuery: (Citation, CitingContext)] = [:]
        for (index, citations) in resolved.enumerated() {
            let unitID = documents[index].source.unitID
            for (citation, query) in citations where examples[query] == nil {
                let unit = units[unitID]
                examples[query] = (citation, CitingContext(unitID: unitID, district: unit?.district, province: unit?.province))
            }
        }
        let classified = ParallelMap.map(Array(examples)) { query, example in
            let level = IssuerClassifier.level(of: example.0)
            return (query, example.1.locality(for: example.0, level: level), level.isLocal)
        }
        let localities = Dictionary(uniqueKeysWithValues: classified.map { ($0.0, (locality: $0.1, isLocal: $0.2)) })
        for (index, document) in documents.enumerated() {
            for (position, (citation, query)) in resolved[index].enumerated() {
                let (locality, isLocal) = localities[query]!
                if locality == nil && isLocal {
                    notes.append(Note(document: index, citation: document.citations[position], reason: .noLocality))
                }
                occurrences.append(Occurrence(document: index, citation: citation, identity: DirectiveKey(citation: citation, locality: locality)))
            }
        }
        // An undated citation joins the dated directive of the same symbol and locality when
        // exactly one exists.
        struct YearGroup: Hashable { var symbolKey: String; var locality: String }
        var years: [YearGroup: Set<Int>] = [:]
        for occurrence in occurrences {
            if let year = occurrence.identity.year {
                years[YearGroup(symbolKey: occurrence.identity.symbolKey, locality: occurrence.identity.locality ?? ""), default: []].insert(year)
            }
        }
        for index in occurrences.indices where occurrences[index].identity.year == nil {
            let group = YearGroup(symbolKey: occurrences[index].identity.symbolKey, locality: occurrences[index].identity.locality ?? "")
            if let known = years[group], known.count == 1 { occurrences[index].identity.year = known.first }
            if let known = years[group], known.count > 1 {
                notes.append(Note(document: occurrences[index].document, citation: occurrences[index].citation, reason: .ambiguousYear(known.sorted())))
            }
        }

        var grouped: [DirectiveKey: [Occurrence]] = [:]
        for occurrence in occurrences { grouped[occurrence.identity, default: []].append(occurrence) }
        var directives = ParallelMap.map(Array(grouped)) { identity, items in makeDirective(identity, items, documents: documents) }
        // Grouped by level, newest first within a level; undated last.
        let dateKey = { (directive: Directive) -> [Int] in
            if let date = directive.date { return [date.year, date.month, date.day ?? 0] }
            return [directive.identity.year ?? 0, 0, 0]
        }
        directives.sort { lhs, rhs in
            if lhs.level != rhs.level { return lhs.level < rhs.level }
            let left = dateKey(lhs), right = dateKey(rhs)
            if left != right { return right.lexicographicallyPrecedes(left) }
            return lhs.key < rhs.key
        }
        // Each directive's key is spelled once, not once per citation of it.
        let keyOf = Dictionary(uniqueKeysWithValues: directives.map { ($0.identity, $0.key) })
        var keys: [[String]] = documents.map { _ in [] }
        var cursor = 0
        for (index, document) in documents.enumerated() {
            keys[index].reserveCapacity(document.citations.count)
            for _ in document.citations {
                let identity = occurrences[cursor].identity
                keys[index].append(keyOf[identity] ?? identity.key)
                cursor += 1
            }
        }
        return (keys, directives, notes)
    }

    private static func makeDirective(_ identity: DirectiveKey, _ items: [Occurrence],
                                      documents: [(source: SourceDocument, citations: [Citation])]) -> Directive {
        let citations = items.map(\.citation)
        let spellings = mostCommonFirst(citations.map(\.symbol))
        let canonical = spellings.max { separatorScore($0) < separatorScore($1) || (separatorScore($0) == separatorScore($1) && $0 > $1) } ?? citations[0].symbol
        let types = mostCommonFirst(citations.map(\.type))
        let type = types.first { $0 != "Văn bản" } ?? types.first ?? "Văn bản"
        let date = mostCommonFirst(citations.compactMap(\.date).map(\.iso)).first.flatMap { IssuedDate(iso: $0) }
        let issuer = mostCommonFirst(citations.compactMap(\.issuer)).first ?? inferredIssuer(citations[0].issuerCodes)
        let subject = mostCommonFirst(citations.compactMap(\.subject)).first
        let withIssuer = citations.first { $0.issuer != nil } ?? citations[0]
        var citedBy: [Directive.CitedBy] = []
        var seen: [Int: Int] = [:]
        for item in items.sorted(by: { $0.document < $1.document }) {
            if let position = seen[item.document] {
                if item.citation.relation == .basis { citedBy[position].relation = .basis }
                continue
            }
            seen[item.document] = citedBy.count
            citedBy.append(Directive.CitedBy(document: item.document, relation: item.citation.relation, sentence: item.citation.sentence))
        }
        return Directive(key: identity.key, identity: identity, type: type, symbol: canonical,
                         variants: spellings.filter { $0 != canonical }.sorted(), date: date, issuer: issuer, subject: subject,
                         level: IssuerClassifier.level(of: withIssuer), url: URLScheme.directive(identity.key), citedBy: citedBy)
    }

    /// The spelling with the most separators is the standard one ("33/CT-TTg" over "33/CTTTg").
    private static func separatorScore(_ symbol: String) -> Int {
        symbol.reduce(0) { $0 + ($1 == "/" || $1 == "-" ? 2 : ($1 == " " ? 1 : 0)) }
    }

    /// Distinct values, most frequent first, ties in first-seen order.
    private static func mostCommonFirst(_ values: [String]) -> [String] {
        // Most directives are spelled one way by every document citing them.
        guard let first = values.first else { return [] }
        if values.allSatisfy({ $0.utf8.elementsEqual(first.utf8) }) { return [first] }
        var counts: [ByteKey: Int] = [:]
        var order: [String] = []
        for value in values {
            let key = ByteKey(value)
            if counts[key] == nil { order.append(value) }
            counts[key, default: 0] += 1
        }
        let orderCounts = order.map { counts[ByteKey($0)]! }
        return order.indices.sorted { (orderCounts[$0], -$0) > (orderCounts[$1], -$1) }.map { order[$0] }
    }

    private static func inferredIssuer(_ codes: [String]) -> String? {
        let known: [String: String] = [
            "TTG": "Thủ tướng Chính phủ", "CP": "Chính phủ", "QH": "Quốc hội", "BGDDT": "Bộ Giáo dục và Đào tạo",
            "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính", "BYT": "Bộ Y tế", "BLDTBXH": "Bộ Lao động - Thương binh và Xã hội",
            "VPCP": "Văn phòng Chính phủ",
        ]
        return codes.lazy.compactMap { known[$0] }.first
    }
}
