/// Merges the citations of every document into directives: one per real document, told apart
/// by symbol, year and, for local issuers, locality (design.md "Directive identity").
struct DirectiveIndex {
    /// A citation the index could not pin to one real document.
    struct Note {
        enum Reason { case ambiguousYear([Int]), noLocality }
        var document: Int
        var citation: Citation
        var reason: Reason
    }

    /// Where a citation is: its document and its position there. Citations are read in place
    /// through these rather than copied (a Citation holds nine texts), once per citation.
    private struct Place: Sendable {
        var document: Int32
        var position: Int32
    }

    /// Resolves each document's citations (`citations[d]`, in a document of unit `unitIDs[d]`);
    /// returns, per document, the directive key of each citation, the directives, and the
    /// citations it could not resolve for sure.
    static func build(citations documents: [[Citation]], unitIDs: [String], units: [String: PortalUnit]) -> (keys: [[String]], directives: [Directive], notes: [Note]) {
        var notes: [Note] = []
        /// The citing unit (which decides the context), the issuer's phrase and its codes.
        typealias LocalityQuery = ByteKey
        // Each citation completed from the other mentions in its document, on all cores: an
        // occurrence printed without its date names the directive dated elsewhere in it.
        let resolved = ParallelMap.map(Array(documents.indices)) { index -> (citations: [Citation], queries: [LocalityQuery]) in
            let citations = documents[index]
            let merged = DocumentCitations.merge(citations)
            var completed = citations
            var queries: [LocalityQuery] = []
            queries.reserveCapacity(citations.count)
            for position in completed.indices {
                if let known = merged[completed[position].symbolKey] {
                    if completed[position].date == nil { completed[position].date = known.date }
                    if completed[position].symbolYear == nil { completed[position].symbolYear = known.symbolYear }
                    if completed[position].issuer == nil { completed[position].issuer = known.issuer }
                }
                queries.append(LocalityQuery([unitIDs[index], completed[position].issuer] + completed[position].issuerCodes))
            }
            return (completed, queries)
        }
        // Classifying an issuer's phrase is the costly part, and a portal repeats the same few
        // thousand phrases: each is classified once per citing context, on all cores.
        var examples: [LocalityQuery: Place] = [:]
        for (index, document) in resolved.enumerated() {
            for (position, query) in document.queries.enumerated() where examples[query] == nil {
                examples[query] = Place(document: Int32(index), position: Int32(position))
            }
        }
        let classified = ParallelMap.map(Array(examples)) { query, place in
            let citation = resolved[Int(place.document)].citations[Int(place.position)]
            let unitID = unitIDs[Int(place.document)]
            let unit = units[unitID]
            let level = IssuerClassifier.level(of: citation)
            let context = CitingContext(unitID: unitID, district: unit?.district, province: unit?.province)
            return (query, context.locality(for: citation, level: level), level.isLocal)
        }
        let localities = Dictionary(uniqueKeysWithValues: classified.map { ($0.0, (locality: $0.1, isLocal: $0.2)) })
        var places: [Place] = []
        var identities: [DirectiveKey] = []
        for (index, document) in resolved.enumerated() {
            for position in document.citations.indices {
                let (locality, isLocal) = localities[document.queries[position]]!
                if locality == nil && isLocal {
                    notes.append(Note(document: index, citation: documents[index][position], reason: .noLocality))
                }
                places.append(Place(document: Int32(index), position: Int32(position)))
                identities.append(DirectiveKey(symbolKey: document.citations[position].symbolKey, year: document.citations[position].year,
                                               locality: locality))
            }
        }
        // An undated citation joins the dated directive of the same symbol and locality when
        // exactly one exists.
        struct YearGroup: Hashable { var symbolKey: String; var locality: String }
        var years: [YearGroup: Set<Int>] = [:]
        for identity in identities {
            if let year = identity.year {
                years[YearGroup(symbolKey: identity.symbolKey, locality: identity.locality ?? ""), default: []].insert(year)
            }
        }
        for index in identities.indices where identities[index].year == nil {
            let group = YearGroup(symbolKey: identities[index].symbolKey, locality: identities[index].locality ?? "")
            if let known = years[group], known.count == 1 { identities[index].year = known.first }
            if let known = years[group], known.count > 1 {
                let place = places[index]
                notes.append(Note(document: Int(place.document), citation: resolved[Int(place.document)].citations[Int(place.position)],
                                  reason: .ambiguousYear(known.sorted())))
            }
        }

        var grouped: [DirectiveKey: [Int]] = [:]
        for (index, identity) in identities.enumerated() { grouped[identity, default: []].append(index) }
        let placesOfOccurrences = places
        var directives = ParallelMap.map(Array(grouped)) { identity, occurrences in
            makeDirective(identity, occurrences.map { placesOfOccurrences[$0] }, resolved: resolved)
        }
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
            keys[index].reserveCapacity(document.count)
            for _ in document {
                let identity = identities[cursor]
                keys[index].append(keyOf[identity] ?? identity.key)
                cursor += 1
            }
        }
        return (keys, directives, notes)
    }

    private static func makeDirective(_ identity: DirectiveKey, _ places: [Place],
                                      resolved: [(citations: [Citation], queries: [ByteKey])]) -> Directive {
        func field<T>(_ read: (Citation) -> T) -> [T] {
            places.map { read(resolved[Int($0.document)].citations[Int($0.position)]) }
        }
        let first = resolved[Int(places[0].document)].citations[Int(places[0].position)]
        let spellings = mostCommonFirst(field(\.symbol))
        let canonical = spellings.max { separatorScore($0) < separatorScore($1) || (separatorScore($0) == separatorScore($1) && $0 > $1) } ?? first.symbol
        let types = mostCommonFirst(field(\.type))
        let type = types.first { $0 != "Văn bản" } ?? types.first ?? "Văn bản"
        let date = mostCommonFirst(field(\.date).compactMap { $0?.iso }).first.flatMap { IssuedDate(iso: $0) }
        let issuers = field(\.issuer)
        let issuer = mostCommonFirst(issuers.compactMap { $0 }).first ?? inferredIssuer(first.issuerCodes)
        let subject = mostCommonFirst(field(\.subject).compactMap { $0 }).first
        let withIssuer = issuers.firstIndex { $0 != nil }
            .map { resolved[Int(places[$0].document)].citations[Int(places[$0].position)] } ?? first
        var citedBy: [Directive.CitedBy] = []
        var seen: [Int: Int] = [:]
        // Stable: a document's citations stay in their order.
        for place in places.enumerated().sorted(by: { ($0.element.document, $0.offset) < ($1.element.document, $1.offset) }).map(\.element) {
            let document = Int(place.document)
            let citation = resolved[document].citations[Int(place.position)]
            if let position = seen[document] {
                if citation.relation == .basis { citedBy[position].relation = .basis }
                continue
            }
            seen[document] = citedBy.count
            citedBy.append(Directive.CitedBy(document: document, relation: citation.relation, sentence: citation.sentence))
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
            "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính", "BYT": "Bộ Y tế", "BLDTBXH": "Bộ Lao động - Thương binh và Xã hội",
            "VPCP": "Văn phòng Chính phủ",
        ]
        return codes.lazy.compactMap { known[$0] }.first
    }
}
