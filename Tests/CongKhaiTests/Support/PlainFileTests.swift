import Foundation
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
        #expect(throws: POSIXError.self) { try PlainFile.create(folder.appendingPathComponent("khong-co/index.html").path, contents: Data()) }
    }
}
