/// The search index before it is written out: for each term, the entries it is found in with
/// their weights, sorted by entry. Kept in the build cache with a key per entry (what that
/// entry's terms were made from), so a rebuild makes the terms of only the entries whose key
/// changed and patches the postings of the rest instead of gathering a million postings again.
/// Patched or made whole, the postings are the same, and so is the index written from them.
struct SearchPostings: Sendable {
    struct Posting: Sendable, Equatable {
        var entry: Int32
        var weight: UInt8
    }

    /// One partition's terms (SearchHash.partition of their shard key) and each term's postings.
    struct Partition: Sendable, Equatable {
        var terms: [String] = []
        var lists: [[Posting]] = []
    }

    /// Per entry, the key of what its terms were made from; nil when that is unknown.
    var keys: [UInt64?]
    /// Set only as a whole, by this type: `recorded` says which of them are the cache's bytes.
    private(set) var partitions: [Partition]
    /// The index files made from these postings, kept with them: each file's key, so that the
    /// next build need not make again a file whose inputs are unchanged (SearchIndex.files).
    var files = SearchFileKeys()

    /// Entries whose terms were made in this build rather than taken from earlier postings.
    private(set) var madeAfresh = 0
    /// When every entry kept its number and the edited ones were patched in place: the terms
    /// whose list differs from the earlier postings' (new, changed or gone). Nil when unknown.
    private(set) var changedTerms: Set<String>? = nil
    /// Per partition, its bytes in the build cache when it is the partition read from there:
    /// written back as they are (after an edit, most partitions).
    private var recorded: [RecordSlice?] = []

    /// Partitions that `write` takes as recorded rather than encodes.
    var keptPartitions: Int { recorded.count == partitions.count ? recorded.count { $0 != nil } : 0 }

    /// Every entry's terms, gathered into postings: each partition on its own core, entries in
    /// order so every list comes out sorted.
    init(keys: [UInt64?], terms allTerms: [SearchTerms]) {
        self.keys = keys
        madeAfresh = allTerms.count
        partitions = ParallelMap.map(Array(0..<SearchHash.partitions)) { partition in
            var numbers = WordNumbers()
            var result = Partition()
            for (entry, entryTerms) in allTerms.enumerated() {
                entryTerms.forEach(in: partition) { term, weight in
                    let (number, isNew) = numbers.number(of: term)
                    if isNew {
                        result.terms.append(term)
                        result.lists.append([])
                    }
                    result.lists[number].append(Posting(entry: Int32(entry), weight: weight))
                }
            }
            return result
        }
    }

    init(keys: [UInt64?], partitions: [Partition]) {
        self.keys = keys
        self.partitions = partitions
    }

    /// The postings of entries with these keys: `previous` with the postings of entries whose
    /// key is gone or unknown taken out, the others renumbered, and the terms of every other
    /// entry made by `terms` and added. Without usable previous postings, or when more than a
    /// quarter of the entries changed (patching would cost as much), every entry's terms are made.
    static func updating(_ previous: SearchPostings?, keys: [UInt64?], terms: @Sendable (Int) -> SearchTerms)
        -> SearchPostings
    {
        guard let previous, previous.partitions.count == SearchHash.partitions,
            let renumbering = renumbering(from: previous.keys, to: keys),
            renumbering.fresh.count * 4 < max(1, keys.count)
        else { return SearchPostings(keys: keys, terms: ParallelMap.map(Array(keys.indices), terms)) }
        let (renumbered, fresh) = renumbering
        let freshTerms = ParallelMap.map(fresh, terms)
        // After an edit every entry keeps its number but the edited ones, taken out: a list
        // without them is kept as it is, found by a binary search, not copied posting by posting.
        let removed = renumbered.indices.filter { renumbered[$0] < 0 }.map { Int32($0) }
        let keepsNumbers = renumbered.indices.allSatisfy { renumbered[$0] < 0 || renumbered[$0] == Int32($0) }
        let patched = ParallelMap.map(Array(0..<SearchHash.partitions)) { partition in
            patch(
                previous.partitions[partition], renumbered: renumbered,
                removedOnly: keepsNumbers && removed.count <= Self.fewRemoved ? removed : nil,
                fresh: fresh, freshTerms: freshTerms, partition: partition)
        }
        var postings = SearchPostings(keys: keys, partitions: patched.map(\.partition))
        postings.madeAfresh = fresh.count
        // Entries that kept their numbers leave every list they are not in as it was.
        if keys.count == previous.keys.count, patched.allSatisfy({ $0.changed != nil }) {
            postings.changedTerms = Set(patched.lazy.flatMap { $0.changed ?? [] })
            if previous.recorded.count == patched.count {
                postings.recorded = zip(previous.recorded, patched).map { $1.changed?.isEmpty == true ? $0 : nil }
            }
        }
        return postings
    }

    /// The new number of every old entry (-1 when it is gone or its key is unknown or
    /// repeated), and the new entries no old one became, in order. Nil when keys repeat.
    private static func renumbering(from old: [UInt64?], to new: [UInt64?]) -> (renumbered: [Int32], fresh: [Int])? {
        var newNumbers: [UInt64: Int32] = [:]
        newNumbers.reserveCapacity(new.count)
        for (number, key) in new.enumerated() {
            guard let key else { continue }
            guard newNumbers.updateValue(Int32(number), forKey: key) == nil else { return nil }
        }
        var covered = [Bool](repeating: false, count: new.count)
        var seen = Set<UInt64>()
        let renumbered = old.map { key -> Int32 in
            guard let key, seen.insert(key).inserted, let number = newNumbers[key] else { return -1 }
            covered[Int(number)] = true
            return number
        }
        return (renumbered, new.indices.filter { !covered[$0] })
    }

    /// Above this many entries edited or removed, a binary search per entry and list would
    /// cost more than copying the lists.
    static let fewRemoved = 16

    /// `removedOnly`: when every old entry keeps its number or is removed, the removed ones, in
    /// order; then `changed` lists the terms whose list is not the old one (new, changed or gone).
    private static func patch(
        _ old: Partition, renumbered: [Int32], removedOnly: [Int32]?, fresh: [Int], freshTerms: [SearchTerms],
        partition: Int
    ) -> (partition: Partition, changed: [String]?) {
        var result = Partition()
        // Lists made again rather than kept as they were: compared with the old ones at the end.
        var remade: [Int] = []
        result.terms.reserveCapacity(old.terms.count)
        result.lists.reserveCapacity(old.lists.count)
        var unsorted = Set<Int>()
        for (term, list) in zip(old.terms, old.lists) {
            if let removedOnly, !removedOnly.contains(where: { list.holds(entry: $0) }) {
                result.terms.append(term)
                result.lists.append(list)
                continue
            }
            remade.append(result.lists.count)
            var kept: [Posting] = []
            kept.reserveCapacity(list.count)
            var previous: Int32 = -1
            var sorted = true
            for posting in list {
                let number = renumbered[Int(posting.entry)]
                guard number >= 0 else { continue }
                if number < previous { sorted = false }
                previous = number
                kept.append(Posting(entry: number, weight: posting.weight))
            }
            if !sorted { unsorted.insert(result.lists.count) }
            result.terms.append(term)
            result.lists.append(kept)
        }
        if !fresh.isEmpty {
            var positions = Dictionary(uniqueKeysWithValues: result.terms.enumerated().map { ($1, $0) })
            for (entry, entryTerms) in zip(fresh, freshTerms) {
                entryTerms.forEach(in: partition) { term, weight in
                    let position =
                        positions[term]
                        ?? {
                            result.terms.append(term)
                            result.lists.append([])
                            positions[term] = result.lists.count - 1
                            return result.lists.count - 1
                        }()
                    remade.append(position)
                    // Read in place: a copy of the list would make the append copy it whole.
                    if let last = result.lists[position].last, last.entry > Int32(entry) { unsorted.insert(position) }
                    result.lists[position].append(Posting(entry: Int32(entry), weight: weight))
                }
            }
        }
        for position in unsorted { result.lists[position].sort { $0.entry < $1.entry } }
        // The old terms come first, in their order; the terms after them are new.
        let changed = removedOnly.map { _ in
            Set(remade).filter { $0 >= old.lists.count || result.lists[$0] != old.lists[$0] }.map { result.terms[$0] }
        }
        // A term no entry has any more is dropped, as a whole build would never have made it.
        if result.lists.contains(where: \.isEmpty) {
            let kept = result.lists.indices.filter { !result.lists[$0].isEmpty }
            result = Partition(terms: kept.map { result.terms[$0] }, lists: kept.map { result.lists[$0] })
        }
        return (result, changed)
    }
}

extension [SearchPostings.Posting] {
    /// Whether a list sorted by entry has a posting of `entry`.
    fileprivate func holds(entry: Int32) -> Bool {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if self[middle].entry < entry { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low].entry == entry
    }
}

extension SearchPostings {
    /// Entries are numbered in order, so each list is kept as differences from the entry before.
    func write(to record: inout RecordWriter) {
        record.array(keys) { record, key in record.optional(key) { $0.uint64($1) } }
        // As `record.array(partitions)` with each partition nested, so it can be kept as it is;
        // those not kept are encoded on all cores.
        record.int(partitions.count)
        let kept = recorded.count == partitions.count ? recorded : Array(repeating: nil, count: partitions.count)
        let encoded = ParallelMap.map(Array(partitions.indices)) { index in
            kept[index] == nil ? Self.record(partitions[index]) : nil
        }
        for (slice, written) in zip(kept, encoded) {
            if let slice {
                record.int(slice.count)
                record.append(recorded: slice)
            } else if let written {
                record.int(written.bytes.count)
                record.append(recorded: written.bytes[...])
            }
        }
        files.write(to: &record)
    }

    private static func record(_ partition: Partition) -> RecordWriter {
        var record = RecordWriter()
        record.int(partition.terms.count)
        for (term, list) in zip(partition.terms, partition.lists) {
            record.string(term)
            record.int(list.count)
            var previous: Int32 = 0
            for posting in list {
                record.int(Int(posting.entry - previous))
                record.int(Int(posting.weight))
                previous = posting.entry
            }
        }
        return record
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        let keys = try record.array { reader throws(RecordReader.Corrupt) in
            try reader.optional { reader throws(RecordReader.Corrupt) in try reader.uint64() }
        }
        let entries = Int32(clamping: keys.count)
        let nested = try record.array { reader throws(RecordReader.Corrupt) in try reader.nested() }
        // Each partition decoded on its own core.
        let decoded = ParallelMap.map(nested) { reader -> Partition? in
            var reader = reader
            return try? Self.partition(&reader, entries: entries)
        }
        var partitions: [Partition] = []
        for partition in decoded {
            guard let partition else { throw RecordReader.Corrupt() }
            partitions.append(partition)
        }
        self.init(keys: keys, partitions: partitions)
        recorded = nested.map(\.remaining)
        files = try SearchFileKeys(record: &record)
    }

    private static func partition(_ reader: inout RecordReader, entries: Int32) throws(RecordReader.Corrupt)
        -> Partition
    {
        var partition = Partition()
        let count = try reader.int()
        guard count >= 0 else { throw RecordReader.Corrupt() }
        var seen = Set<String>()
        for _ in 0..<count {
            // A term twice in a partition is damage (patching keys its terms by text).
            let term = try reader.string()
            guard seen.insert(term).inserted else { throw RecordReader.Corrupt() }
            partition.terms.append(term)
            let postings = try reader.int()
            guard postings > 0 else { throw RecordReader.Corrupt() }
            var list: [Posting] = []
            list.reserveCapacity(min(postings, Int(entries)))
            var entry: Int32 = 0
            var first = true
            try reader.intPairs(postings) { step, weight throws(RecordReader.Corrupt) in
                // Entries rise strictly and stay within the keys; weights fit a byte.
                guard first ? step >= 0 : step > 0, step < Int(entries), (0...255).contains(weight) else {
                    throw RecordReader.Corrupt()
                }
                first = false
                entry += Int32(step)
                guard entry < entries else { throw RecordReader.Corrupt() }
                list.append(Posting(entry: entry, weight: UInt8(weight)))
            }
            partition.lists.append(list)
        }
        guard reader.isAtEnd else { throw RecordReader.Corrupt() }
        return partition
    }
}
