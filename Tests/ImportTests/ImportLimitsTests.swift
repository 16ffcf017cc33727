import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import Import

/// Files that would make import unpack or wait without end are stopped with a message: a Word
/// file whose text unpacks to more than any document's (a zip bomb), a PDF pdftotext does not
/// finish with.
struct ImportLimitsTests {
    @Test func aWordFileWhoseTextUnpacksTooLargeIsNotOpened() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-an-phuoc", name: "Trường Tiểu học An Phước")
        let docx = fixture.root.appendingPathComponent("bom.docx")
        let archive = try Archive(url: docx, accessMode: .create)
        let size = DocxReader.maxTextBytes + (1 << 20)
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        // A megabyte of spaces compresses to about a kilobyte: the file is small, its text is not.
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { position, length in
            chunk.prefix(min(length, size - Int(position)))
        }
        let written = try FileManager.default.attributesOfItem(atPath: docx.path)[.size] as? Int ?? 0
        #expect(written < 1 << 20)
        #expect(throws: DocxReader.Failure.self) { try DocxReader.lines(of: docx) }
        let importer = Importer(
            options: .init(portal: fixture.root, unitID: "th-an-phuoc"),
            units: [
                ImportUnit(id: "th-an-phuoc", name: "Trường Tiểu học An Phước", district: nil, province: nil)
            ])
        #expect {
            try importer.importFile(docx)
        } throws: { error in
            (error as? Importer.Failure)?.message.vi.contains("lớn hơn 64 MB khi giải nén") == true
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func aPDFTheToolDoesNotFinishWithIsStopped() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("a.html")
        try Data("<html><body><p>Kế hoạch số 12/KH-THAP</p></body></html>".utf8).write(to: html)
        let pdf = folder.appendingPathComponent("a.pdf")
        try Chromium.printToPDF(html, pdf)
        #expect(try PDFTextReader.text(of: pdf).contains("12/KH-THAP"))
        // A pdftotext that never finishes (a stand-in that waits): stopped at the limit.
        let stuck = folder.appendingPathComponent("pdftotext")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: stuck)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stuck.path)
        let started = ContinuousClock.now
        #expect {
            try PDFTextReader.text(of: pdf, timeLimit: 0.5, tool: stuck.path)
        } throws: { error in
            if case PDFTextReader.Failure.tookTooLong = error { return true }
            return false
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
