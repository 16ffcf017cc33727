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
        var postings: [String: [Int32: Int]] = [:]
        func add(_ text: String, _ entry: Int, _ weight: Int) {
            for token in Self.tokens(text) {
                let current = postings[token, default: [:]][Int32(entry)] ?? 0
                postings[token, default: [:]][Int32(entry)] = min(255, current + weight)
            }
        }
        // Title words as written (lowercase, with their accents), stored in their folded word's
        // shard, so "đường" can rank documents whose title says "đường" above "dương".
        var accented: [String: [Int32: Int]] = [:]
        func addAccented(_ text: String, _ entry: Int) {
            for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let token = String(word)
                if !token.allSatisfy(\.isASCII) { accented[token, default: [:]][Int32(entry)] = Weight.title }
            }
        }
        func addSymbol(_ symbol: String, _ entry: Int, _ weight: Int) {
            let key = DocumentNumber.symbolKey(symbol).lowercased()
            if key.count >= 3 { postings[key, default: [:]][Int32(entry)] = max(postings[key]?[Int32(entry)] ?? 0, weight) }
        }
        let catalogue = site.settings.catalogue
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        var entries: [[Any]] = []
        var bodyTokens: [[String]] = []
        for (index, document) in site.documents.enumerated() {
            let source = document.source
            add(source.title, index, Weight.title)
            addAccented(source.title, index)
            add(catalogue.documentKind(source.kind)?.name ?? "", index, Weight.kind)
            add(site.units[unitIndex[source.unitID] ?? 0].unit.name, index, Weight.unit)
            if let number = source.number { add(number, index, Weight.symbol); addSymbol(number, index, Weight.symbol) }
            for citation in document.rendered.citations { addSymbol(citation.symbol, index, Weight.title) }
            bodyTokens.append(Self.tokens(document.rendered.plainText))
            entries.append([source.title, document.url, unitIndex[source.unitID] ?? 0, source.schoolYear, source.kind,
                            source.number ?? "", source.issued?.vietnameseShort ?? "", source.categories])
        }
        // Body words: common ones (in more than a third of the documents) are left to titles,
        // so no shard carries a posting for nearly every document.
        var documentFrequency: [String: Int] = [:]
        for tokens in bodyTokens { for token in Set(tokens) { documentFrequency[token, default: 0] += 1 } }
        let limit = max(20, site.documents.count / 3)
        for (index, tokens) in bodyTokens.enumerated() {
            // The body's share is capped on its own: a word said often in the body never outweighs
            // the title, and never lowers what the title gave.
            var counts: [String: Int] = [:]
            for token in tokens where (documentFrequency[token] ?? 0) <= limit { counts[token, default: 0] += Weight.body }
            for (token, count) in counts {
                let entry = Int32(index)
                postings[token, default: [:]][entry] = min(255, (postings[token]?[entry] ?? 0) + min(Weight.bodyCap, count))
            }
        }
        for (offset, directive) in site.directives.enumerated() {
            let entry = site.documents.count + offset
            add(directive.title, entry, Weight.title)
            addAccented(directive.title, entry)
            addSymbol(directive.symbol, entry, Weight.symbol * 2)
            for variant in directive.variants { addSymbol(variant, entry, Weight.symbol * 2) }
            add(directive.symbol, entry, Weight.symbol)
            entries.append([directive.title, directive.url, -1, "", "can-cu", directive.symbol, directive.date?.vietnameseShort ?? "", [String](),
                            directive.citedBy.count])
        }

        let termShards = max(16, min(2048, postings.count / 150))
        var shards = Array(repeating: [(String, [Int32: Int])](), count: termShards)
        for (term, list) in postings { shards[Int(Self.hash(term) % UInt32(termShards))].append((term, list)) }
        for (word, list) in accented {
            guard let folded = Self.tokens(word).first else { continue }
            shards[Int(Self.hash(folded) % UInt32(termShards))].append((word, list))
        }
        var files = 0
        for (number, shard) in shards.enumerated() {
            var object: [String: [Int]] = [:]
            for (term, list) in shard { object[term] = list.sorted { $0.key < $1.key }.flatMap { [Int($0.key), $0.value] } }
            try writeFile("\(Self.folder)t\(number).js", script("terms", number, object))
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
            "termShards": termShards, "documentsPerShard": Self.documentsPerShard, "documents": site.documents.count,
            "units": site.units.map { [$0.unit.id, $0.unit.name] },
            "kinds": catalogue.documentKinds.map { [$0.slug, $0.name] },
            "categories": catalogue.categories.map { [$0.slug, $0.name] },
            "years": site.schoolYears,
        ]
        try writeFile("\(Self.folder)meta.js", Data("congkhaiSearch.meta(\(json(meta)));\n".utf8))
        return files + 1
    }

    /// Folded words: lowercase ASCII letters and digits, as assets/search.js folds a query.
    static func tokens(_ text: String) -> [String] {
        VietnameseText.fold(text).split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }.map(String.init)
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
