/// A document's counted words as read from a cache record, kept as the record's bytes until
/// something reads them. After an edit the search index makes the terms of only the changed
/// documents; making the five million words of the others' records was a fifth of reading the
/// cache. The bytes were checked when read (`WordCounts.check`), so making them cannot fail.
struct RecordedWords: Sendable {
    private enum Storage: Sendable {
        case counts(WordCounts)
        case record(ArraySlice<UInt8>)
    }

    private let storage: Storage

    init(_ counts: WordCounts) { storage = .counts(counts) }

    init(record: ArraySlice<UInt8>) { storage = .record(record) }

    var counts: WordCounts {
        switch storage {
        case .counts(let counts): return counts
        case .record(let bytes):
            var reader = RecordReader(Array(bytes))
            return (try? WordCounts(record: &reader)) ?? WordCounts()
        }
    }

    /// Written as `WordCounts.write` writes them, without making them first.
    func write(to record: inout RecordWriter) {
        switch storage {
        case .counts(let counts): counts.write(to: &record)
        case .record(let bytes): record.append(recorded: bytes)
        }
    }
}
