import Foundation
import VietText

/// The search index, built once per build and split so a query loads only what it needs: term
/// shards chosen by a hash of each folded word, and document shards of 10 results each. Every
/// part is a plain script (`congkhaiSearch.terms(...)`), because browsers refuse fetch and
/// XHR on file:// but load scripts. The page script is assets/search.js.
struct SearchIndex {
    let site: SiteModel
    /// Small document shards: the 20 results shown load at most 20 of them (results listed by
    /// a filter alone are spread over the whole index), each with its excerpt.
    static let documentsPerShard = 10
    static let folder = "tim-kiem/chi-muc/"

    /// One search result as the page script reads it: an array, to keep the shards small.
    /// What it shows must be in its shard's input (`documentShardInputs`): a field added here
    /// goes there too, or a shard could keep an earlier build's bytes.
    struct Entry: Sendable {
        var title: String, url: String, unit: Int, schoolYear: String, kind: String, number: String, date: String
        var categories: [String]
        /// What the document is about (`Excerpt`); a directive's subject.
        var excerpt: String
        /// Directives only: how many documents cite it.
        var citedBy: Int?

        /// An array, to keep the shards small; assets/search.js reads it by position.
        func appendJSON(to out: inout [UInt8]) {
            out.append(0x5B)  // [
            for text in [title, url] {
                ScriptJSON.append(text, to: &out)
                out.append(0x2C)  // ,
            }
            SearchIndex.appendDecimal(unit, to: &out)
            out.append(0x2C)
            for text in [schoolYear, kind, number, date] {
                ScriptJSON.append(text, to: &out)
                out.append(0x2C)
            }
            ScriptJSON.array(categories, to: &out)
            out.append(0x2C)
            ScriptJSON.append(excerpt, to: &out)
            if let citedBy {
                out.append(0x2C)
                SearchIndex.appendDecimal(citedBy, to: &out)
            }
            out.append(0x5D)  // ]
        }
    }

    struct Meta: Encodable {
        var termShards: Int, documentsPerShard: Int, documents: Int, entries: Int
        var units: [[String]], kinds: [[String]], categories: [[String]], years: [String]
        var sections: [SearchSection]
    }

    /// Per entry (documents, then directives), the key of what its terms are made of
    /// (PageKeys.searchKeys); nil makes every entry's terms afresh.
    var entryKeys: [UInt64?]? = nil
    /// The postings the last build wrote, to be patched rather than gathered again.
    var previous: SearchPostings? = nil

    /// One file of the index: its path in the output, the key of its bytes, and the bytes,
    /// made when asked for if they were not made to find the key.
    struct File: Sendable {
        var path: String
        var key: UInt64
        var data: @Sendable () -> Data
    }

    /// The index's files and its postings, for the next build. Every file's key is known before
    /// any is written, so that the writer keeps in place those that come out as they were
    /// (SiteWriter): after an edit, nearly all of them. A shard whose inputs are those the
    /// previous postings record (a term shard none of whose terms' postings changed, a
    /// document shard whose entries' keys are the same) takes the key recorded there and is
    /// made only if it must be written.
    func files() -> (files: [File], postings: SearchPostings) {
        let catalogue = site.settings.catalogue
        let unitIndex = Dictionary(uniqueKeysWithValues: site.units.enumerated().map { ($1.unit.id, $0) })
        let documents = site.documents
        let directives = site.directives
        let total = documents.count + directives.count
        var postings = SearchPostings.updating(
            previous, keys: entryKeys ?? Array(repeating: nil, count: total), terms: termsOfEntry())
        // Files made by another congkhai are made again.
        let earlier = previous?.files.maker == SearchFileKeys.currentMaker ? previous?.files : nil
        var made = SearchFileKeys()
        let termCount = postings.partitions.reduce(0) { $0 + $1.terms.count }
        let termShards = max(16, min(4096, termCount / 150))
        made.termShards = termShards
        made.entries = total
        // Each shard's terms, as (partition, position); finding a term's shard is cheap, writing
        // its postings is not.
        let shardOf = { @Sendable (term: String) in
            Int(SearchHash.of(SearchTerms.shardKey(term)) % UInt32(termShards))
        }
        let partitions = postings.partitions
        let placed = ParallelMap.map(partitions) { $0.terms.map(shardOf) }
        var members = Array(repeating: [(partition: Int, position: Int)](), count: termShards)
        for (partition, shards) in placed.enumerated() {
            for (position, shard) in shards.enumerated() { members[shard].append((partition, position)) }
        }
        // Shards none of whose terms' postings changed, when nothing else they depend on did.
        let unchangedTermShards: Set<Int> =
            if let changed = postings.changedTerms, let earlier, earlier.termShards == termShards,
                earlier.entries == total
            {
                Set(0..<termShards).subtracting(changed.map(shardOf))
            } else {
                []
            }
        let shardMembers = members
        let termShard = { @Sendable (number: Int) -> Data in
            let body = shardMembers[number]
                .map {
                    (
                        term: partitions[$0.partition].terms[$0.position],
                        list: partitions[$0.partition].lists[$0.position]
                    )
                }
                .sorted { $0.term < $1.term }
                .map { "\"\($0.term)\":\"\(Self.encode($0.list, total: total))\"" }
                .joined(separator: ",")
            return Data("congkhaiSearch.terms(\(number),{\(body)});\n".utf8)
        }
        // One result's entry: a document's, then a directive's.
        let entry = { @Sendable (index: Int) -> Entry in
            guard index < documents.count else {
                let directive = directives[index - documents.count]
                return Entry(
                    title: directive.title, url: directive.url, unit: -1, schoolYear: "", kind: "can-cu",
                    number: directive.symbol, date: directive.date?.vietnameseShort ?? "", categories: [],
                    excerpt: directive.subject ?? "", citedBy: directive.citedBy.count)
            }
            let source = documents[index].source
            return Entry(
                title: source.title, url: documents[index].url, unit: unitIndex[source.unitID] ?? 0,
                schoolYear: source.schoolYear,
                kind: source.kind, number: source.number ?? "", date: source.issued?.vietnameseShort ?? "",
                categories: documents[index].categoryGroups, excerpt: documents[index].rendered.excerpt)
        }
        let documentShards = (total + Self.documentsPerShard - 1) / Self.documentsPerShard
        let documentShard = { @Sendable (number: Int) -> Data in
            var script = Array("congkhaiSearch.docs(\(number),[".utf8)
            for index in Self.entries(ofShard: number, total: total) {
                if index > number * Self.documentsPerShard { script.append(0x2C) }
                entry(index).appendJSON(to: &script)
            }
            script.append(contentsOf: "]);\n".utf8)
            return Data(script)
        }
        let inputs = documentShardInputs(shards: documentShards, total: total)
        // Each shard made, or its key taken from the earlier postings, on all cores.
        @Sendable func shardFile(_ number: Int) -> (file: File, key: SearchFileKeys.Key) {
            let isTerms = number < termShards
            let shard = isTerms ? number : number - termShards
            let path = "\(Self.folder)\(isTerms ? "t" : "d")\(shard).js"
            let input: UInt64? = isTerms ? (unchangedTermShards.contains(shard) ? 0 : nil) : inputs[shard]
            let make: @Sendable () -> Data
            if isTerms { make = { termShard(shard) } } else { make = { documentShard(shard) } }
            if let input, let recorded = earlier?.byPath[path], recorded.input == input {
                // What the reuse rests on, checked where it costs nothing that matters.
                assert(Hasher64.of(bytes: make()) == recorded.bytes, "\(path): its inputs said it was unchanged")
                return (File(path: path, key: recorded.bytes, data: make), recorded)
            }
            let data = make()
            let key = SearchFileKeys.Key(input: input ?? 0, bytes: Hasher64.of(bytes: data))
            return (File(path: path, key: key.bytes, data: { data }), key)
        }
        let shardFiles = ParallelMap.map(Array(0..<(termShards + documentShards)), shardFile)
        var files = shardFiles.map { $0.file }
        for (file, key) in shardFiles { made.byPath[file.path] = key }
        // Filters need every result's year, unit, kind and categories: one compact table, loaded
        // only when a filter is chosen.
        let yearIndex = Dictionary(uniqueKeysWithValues: site.schoolYears.enumerated().map { ($1, $0) })
        let kindIndex = Dictionary(uniqueKeysWithValues: catalogue.documentKinds.enumerated().map { ($1.slug, $0) })
        let categoryIndex = Dictionary(uniqueKeysWithValues: catalogue.categories.enumerated().map { ($1.slug, $0) })
        // Written as JSONEncoder wrote [[Int]], without its cost: four numbers per document,
        // their digits straight into bytes.
        var filters = Array("congkhaiSearch.filters([".utf8)
        filters.reserveCapacity(filters.count + documents.count * 16)
        for index in documents.indices {
            let source = documents[index].source
            let categories = documents[index].categoryGroups.compactMap { categoryIndex[$0] }.reduce(0) {
                $0 | (1 << $1)
            }
            filters.append(contentsOf: index == 0 ? [0x5B] : [0x2C, 0x5B])  // "[" or ",["
            for (position, number) in [
                yearIndex[source.schoolYear] ?? -1, unitIndex[source.unitID] ?? -1, kindIndex[source.kind] ?? -1,
                categories
            ].enumerated() {
                if position > 0 { filters.append(0x2C) }
                Self.appendDecimal(number, to: &filters)
            }
            filters.append(0x5D)  // "]"
        }
        filters.append(contentsOf: "]);\n".utf8)
        files.append(Self.made("\(Self.folder)filters.js", Data(filters)))
        let meta = Meta(
            termShards: termShards, documentsPerShard: Self.documentsPerShard, documents: site.documents.count,
            entries: total,
            units: site.units.map { [$0.unit.id, $0.unit.name] },
            kinds: catalogue.documentKinds.map { [$0.slug, $0.name] },
            categories: catalogue.categories.map { [$0.slug, $0.name] },
            years: site.schoolYears, sections: SearchSection.all(site))
        files.append(Self.made("\(Self.folder)meta.js", Data("congkhaiSearch.meta(\(json(meta)));\n".utf8)))
        postings.files = made
        return (files, postings)
    }

    /// The entries document shard `number` holds, of `total`.
    private static func entries(ofShard number: Int, total: Int) -> Range<Int> {
        (number * documentsPerShard)..<min(total, (number + 1) * documentsPerShard)
    }

    private static func made(_ path: String, _ data: Data) -> File {
        File(path: path, key: Hasher64.of(bytes: data), data: { data })
    }

    /// Per document shard, what its entries show, summed up: the entries' keys (PageKeys.searchKeys:
    /// a document's inputs, a directive's title, symbol and spellings) with what else a
    /// directive's result shows and the units' order; nil when a key is unknown.
    private func documentShardInputs(shards: Int, total: Int) -> [UInt64?] {
        guard let entryKeys, entryKeys.count == total else { return Array(repeating: nil, count: shards) }
        var units = Hasher64()
        units.add("search-document-shard-1")
        units.add(site.units.map(\.unit.id))
        let documents = site.documents.count
        let directives = site.directives
        let seed = units.value
        return ParallelMap.map(Array(0..<shards)) { number in
            var hasher = Hasher64(seed: seed)
            for index in Self.entries(ofShard: number, total: total) {
                guard let key = entryKeys[index] else { return nil }
                hasher.add(key)
                if index >= documents {
                    let directive = directives[index - documents]
                    hasher.add(directive.url)
                    hasher.add(directive.date?.iso)
                    hasher.add(directive.subject)
                    hasher.add(directive.citedBy.count)
                }
            }
            return hasher.value
        }
    }

    /// Entry n's terms: a document's, then a directive's.
    private func termsOfEntry() -> @Sendable (Int) -> SearchTerms {
        let unitTokens = Dictionary(
            site.units.map { ($0.unit.id, SearchTerms.tokens($0.unit.name)) }, uniquingKeysWith: { first, _ in first })
        let kindTokens = Dictionary(
            site.settings.catalogue.documentKinds.map { ($0.slug, SearchTerms.tokens($0.name)) },
            uniquingKeysWith: { first, _ in first })
        let documents = site.documents
        let directives = site.directives
        return { entry in
            guard entry < documents.count else { return SearchTerms.directive(directives[entry - documents.count]) }
            let document = documents[entry]
            return SearchTerms.document(
                document.source, rendered: document.rendered, unitTokens: unitTokens[document.source.unitID] ?? [],
                kindTokens: kindTokens[document.source.kind] ?? [])
        }
    }

    /// A posting list as text: "L" then "delta.weight" pairs in base 36 (about 4.5 bytes an
    /// entry); or, for a word in at least 200 entries where a bitmap is smaller (more than one
    /// entry in 27), "B" then a base64 bitmap of the entries with weight 1. Small portals keep
    /// every weight. assets/search.js reads both.
    static func encode(_ list: [SearchPostings.Posting], total: Int) -> String {
        if list.count >= 200 && list.count * 27 > total {
            var bits = [UInt8](repeating: 0, count: (total + 7) / 8)
            for posting in list {
                bits[Int(posting.entry) >> 3] |= UInt8(1) << UInt8(truncatingIfNeeded: posting.entry & 7)
            }
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
        for (index, posting) in list.enumerated() {
            if index > 0 { bytes.append(0x2C) }  // ","
            base36(Int(posting.entry - previous))
            bytes.append(0x2E)  // "."
            base36(Int(posting.weight))
            previous = posting.entry
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number in decimal, as String(number) writes it.
    static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(0x2D) }  // "-"
        var rest = number.magnitude
        var divisor: UInt = 1
        while rest / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
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
