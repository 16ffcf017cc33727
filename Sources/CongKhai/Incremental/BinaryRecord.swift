import Foundation

/// congkhai's own cache records: values written one after another (integers as LEB128
/// varints, zigzag-signed; texts length-first) and read back in the same order. Reading a 100 MB cache of 10,000 documents
/// this way takes a fraction of what JSONDecoder takes (measured: 2.2 s for 44 MB). A record
/// that ends early or holds an impossible length throws, and the cache is not used.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Hands over what was written so far and starts empty, keeping the capacity: records are
    /// streamed to a file in chunks rather than held whole.
    mutating func drain(_ sink: ([UInt8]) throws -> Void) rethrows {
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func int(_ value: Int) {
        // Zigzag: small negative numbers stay short too.
        uint64(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }
    mutating func uint64(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
    /// Bytes a writer wrote, as they are: records made on several cores, then joined.
    mutating func append(recorded: ArraySlice<UInt8>) {
        bytes.append(contentsOf: recorded)
    }
    /// Bytes read from a record, as they are.
    mutating func append(recorded: RecordSlice) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: recorded.bytes.base[recorded.range]))
    }
    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
    /// Any optional value: a presence byte, then the value.
    mutating func optional<T>(_ value: T?, _ write: (inout RecordWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
    mutating func array<T>(_ values: [T], _ write: (inout RecordWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
    /// A record within the record, length first, so a reader can find where each one starts
    /// without decoding it (and decode them on all cores).
    mutating func nested(_ write: (inout RecordWriter) -> Void) {
        var inner = RecordWriter()
        write(&inner)
        int(inner.bytes.count)
        bytes.append(contentsOf: inner.bytes)
    }
}

struct RecordReader {
    struct Corrupt: Error {}
    private let bytes: RecordBytes
    private(set) var position = 0
    /// Where this reader's bytes end: a nested record's reader stops at its own end.
    private let end: Int

    init(_ bytes: [UInt8]) { self.init(RecordBytes(copying: bytes)) }

    /// Over bytes held elsewhere (a cache file mapped into memory, RecordBytes.mapping).
    init(_ bytes: RecordBytes) {
        self.bytes = bytes
        end = bytes.count
    }

    private init(_ bytes: RecordBytes, _ range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { position == end }

    /// The bytes left to read, as they are (shared, not copied).
    var remaining: RecordSlice { RecordSlice(bytes: bytes, range: position..<end) }

    /// A reader of the nested record that comes next (RecordWriter.nested), which this one skips.
    mutating func nested() throws(Corrupt) -> RecordReader {
        let count = try int()
        guard count >= 0, end - position >= count else { throw Corrupt() }
        defer { position += count }
        return RecordReader(bytes, position..<position + count)
    }

    mutating func int() throws(Corrupt) -> Int {
        let raw = try uint64()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    /// `count` pairs of ints, read as `int()` twice would read each, handed to `body` in one
    /// loop over the bytes: the search postings' million pairs, read on every rebuild, took a
    /// call and a reload of the reader's fields per number.
    @inline(__always)
    mutating func intPairs(_ count: Int, _ body: (Int, Int) throws(Corrupt) -> Void) throws(Corrupt) {
        let base = bytes.base
        let end = end
        var position = position
        @inline(__always) func next() throws(Corrupt) -> Int {
            var raw: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < end, shift < 64 else { throw Corrupt() }
                let byte = base[position]
                position += 1
                raw |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        }
        for _ in 0..<count {
            let first = try next()
            try body(first, try next())
        }
        self.position = position
    }
    mutating func uint64() throws(Corrupt) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Corrupt() }
            let byte = bytes.base[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
    mutating func bool() throws(Corrupt) -> Bool {
        guard position < end else { throw Corrupt() }
        position += 1
        switch bytes.base[position - 1] {
        case 0: return false
        case 1: return true
        default: throw Corrupt()
        }
    }
    mutating func string() throws(Corrupt) -> String {
        let count = try int()
        guard count >= 0, end - position >= count else { throw Corrupt() }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes.base[position..<position + count]), as: UTF8.self)
        position += count
        return text
    }
    mutating func strings() throws(Corrupt) -> [String] { try array { reader throws(Corrupt) in try reader.string() } }
    mutating func optionalString() throws(Corrupt) -> String? { try bool() ? try string() : nil }
    mutating func optionalInt() throws(Corrupt) -> Int? { try bool() ? try int() : nil }
    mutating func optional<T>(_ read: (inout RecordReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout RecordReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
        let count = try int()
        // Every element takes at least one byte: a larger count is corruption, not a reason to reserve.
        guard count >= 0, count <= end - position else { throw Corrupt() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}

/// The bytes a RecordReader reads: a cache file mapped into memory, read-only, or a copy of an
/// array. Mapped, a rebuild's 80 MB of document records are neither copied from the page cache
/// nor faulted into fresh memory (a tenth of a rebuild's CPU at 10,000 documents), and the
/// citations it skips are never touched. Cache files are only ever replaced by renaming a new
/// file over them, never written into, so a mapping stays whole while it is read.
final class RecordBytes: @unchecked Sendable {
    let base: UnsafeRawBufferPointer
    private let mapped: Bool

    var count: Int { base.count }

    init(copying bytes: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        base = UnsafeRawBufferPointer(buffer)
        mapped = false
    }

    private init(mapping base: UnsafeRawBufferPointer) {
        self.base = base
        mapped = true
    }

    /// The file mapped into memory; read into memory where it cannot be mapped (a file system
    /// that does not allow it); nil when it cannot be read.
    static func mapping(_ path: String) -> RecordBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else { return RecordBytes(copying: []) }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return PlainFile.read(path).map(RecordBytes.init(copying:)) }
        return RecordBytes(mapping: UnsafeRawBufferPointer(start: address, count: size))
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base.baseAddress), base.count)
        } else {
            base.deallocate()
        }
    }
}

/// Part of the bytes of a record, kept as they are (RenderedMarkdown's citations as the cache
/// holds them, written back unchanged).
struct RecordSlice: Sendable {
    let bytes: RecordBytes
    let range: Range<Int>

    var count: Int { range.count }
}
