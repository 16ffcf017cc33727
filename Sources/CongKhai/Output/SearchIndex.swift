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

    /// One search result as the page script reads it: an array, to keep the shards small.
    struct Entry: Sendable {
        var title: String, url: String, unit: Int, schoolYear: String, kind: String, number: String, date: String
        var categories: [String]
        /// Directives only: how many documents cite it.
        var citedBy: Int?

        /// An array, to keep the shards small; assets/search.js reads it by position.
        func appendJSON(to out: inout String) {
            out += "["
            for text in [title, url] { ScriptJSON.append(text, to: &out); out += "," }
            out += "\(unit),"
            for text in [schoolYear, kind, number, date] { ScriptJSON.append(text, to: &out); out += "," }
            ScriptJSON.array(categories, to: &out)
            if let citedBy { out += ",\(citedBy)" }
            out += "]"
        }
    }

    struct Meta: Encodable {
        var termShards: Int, documentsPerShard: Int, documents: Int, entries: Int
        var units: [[String]], kinds: [[String]], categories: [[String]], years: [String]
    }

    func write(_ writeFile: (String, Data) throws -> Void) throws -> Int {
        let catalogue = site.settings.catalogue
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        let unitTokens = site.units.map { Self.tokens($0.unit.name) }
        let kindTokens = Dictionary(catalogue.documentKinds.map { ($0.slug, Self.tokens($0.name)) }, uniquingKeysWith: { first, _ in first })
        // Each entry's words and weights, counted on all cores, already grouped by partition.
        let documentTerms = ParallelMap.map(Array(site.documents.indices)) { [site] index -> EntryTerms in
            let document = site.documents[index]
            let source = document.source
            var weights: [String: Int] = [:]
            func add(_ tokens: [String], _ weight: Int) { for token in tokens { weights[token, default: 0] += weight } }
            add(Self.tokens(source.title), Weight.title)
            add(kindTokens[source.kind] ?? [], Weight.kind)
            add(unitTokens[unitIndex[source.unitID] ?? 0], Weight.unit)
            if let number = source.number { add(Self.tokens(number), Weight.symbol); Self.addSymbol(number, Weight.symbol, &weights) }
            for citation in document.rendered.citations { Self.addSymbolKey(citation.symbolKey.lowercased(), Weight.title, &weights) }
            Self.addAccented(source.title, &weights)
            return EntryTerms(body: document.rendered.words, extra: weights)
        }
        var entries = site.documents.map { document in
            let source = document.source
            return Entry(title: source.title, url: document.url, unit: unitIndex[source.unitID] ?? 0, schoolYear: source.schoolYear,
                         kind: source.kind, number: source.number ?? "", date: source.issued?.vietnameseShort ?? "",
                         categories: source.categories)
        }
        var terms = documentTerms
        for directive in site.directives {
            var weights: [String: Int] = [:]
            for token in Self.tokens(directive.title) { weights[token, default: 0] += Weight.title }
            for token in Self.tokens(directive.symbol) { weights[token, default: 0] += Weight.symbol }
            Self.addSymbol(directive.symbol, Weight.symbol * 2, &weights)
            for variant in directive.variants { Self.addSymbol(variant, Weight.symbol * 2, &weights) }
            Self.addAccented(directive.title, &weights)
            terms.append(EntryTerms(body: WordCounts(), extra: weights))
            entries.append(Entry(title: directive.title, url: directive.url, unit: -1, schoolYear: "", kind: "can-cu",
                                 number: directive.symbol, date: directive.date?.vietnameseShort ?? "", categories: [],
                                 citedBy: directive.citedBy.count))
        }
        let total = entries.count
        // Postings per partition, entries appended in order so every list comes out sorted.
        let allTerms = TermsBox(terms: terms)
        let postingsByPartition = ParallelMap.map(Array(0..<SearchHash.partitions)) { partition -> [(term: String, list: [(Int32, UInt8)])] in
            var numbers = WordNumbers()
            var terms: [String] = []
            var lists: [[(Int32, UInt8)]] = []
            for (entry, entryTerms) in allTerms.terms.enumerated() {
                entryTerms.forEach(in: partition) { term, weight in
                    let (number, isNew) = numbers.number(of: term)
                    if isNew {
                        terms.append(term)
                        lists.append([])
                    }
                    lists[number].append((Int32(entry), weight))
                }
            }
            return Array(zip(terms, lists))
        }
        let termCount = postingsByPartition.reduce(0) { $0 + $1.count }
        let termShards = max(16, min(4096, termCount / 150))
        // Each shard's terms in sorted order; partitions are encoded on all cores.
        let encoded = ParallelMap.map(Array(0..<SearchHash.partitions)) { partition -> [(shard: Int, term: String, text: String)] in
            postingsByPartition[partition].map { term, list in
                (Int(SearchHash.of(Self.shardKey(term)) % UInt32(termShards)), term, "\"\(term)\":\"\(Self.encode(list, total: total))\"")
            }
        }
        var shards = Array(repeating: [(term: String, text: String)](), count: termShards)
        for part in encoded { for item in part { shards[item.shard].append((item.term, item.text)) } }
        var files = 0
        for (number, shard) in shards.enumerated() {
            let body = shard.sorted { $0.term < $1.term }.map(\.text).joined(separator: ",")
            try writeFile("\(Self.folder)t\(number).js", Data("congkhaiSearch.terms(\(number),{\(body)});\n".utf8))
            files += 1
        }
        let documentShards = (entries.count + Self.documentsPerShard - 1) / Self.documentsPerShard
        for number in 0..<documentShards {
            var script = "congkhaiSearch.docs(\(number),["
            for (position, entry) in entries[(number * Self.documentsPerShard)..<min(entries.count, (number + 1) * Self.documentsPerShard)].enumerated() {
                if position > 0 { script += "," }
                entry.appendJSON(to: &script)
            }
            script += "]);\n"
            try writeFile("\(Self.folder)d\(number).js", Data(script.utf8))
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
        let meta = Meta(termShards: termShards, documentsPerShard: Self.documentsPerShard, documents: site.documents.count, entries: total,
                        units: site.units.map { [$0.unit.id, $0.unit.name] },
                        kinds: catalogue.documentKinds.map { [$0.slug, $0.name] },
                        categories: catalogue.categories.map { [$0.slug, $0.name] },
                        years: site.schoolYears)
        try writeFile("\(Self.folder)meta.js", Data("congkhaiSearch.meta(\(json(meta)));\n".utf8))
        return files + 1
    }

    /// The word whose hash picks a term's shard: accented title words go with their folded form.
    private static func shardKey(_ term: String) -> String {
        term.utf8.allSatisfy { $0 < 0x80 } ? term : (tokens(term).first ?? term)
    }

    /// One entry's terms and weights (capped to a byte), grouped by partition: a document's body
    /// words as its `WordCounts` holds them, already grouped and hashed when it was parsed, and
    /// apart from them the few terms of its title, number, unit and kind. A rebuild makes these
    /// for every document, so nothing here folds or hashes a body word.
    struct EntryTerms {
        private let body: [String]
        private let bodyWeights: [UInt8]
        private let bodyStarts: [Int32]
        private let extra: [(String, UInt8)]
        /// Partition p's extra terms are `extra[extraStarts[p]..<extraStarts[p + 1]]`.
        private let extraStarts: [Int32]

        /// A term of `extra` that is also a body word adds its weight to the word's. The body's
        /// share is capped on its own, so it never outweighs the title.
        init(body words: WordCounts, extra weights: [String: Int]) {
            var bodyWeights = words.counts.map { UInt8(min($0 * Weight.body, Weight.bodyCap)) }
            var extra: [(term: String, weight: Int, partition: Int)] = []
            for (term, weight) in weights {
                let partition = SearchHash.partition(of: SearchIndex.shardKey(term))
                if let index = words.partition(partition).first(where: { words.words[$0] == term }) {
                    bodyWeights[index] = UInt8(min(255, Int(bodyWeights[index]) + weight))
                } else {
                    extra.append((term, weight, partition))
                }
            }
            let (order, starts) = SearchHash.grouped(extra.map(\.partition))
            let grouped = order.map { (extra[$0].term, UInt8(min(255, extra[$0].weight))) }
            self.body = words.words
            self.bodyWeights = bodyWeights
            self.bodyStarts = words.starts
            self.extra = grouped
            self.extraStarts = starts
        }

        @inline(__always)
        func forEach(in partition: Int, _ body: (String, UInt8) -> Void) {
            for index in Int(bodyStarts[partition])..<Int(bodyStarts[partition + 1]) { body(self.body[index], bodyWeights[index]) }
            for index in Int(extraStarts[partition])..<Int(extraStarts[partition + 1]) { body(extra[index].0, extra[index].1) }
        }
    }

    /// Read by all cores at once, never changed; tuples of String are not declared Sendable.
    private struct TermsBox: @unchecked Sendable { let terms: [EntryTerms] }

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
        // Digits straight into bytes: a 10,000-document index has millions of postings.
        var bytes: [UInt8] = [0x4C]  // "L"
        bytes.reserveCapacity(list.count * 5 + 1)
        func base36(_ value: Int) {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    let digit = UInt8(rest % 36)
                    buffer[count] = digit < 10 ? 0x30 + digit : 0x57 + digit
                    rest /= 36
                    count += 1
                } while rest > 0
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        }
        var previous: Int32 = 0
        for (index, (entry, weight)) in list.enumerated() {
            if index > 0 { bytes.append(0x2C) }  // ","
            base36(Int(entry - previous))
            bytes.append(0x2E)  // "."
            base36(Int(weight))
            previous = entry
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Folded words: lowercase ASCII letters and digits, as assets/search.js folds a query.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        VietnameseText.forEachFoldedWord(in: text) { tokens.append($0) }
        return tokens
    }

    private func json<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        let text = String(decoding: data, as: UTF8.self)
        // "</script>" can never end a script early, nor U+2028/9 a line ("<" and their first
        // byte are rare: most shards need no replacing).
        guard data.contains(where: { $0 == 0x3C || $0 == 0xE2 }) else { return text }
        return text.replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
