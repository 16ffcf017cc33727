import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// Cache records read from a file mapped into memory read back as written, also once a new
/// file has been renamed over it (as every cache file is replaced), and a part of one is
/// written back byte for byte.
struct RecordBytesTests {
    @Test func aMappedRecordReadsBackAndOutlivesItsReplacement() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("record").path
        var writer = RecordWriter()
        writer.string("congkhai-thử")
        writer.nested { $0.strings(["Kế hoạch số 15/KH-UBND", "", "đ"]) }
        writer.int(-42)
        try PlainFile.replace(path, contents: writer.bytes)

        let bytes = try #require(RecordBytes.mapping(path))
        #expect(bytes.count == writer.bytes.count)
        // The file replaced as the cache replaces its files: the mapping still reads the old one.
        try PlainFile.replace(path, contents: Array("something else".utf8))
        var reader = RecordReader(bytes)
        #expect(try reader.string() == "congkhai-thử")
        var nested = try reader.nested()
        let kept = nested.remaining
        #expect(try nested.strings() == ["Kế hoạch số 15/KH-UBND", "", "đ"])
        #expect(nested.isAtEnd)
        #expect(try reader.int() == -42)
        #expect(reader.isAtEnd)
        #expect(throws: RecordReader.Corrupt.self) { try reader.int() }

        var again = RecordWriter()
        again.append(recorded: kept)
        var inner = RecordWriter()
        inner.strings(["Kế hoạch số 15/KH-UBND", "", "đ"])
        #expect(again.bytes == inner.bytes)
    }

    @Test func anEmptyOrMissingFile() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty").path
        try PlainFile.replace(empty, contents: [])
        let bytes = try #require(RecordBytes.mapping(empty))
        var reader = RecordReader(bytes)
        #expect(reader.isAtEnd)
        #expect(throws: RecordReader.Corrupt.self) { try reader.string() }
        #expect(RecordBytes.mapping(folder.appendingPathComponent("missing").path) == nil)
    }
}
