/// A value that can be kept in a cache record, and checked there without being made.
protocol RecordValue: Sendable {
    init(record: inout RecordReader) throws(RecordReader.Corrupt)
    func write(to record: inout RecordWriter)
    /// Goes over a record as `init(record:)` reads it and checks what it checks, without making
    /// the value: what `init(record:)` then makes of it cannot fail.
    static func check(record: inout RecordReader) throws(RecordReader.Corrupt)
}

/// A value read from a cache record and kept as the record's bytes, in the buffer it was read
/// from, until something reads it. After a one-document edit nearly every document comes from
/// the cache, and most of what it holds is never read: its HTML (its page is not rendered
/// again; 40 MB of HTML made into Strings was a third of reading the cache) and its counted
/// words (the search index keeps its postings; five million small Strings were a fifth).
struct Recorded<Value: RecordValue>: Sendable {
    private enum Storage: Sendable {
        case value(Value)
        case record(ArraySlice<UInt8>)
    }

    private let storage: Storage

    init(_ value: Value) { storage = .value(value) }

    /// Checks the record that comes next in `reader` and keeps its bytes.
    init(checking reader: inout RecordReader) throws(RecordReader.Corrupt) {
        storage = .record(try reader.slice { reader throws(RecordReader.Corrupt) in try Value.check(record: &reader) })
    }

    var value: Value {
        switch storage {
        case .value(let value): return value
        case .record(let bytes):
            var reader = RecordReader(Array(bytes))
            // Checked when read: this cannot throw.
            guard let value = try? Value(record: &reader) else { preconditionFailure("a checked record did not read back") }
            return value
        }
    }

    /// Written as `Value.write` writes it, without making it first.
    func write(to record: inout RecordWriter) {
        switch storage {
        case .value(let value): value.write(to: &record)
        case .record(let bytes): record.append(recorded: bytes)
        }
    }
}

extension String: RecordValue {
    init(record: inout RecordReader) throws(RecordReader.Corrupt) { self = try record.string() }
    func write(to record: inout RecordWriter) { record.string(self) }
    static func check(record: inout RecordReader) throws(RecordReader.Corrupt) { _ = try record.textBytes() }
}
