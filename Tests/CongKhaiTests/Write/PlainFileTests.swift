import Foundation
import TestSupport
import Testing

@testable import CongKhai

@Suite struct PlainFileTests {
    @Test func createsTheFileWithItsBytes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.html").path
        try PlainFile.create(path, contents: Data("Kế hoạch dân vận".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Kế hoạch dân vận")
    }

    @Test func neverWritesIntoAFileLinkedFromTheLiveOutput() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = folder.appendingPathComponent("live.html").path
        let staged = folder.appendingPathComponent("staged.html").path
        try Data("trang cũ".utf8).write(to: URL(fileURLWithPath: live))
        #expect(link(live, staged) == 0)
        try PlainFile.create(staged, contents: Data("trang mới".utf8))
        #expect(try String(contentsOfFile: live, encoding: .utf8) == "trang cũ")
        #expect(try String(contentsOfFile: staged, encoding: .utf8) == "trang mới")
    }

    @Test func aMissingFolderIsAnError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: POSIXError.self) {
            try PlainFile.create(folder.appendingPathComponent("khong-co/index.html").path, contents: Data())
        }
    }

    /// A cache record or a marker is replaced whole, by a rename: a file linked to the old
    /// one keeps the old bytes, and nothing is left beside it.
    @Test func replacesWholeAndReadsBack() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("search-postings").path
        let linked = folder.appendingPathComponent("linked").path
        try PlainFile.replace(path, contents: Array("bản một".utf8))
        #expect(link(path, linked) == 0)
        try PlainFile.replace(path, contents: Array("bản hai, dài hơn".utf8))
        #expect(PlainFile.read(path) == Array("bản hai, dài hơn".utf8))
        #expect(PlainFile.read(linked) == Array("bản một".utf8))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["linked", "search-postings"])
        #expect(PlainFile.read(folder.appendingPathComponent("khong-co").path) == nil)
        #expect(throws: POSIXError.self) {
            try PlainFile.replace(folder.appendingPathComponent("khong-co/tep").path, contents: [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
    }
}
