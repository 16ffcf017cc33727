import Foundation

/// The search index, built once per build and split so a query loads only what it needs: term
/// shards chosen by a hash of each folded word, and document shards of 100 results each. Every
/// part is a plain script (`congkhaiSearch.terms(...)`), because browsers refuse fetch and
/// XHR on file:// but load scripts. The page script is assets/search.js.
struct SearchIndex {
    let site: SiteModel
    /// Small document shards: the 20 results shown load at most 20 of them.
    static let documentsPerShard = 20
    static let folder = "tim-kiem/chi-muc/"

    /// Weights: a number or symbol outweighs a title word, which outweighs the unit and the body.
    enum Weight { static let symbol = 40, title = 10, kind = 2, unit = 3, body = 1, bodyCap = 3 }

    func write(_ writeFile: (String, Data) throws -> Void) throws -> Int {
        let catalogue = site.settings.catalogue
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        let unitTokens = site.units.map { Self.tokens($0.unit.name) }
        var entries: [[Any]] = []
        // Each entry's weights for its words, computed one entry at a time; postings are then
        // appended in entry order, so every list comes out sorted.
        var weightsByEntry: [[String: Int]] = []
        var bodyByEntry: [[String: Int]] = []
        // Documents are independent: their words and weights are counted on all cores.
        struct Counted: Sendable { var weights: [String: Int]; var body: [String: Int] }
        let counted = ParallelMap.map(Array(site.documents.indices)) { [site] index -> Counted in
            let document = site.documents[index]
            let source = document.source
            var weights: [String: Int] = [:]
            func add(_ tokens: [String], _ weight: Int) { for token in tokens { weights[token, default: 0] += weight } }
            add(Self.tokens(source.title), Weight.title)
            add(Self.tokens(catalogue.documentKind(source.kind)?.name ?? ""), Weight.kind)
            add(unitTokens[unitIndex[source.unitID] ?? 0], Weight.unit)
            if let number = source.number { add(Self.tokens(number), Weight.symbol); Self.addSymbol(number, Weight.symbol, &weights) }
            for citation in document.rendered.citations { Self.addSymbol(citation.symbol, Weight.title, &weights) }
            Self.addAccented(source.title, &weights)
            var body: [String: Int] = [:]
            for token in Self.tokens(document.rendered.plainText) where body[token, default: 0] < Weight.bodyCap { body[token, default: 0] += Weight.body }
            return Counted(weights: weights, body: body)
        }
        for (index, document) in site.documents.enumerated() {
            let source = document.source
            weightsByEntry.append(counted[index].weights)
            bodyByEntry.append(counted[index].body)
            entries.append([source.title, document.url, unitIndex[source.unitID] ?? 0, source.schoolYear, source.kind,
                            source.number ?? "", source.issued?.vietnameseShort ?? "", source.categories])
        }
        for directive in site.directives {
            var weights: [String: Int] = [:]
            for token in Self.tokens(directive.title) { weights[token, default: 0] += Weight.title }
            for token in Self.tokens(directive.symbol) { weights[token, default: 0] += Weight.symbol }
            Self.addSymbol(directive.symbol, Weight.symbol * 2, &weights)
            for variant in directive.variants { Self.addSymbol(variant, Weight.symbol * 2, &weights) }
            Self.addAccented(directive.title, &weights)
            weightsByEntry.append(weights)
            bodyByEntry.append([:])
            entries.append([directive.title, directive.url, -1, "", "can-cu", directive.symbol, directive.date?.vietnameseShort ?? "", [String](),
                            directive.citedBy.count])
        }
        var postings: [String: [(Int32, UInt8)]] = [:]
        for (entry, weights) in weightsByEntry.enumerated() {
            var merged = weights
            // The body's share is capped on its own, so it never outweighs the title.
            for (token, count) in bodyByEntry[entry] { merged[token, default: 0] += count }
            for (token, weight) in merged { postings[token, default: []].append((Int32(entry), UInt8(min(255, weight)))) }
        }

        let termShards = max(16, min(4096, postings.count / 150))
        var shards = Array(repeating: [String](), count: termShards)
        let total = entries.count
        for term in postings.keys.sorted() {
            let list = postings[term]!
            let folded = term.allSatisfy(\.isASCII) ? term : (Self.tokens(term).first ?? term)
            shards[Int(Self.hash(folded) % UInt32(termShards))].append("\"\(term)\":\"\(Self.encode(list, total: total))\"")
        }
        var files = 0
        for (number, shard) in shards.enumerated() {
            try writeFile("\(Self.folder)t\(number).js", Data("congkhaiSearch.terms(\(number),{\(shard.joined(separator: ","))});\n".utf8))
            files += 1
        }
        let documentShards = (entries.count + Self.documentsPerShard - 1) / Self.documentsPerShard
        for number in 0..<documentShards {
            let slice = Array(entries[(number * Self.documentsPerShard)..<min(entries.count, (number + 1) * Self.documentsPerShard)])
            try writeFile("\(Self.folder)d\(number).js", script("docs", number, slice))
            files += 1
        }
        // Filters need every result's year, unit, kind and categories: one compact table, loaded
        // only when a filter is chosen.
        let yearIndex = Dictionary(uniqueKeysWithValues: site.schoolYears.enumerated().map { ($1, $0) })
        let kindIndex = Dictionary(uniqueKeysWithValues: catalogue.documentKinds.enumerated().map { ($1.slug, $0) })
        let categoryIndex = Dictionary(uniqueKeysWithValues: catalogue.categories.enumerated().map { ($1.slug, $0) })
        let filters: [[Int]] = site.documents.map { document in
            let source = document.source
            let categories = source.categories.compactMap { categoryIndex[$0] }.reduce(0) { $0 | (1 << $1) }
            return [yearIndex[source.schoolYear] ?? -1, unitIndex[source.unitID] ?? -1, kindIndex[source.kind] ?? -1, categories]
        }
        try writeFile("\(Self.folder)filters.js", Data("congkhaiSearch.filters(\(json(filters)));\n".utf8))
        files += 1
        let meta: [String: Any] = [
            "termShards": termShards, "documentsPerShard": Self.documentsPerShard, "documents": site.documents.count, "entries": total,
            "units": site.units.map { [$0.unit.id, $0.unit.name] },
            "kinds": catalogue.documentKinds.map { [$0.slug, $0.name] },
            "categories": catalogue.categories.map { [$0.slug, $0.name] },
            "years": site.schoolYears,
        ]
        try writeFile("\(Self.folder)meta.js", Data("congkhaiSearch.meta(\(json(meta)));\n".utf8))
        return files + 1
    }

    /// Numbers and symbols also as one key of their letters and digits ("33ctttg").
    private static func addSymbol(_ symbol: String, _ weight: Int, _ weights: inout [String: Int]) {
        let key = DocumentNumber.symbolKey(symbol).lowercased()
        if key.count >= 3 { weights[key] = max(weights[key] ?? 0, weight) }
    }

    /// Title words as written (lowercase, with their accents), kept in their folded word's shard,
    /// so "đường" ranks documents whose title says "đường" above "dương".
    private static func addAccented(_ text: String, _ weights: inout [String: Int]) {
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where !word.allSatisfy(\.isASCII) {
            weights[String(word)] = Weight.title
        }
    }

    /// A posting list as text: "L" then "delta.weight" pairs in base 36 (about 4.5 bytes an
    /// entry); or, for a word in at least 200 entries where a bitmap is smaller (more than one
    /// entry in 27), "B" then a base64 bitmap of the entries with weight 1. Small portals keep
    /// every weight. assets/search.js reads both.
    static func encode(_ list: [(Int32, UInt8)], total: Int) -> String {
        if list.count >= 200 && list.count * 27 > total {
            var bits = [UInt8](repeating: 0, count: (total + 7) / 8)
            for (entry, _) in list { bits[Int(entry) >> 3] |= UInt8(1) << UInt8(truncatingIfNeeded: entry & 7) }
            return "B" + Data(bits).base64EncodedString()
        }
        var text = "L"
        var previous: Int32 = 0
        for (index, (entry, weight)) in list.enumerated() {
            if index > 0 { text += "," }
            text += String(entry - previous, radix: 36) + "." + String(weight, radix: 36)
            previous = entry
        }
        return text
    }

    /// Folded words: lowercase ASCII letters and digits, as assets/search.js folds a query.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in VietnameseText.fold(text).utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
            } else if !current.isEmpty {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// FNV-1a over UTF-8, 32 bits: the same function picks a word's shard in assets/search.js.
    static func hash(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811c9dc5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return hash
    }

    private func script(_ function: String, _ number: Int, _ value: Any) -> Data {
        Data("congkhaiSearch.\(function)(\(number),\(json(value)));\n".utf8)
    }

    private func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        // "</script>" can never end a script early, nor U+2028/9 a line.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
