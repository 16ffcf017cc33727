import VietText

/// The keys of the search index's files as a build made them, kept with its postings
/// (BuildCache's search-postings): so the next build gives a file whose inputs are unchanged
/// the key of the bytes it would make, and makes those bytes only if the file must be written.
struct SearchFileKeys: Sendable, Equatable {
    struct Key: Sendable, Equatable {
        /// What a document shard was made from, summed up (its entries' keys); 0 for a term
        /// shard, whose inputs are told unchanged by the terms whose postings changed.
        var input: UInt64
        /// Its bytes' key.
        var bytes: UInt64
    }

    /// The congkhai that made the files: another writes them its own way.
    var maker = SearchFileKeys.currentMaker
    /// The term shards' count and the entries' count they were made for: both change the
    /// shard a term goes to or how its postings are written.
    var termShards = 0
    var entries = 0
    var byPath: [String: Key] = [:]

    init() {}

    static let currentMaker: UInt64 = {
        var hasher = Hasher64()
        hasher.add("congkhai-search-files-1")
        hasher.add(FileIdentity.executable)
        return hasher.value
    }()

    func write(to record: inout RecordWriter) {
        record.uint64(maker)
        record.int(termShards)
        record.int(entries)
        record.array(byPath.sorted { $0.key < $1.key }) { record, file in
            record.string(file.key)
            record.uint64(file.value.input)
            record.uint64(file.value.bytes)
        }
    }

    init(record: inout RecordReader) throws(RecordReader.Corrupt) {
        maker = try record.uint64()
        termShards = try record.int()
        entries = try record.int()
        let files = try record.array { reader throws(RecordReader.Corrupt) in
            (try reader.string(), Key(input: try reader.uint64(), bytes: try reader.uint64()))
        }
        byPath = Dictionary(files, uniquingKeysWith: { first, _ in first })
    }
}
