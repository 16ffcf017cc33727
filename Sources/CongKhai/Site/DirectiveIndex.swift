import Citations
import VietText

/// Merges the citations of every document into directives: one per real document, told apart
/// by symbol, year and, for local issuers, locality (design.md "Directive identity").
struct DirectiveIndex {
    /// A citation the index could not pin to one real document: `position` in the citations
    /// of `document`.
    struct Note: Sendable, Equatable {
        enum Reason: Sendable, Equatable {
            case ambiguousYear([Int])
            case noLocality
        }
        var document: Int
        var position: Int
        var reason: Reason
    }

    /// The index of a build. It depends only on what `inputKey` sums up, so the next build
    /// takes it whole when that is unchanged: an edit that leaves a document's citations as
    /// they were (moved, or their sentences reworded) leaves it as it was.
    struct Built: Sendable {
        var inputKey: UInt64
        /// Grouped by level, then newest first.
        var directives: [Directive]
        /// Per document, the directive (position in `directives`) of each of its citations.
        var directiveOfCitation: [[Int32]]
        var notes: [Note]

        /// Every position it holds is one of these citations' (`counts[d]` in document d): what
        /// a damaged cache could get wrong.
        func fits(_ counts: [Int]) -> Bool {
            guard directiveOfCitation.count == counts.count else { return false }
            for (numbers, count) in zip(directiveOfCitation, counts) {
                guard numbers.count == count, numbers.allSatisfy({ $0 >= 0 && Int($0) < directives.count }) else {
                    return false
                }
            }
            let holds = { (document: Int, position: Int) in
                counts.indices.contains(document) && (0..<counts[document]).contains(position)
            }
            return directives.allSatisfy { $0.citedBy.allSatisfy { holds($0.document, $0.position) } }
                && notes.allSatisfy { holds($0.document, $0.position) }
        }
    }

    /// Where a citation is: its document and its position there. Citations are read in place
    /// through these rather than copied (a Citation holds nine texts), once per citation.
    private struct Place: Sendable {
        var document: Int32
        var position: Int32
    }

    /// Everything the index is made from: per document, its unit and what its citations say of
    /// the directive they name (CitationSummary.indexKey: not where they stand, nor their
    /// sentence); each unit's place; and congkhai itself.
    static func inputKey(summaries: [CitationSummary], unitIDs: [String], units: [String: PortalUnit]) -> UInt64 {
        var hasher = Hasher64()
        hasher.add("congkhai-directive-index-2")
        hasher.add(FileIdentity.executable)
        for id in units.keys.sorted() {
            hasher.add(id)
            hasher.add(units[id]?.district)
            hasher.add(units[id]?.province)
        }
        hasher.add(summaries.count)
        for index in summaries.indices {
            hasher.add(unitIDs[index])
            hasher.add(summaries[index].indexKey)
        }
        return hasher.value
    }

    /// The index of these documents' citations: `previous` when it was made from the same
    /// inputs (and then no citation is read), else made afresh.
    static func build(
        _ bodies: [RenderedMarkdown], unitIDs: [String], units: [String: PortalUnit], reusing previous: Built?
    ) -> Built {
        let summaries = bodies.map(\.citationSummary)
        let key = inputKey(summaries: summaries, unitIDs: unitIDs, units: units)
        if let previous, previous.inputKey == key, previous.fits(summaries.map(\.count)) { return previous }
        let (directives, numbers, notes) = build(
            citations: ParallelMap.map(bodies, \.citations), unitIDs: unitIDs, units: units)
        return Built(inputKey: key, directives: directives, directiveOfCitation: numbers, notes: notes)
    }

    /// Resolves each document's citations (`citations[d]`, in a document of unit `unitIDs[d]`);
    /// returns the directives, per document the directive of each citation, and the
    /// citations it could not resolve for sure.
    private static func build(citations documents: [[Citation]], unitIDs: [String], units: [String: PortalUnit]) -> (
        directives: [Directive], numbers: [[Int32]], notes: [Note]
    ) {
        var notes: [Note] = []
        /// The citing unit (which decides the context), the issuer's phrase and its codes.
        typealias LocalityQuery = ByteKey
        // Each citation completed from the other mentions in its document, on all cores: an
        // occurrence printed without its date names the directive dated elsewhere in it.
        let completedAndQueries = ParallelMap.map(Array(documents.indices)) {
            index -> (citations: [Citation], queries: [LocalityQuery]) in
            let citations = documents[index]
            // What any mention of each symbol says (as `congkhai citations` merges them, without copying
            // citations): the first date, year and issuer printed for it.
            var known: [String: (date: IssuedDate?, symbolYear: Int?, issuer: String?)] = [:]
            // By position: a Citation copied out of the array retains its every field.
            for position in citations.indices {
                var entry = known[citations[position].symbolKey] ?? (nil, nil, nil)
                entry.date = entry.date ?? citations[position].date
                entry.symbolYear = entry.symbolYear ?? citations[position].symbolYear
                entry.issuer = entry.issuer ?? citations[position].issuer
                known[citations[position].symbolKey] = entry
            }
            // Copied only if a citation is completed.
            var completed = citations
            var queries: [LocalityQuery] = []
            queries.reserveCapacity(citations.count)
            for position in citations.indices {
                if let entry = known[citations[position].symbolKey] {
                    if citations[position].date == nil, let date = entry.date { completed[position].date = date }
                    if citations[position].symbolYear == nil, let year = entry.symbolYear {
                        completed[position].symbolYear = year
                    }
                    if citations[position].issuer == nil, let issuer = entry.issuer {
                        completed[position].issuer = issuer
                    }
                }
                queries.append(
                    LocalityQuery([unitIDs[index], completed[position].issuer] + completed[position].issuerCodes))
            }
            return (completed, queries)
        }
        let resolved = completedAndQueries.map(\.citations)
        let queriesOf = completedAndQueries.map(\.queries)
        // Classifying an issuer's phrase is the costly part, and a portal repeats the same few
        // thousand phrases: each is classified once per citing context, on all cores. Each
        // citation keeps the number of its query, so its locality is found without hashing again.
        var queryNumbers: [LocalityQuery: Int32] = [:]
        var examples: [Place] = []
        let numbers = queriesOf.enumerated().map { index, queries in
            queries.enumerated().map { position, query -> Int32 in
                if let number = queryNumbers[query] { return number }
                let number = Int32(examples.count)
                queryNumbers[query] = number
                examples.append(Place(document: Int32(index), position: Int32(position)))
                return number
            }
        }
        let localities = ParallelMap.map(examples) { place -> (locality: String?, isLocal: Bool) in
            let citation = resolved[Int(place.document)][Int(place.position)]
            let unitID = unitIDs[Int(place.document)]
            let unit = units[unitID]
            let level = IssuerClassifier.level(of: citation)
            let context = CitingContext(unitID: unitID, district: unit?.district, province: unit?.province)
            return (context.locality(for: citation, level: level), level.isLocal)
        }
        var places: [Place] = []
        var identities: [DirectiveKey] = []
        for (index, citations) in resolved.enumerated() {
            for position in citations.indices {
                let (locality, isLocal) = localities[Int(numbers[index][position])]
                if locality == nil && isLocal {
                    notes.append(Note(document: index, position: position, reason: .noLocality))
                }
                places.append(Place(document: Int32(index), position: Int32(position)))
                identities.append(
                    DirectiveKey(
                        symbolKey: citations[position].symbolKey, year: citations[position].year, locality: locality))
            }
        }
        // An undated citation joins the dated directive of the same symbol and locality when
        // exactly one exists.
        struct YearGroup: Hashable {
            var symbolKey: String
            var locality: String
        }
        var years: [YearGroup: Set<Int>] = [:]
        for identity in identities {
            if let year = identity.year {
                years[YearGroup(symbolKey: identity.symbolKey, locality: identity.locality ?? ""), default: []].insert(
                    year)
            }
        }
        for index in identities.indices where identities[index].year == nil {
            let group = YearGroup(symbolKey: identities[index].symbolKey, locality: identities[index].locality ?? "")
            if let known = years[group], known.count == 1 { identities[index].year = known.first }
            if let known = years[group], known.count > 1 {
                let place = places[index]
                notes.append(
                    Note(
                        document: Int(place.document), position: Int(place.position),
                        reason: .ambiguousYear(known.sorted())))
            }
        }

        var grouped: [DirectiveKey: [Int]] = [:]
        for (index, identity) in identities.enumerated() { grouped[identity, default: []].append(index) }
        let placesOfOccurrences = places
        var directives = ParallelMap.map(Array(grouped)) { identity, occurrences in
            makeDirective(identity, occurrences.map { placesOfOccurrences[$0] }, resolved: resolved)
        }
        // Grouped by level, newest first within a level; undated last. Each directive's place
        // is read once: made in the comparison (two arrays and two copies of a directive
        // each time), it was 80 ms on one core at 14,000 directives.
        let ranks = directives.map { directive in
            (
                level: directive.level,
                date: directive.date.map { ($0.year, $0.month, $0.day ?? 0) } ?? (directive.identity.year ?? 0, 0, 0),
                key: directive.key
            )
        }
        let order = ranks.indices.sorted { lhs, rhs in
            if ranks[lhs].level != ranks[rhs].level { return ranks[lhs].level < ranks[rhs].level }
            if ranks[lhs].date != ranks[rhs].date { return ranks[lhs].date > ranks[rhs].date }
            return ranks[lhs].key < ranks[rhs].key
        }
        directives = order.map { directives[$0] }
        // Each citation names its directive by position.
        let numberOf = Dictionary(uniqueKeysWithValues: directives.enumerated().map { ($1.identity, Int32($0)) })
        var directiveOf: [[Int32]] = documents.map { _ in [] }
        var cursor = 0
        for (index, document) in documents.enumerated() {
            directiveOf[index].reserveCapacity(document.count)
            for _ in document {
                directiveOf[index].append(numberOf[identities[cursor]]!)
                cursor += 1
            }
        }
        return (directives, directiveOf, notes)
    }

    private static func makeDirective(
        _ identity: DirectiveKey, _ places: [Place],
        resolved: [[Citation]]
    ) -> Directive {
        // Each field read in place: a Citation handed around is a copy of nine texts.
        var symbols: [String] = [], typeNames: [String] = [], dates: [String] = [], issuers: [String] = [],
            subjects: [String] = []
        var withIssuer: Place?
        for place in places {
            let (document, position) = (Int(place.document), Int(place.position))
            symbols.append(resolved[document][position].symbol)
            typeNames.append(resolved[document][position].type)
            if let date = resolved[document][position].date { dates.append(date.iso) }
            if let issuer = resolved[document][position].issuer {
                issuers.append(issuer)
                if withIssuer == nil { withIssuer = place }
            }
            if let subject = resolved[document][position].subject { subjects.append(subject) }
        }
        let first = resolved[Int(places[0].document)][Int(places[0].position)]
        let spellings = mostCommonFirst(symbols)
        let canonical =
            spellings.max {
                separatorScore($0) < separatorScore($1) || (separatorScore($0) == separatorScore($1) && $0 > $1)
            } ?? first.symbol
        let types = mostCommonFirst(typeNames)
        let type = types.first { $0 != "Văn bản" } ?? types.first ?? "Văn bản"
        let date = mostCommonFirst(dates).first.flatMap { IssuedDate(iso: $0) }
        let issuer = mostCommonFirst(issuers).first ?? inferredIssuer(first.issuerCodes)
        let subject = mostCommonFirst(subjects).first
        let levelSource = withIssuer.map { resolved[Int($0.document)][Int($0.position)] } ?? first
        var citedBy: [Directive.CitedBy] = []
        var seen: [Int: Int] = [:]
        // Stable: a document's citations stay in their order.
        for place in places.enumerated().sorted(by: {
            ($0.element.document, $0.offset) < ($1.element.document, $1.offset)
        }).map(\.element) {
            let document = Int(place.document)
            let relation = resolved[document][Int(place.position)].relation
            if let position = seen[document] {
                if relation == .basis { citedBy[position].relation = .basis }
                continue
            }
            seen[document] = citedBy.count
            citedBy.append(Directive.CitedBy(document: document, position: Int(place.position), relation: relation))
        }
        return Directive(
            key: identity.key, identity: identity, type: type, symbol: canonical,
            variants: spellings.filter { $0 != canonical }.sorted(), date: date, issuer: issuer, subject: subject,
            level: IssuerClassifier.level(of: levelSource), url: URLScheme.directive(identity.key), citedBy: citedBy)
    }

    /// The spelling with the most separators is the standard one ("33/CT-TTg" over "33/CTTTg").
    private static func separatorScore(_ symbol: String) -> Int {
        symbol.reduce(0) { $0 + ($1 == "/" || $1 == "-" ? 2 : ($1 == " " ? 1 : 0)) }
    }

    /// Distinct values, most frequent first, ties in first-seen order.
    private static func mostCommonFirst(_ values: [String]) -> [String] {
        // Most directives are spelled one way by every document citing them.
        guard let first = values.first else { return [] }
        if values.allSatisfy({ $0.hasSameUTF8(as: first) }) { return [first] }
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
            "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính", "BYT": "Bộ Y tế",
            "BLDTBXH": "Bộ Lao động - Thương binh và Xã hội",
            "VPCP": "Văn phòng Chính phủ"
        ]
        return codes.lazy.compactMap { known[$0] }.first
    }
}
