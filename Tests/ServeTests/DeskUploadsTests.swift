import Foundation
import TestSupport
import Testing

@testable import Serve

struct DeskUploadsTests {
    @Test func eachAccountsFilesWaitingToBeSavedAreBoundedInAgeAndCount() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let uploads = DeskUploads(root: folder, owner: "lan")
        let other = DeskUploads(root: folder, owner: "an")
        let stale = try other.store(Array("cũ".utf8), name: "cu.txt")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-DeskUploads.kept - 60)],
            ofItemAtPath: stale.file.deletingLastPathComponent().path)
        let others = try other.store(Array("của trường khác".utf8), name: "khac.txt")
        var ids: [String] = []
        for index in 0..<(DeskUploads.mostWaiting + 5) {
            let stored = try uploads.store(Array("văn bản \(index)".utf8), name: "van-ban-\(index).txt")
            // Each a little later than the one before: the oldest are the first stored.
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(Double(index - 1000))],
                ofItemAtPath: stored.file.deletingLastPathComponent().path)
            ids.append(stored.id)
        }
        // Anyone's file older than a day goes; another account's recent one stays, and cannot be
        // named through this account's uploads.
        #expect(other.file(stale.id) == nil)
        #expect(other.file(others.id) != nil && uploads.file(others.id) == nil)
        let waiting = try FileManager.default.contentsOfDirectory(atPath: uploads.folder.path)
        #expect(waiting.count == DeskUploads.mostWaiting)
        #expect(ids.prefix(5).allSatisfy { uploads.file($0) == nil })
        #expect(ids.suffix(DeskUploads.mostWaiting).allSatisfy { uploads.file($0) != nil })
    }
}
