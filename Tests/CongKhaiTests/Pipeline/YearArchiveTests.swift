import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import CongKhai

@Suite(.serialized) struct YearArchiveTests {
    func extract(_ zip: URL, to folder: URL) throws {
        let archive = try Archive(url: zip, accessMode: .read)
        for entry in archive {
            let target = folder.appendingPathComponent(entry.path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try archive.extract(entry, to: target)
        }
    }

    @Test func theExampleYearOpensOfflineAndAChangedByteIsCaught() throws {
        let work = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let zip = work.appendingPathComponent("cong-khai-2023-2024.zip")
        let files = try YearArchive.create(portal: TestPaths.repository, schoolYear: "2023-2024", output: zip)
        #expect(files > 40)
        #expect(try YearArchive.verify(zip).isEmpty)

        let folder = work.appendingPathComponent("mo-ra")
        try extract(zip, to: folder)
        let listed = try LinkChecker.allFiles(in: folder)
        #expect(listed.contains("MANIFEST.sha256") && listed.contains("index.html"))
        #expect(listed.contains("don-vi/th-an-phuoc/2023-2024/ke-hoach-dan-van-chinh-quyen-nam-2024/index.html"))
        #expect(
            !listed.contains { $0.contains("2019-2020/ke-hoach-nam-dan-van-kheo-2020") }, "only that year's documents")
        #expect(try LinkChecker.brokenLinks(in: folder).isEmpty, "every link resolves inside the archive")
        // Standard tools can check it.
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["-c", "--quiet", "MANIFEST.sha256"]
        check.currentDirectoryURL = folder
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)

        // The same sources give the same archive.
        let again = work.appendingPathComponent("lan-2.zip")
        try YearArchive.create(portal: TestPaths.repository, schoolYear: "2023-2024", output: again)
        #expect(try Data(contentsOf: zip) == Data(contentsOf: again))

        // One changed byte in one page: verify names it.
        let page = folder.appendingPathComponent("index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: page)
        let tampered = work.appendingPathComponent("sua.zip")
        let archive = try Archive(url: tampered, accessMode: .create)
        for file in listed {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            try archive.addEntry(with: file, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let problems = try YearArchive.verify(tampered)
        #expect(problems.map(\.code) == ["archive.changed"])
        #expect(
            problems.map { $0.formatted(.vi) } == [
                "\(tampered.lastPathComponent)/index.html: lỗi: nội dung đã bị thay đổi (mã SHA-256 khác)."
            ])
        #expect(
            problems.first?.formatted(.en).hasSuffix("error: the content was changed (its SHA-256 differs).") == true)
    }

    @Test func archivesInThePortalArePublishedAndListed() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\n---\n")
        try YearArchive.create(
            portal: fixture.root, schoolYear: "2023-2024",
            output: fixture.root.appendingPathComponent("archives/cong-khai-2023-2024.zip"))
        #expect(throws: YearArchive.Failure.self) {
            try YearArchive.create(
                portal: fixture.root, schoolYear: "2021-2022",
                output: fixture.root.appendingPathComponent("archives/trong.zip"))
        }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        #expect(
            FileManager.default.fileExists(
                atPath: fixture.root.appendingPathComponent("public/luu-tru/cong-khai-2023-2024.zip").path))
        #expect(
            try fixture.read("public/cong-khai/index.html").contains(
                "href=\"../luu-tru/cong-khai-2023-2024.zip\">Năm học 2023-2024</a>"))
    }
}
