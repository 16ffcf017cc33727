import Foundation
import TestSupport
import Testing

@testable import Serve

/// The desk's log keeps every entry whole when saves and a publication write at once.
@Suite struct DeskLogTests {
    @Test func entriesWrittenAtOnceAreAllKept() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = DeskLog(file: folder.appendingPathComponent(".congkhai-serve/nhat-ky.jsonl"))
        try log.ensureWritable()
        DispatchQueue.concurrentPerform(iterations: 200) { number in
            let entry = DeskLog.Entry(
                time: "2026-12-06T10:00:00Z", file: "content/units/a/2025-2026/van-ban-\(number).md",
                title: String(repeating: "Kế hoạch công khai ", count: 20), url: "/a/\(number)/", replaced: false,
                before: nil, after: String(repeating: "x", count: 2000), action: number % 10 == 0 ? "xuat-ban" : "luu")
            try? log.append(entry)
        }
        let lines = try String(contentsOf: log.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        let files = Set(
            try lines.map { try JSONDecoder().decode(DeskLog.Entry.self, from: Data($0.utf8)).file })
        #expect(files.count == 200)
        #expect(log.recent(500).count == 200)
    }
}
