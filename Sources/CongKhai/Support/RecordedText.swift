/// Text read from a cache record and kept as its UTF-8 bytes, in the buffer it was read from,
/// until something reads it. After a one-document edit nearly every document comes from the
/// cache and its HTML is never read (its page is not rendered again): making a String of
/// 40 MB of HTML, checked as UTF-8, was a third of reading the cache.
struct RecordedText: Sendable {
    private enum Storage: Sendable {
        case text(String)
        case bytes(ArraySlice<UInt8>)
    }

    private let storage: Storage

    init(_ text: String) { storage = .text(text) }

    /// The bytes as `RecordWriter.string` wrote them; they were a String's, so they are UTF-8.
    init(bytes: ArraySlice<UInt8>) { storage = .bytes(bytes) }

    var text: String {
        switch storage {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Written as `RecordWriter.string` writes the text, without making it first.
    func write(to record: inout RecordWriter) {
        switch storage {
        case .text(let text): record.string(text)
        case .bytes(let bytes): record.bytes(bytes)
        }
    }
}
