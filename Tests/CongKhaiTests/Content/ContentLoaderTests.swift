import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

@Suite struct ContentLoaderTests {
    func load(_ fixture: PortalFixture) -> LoadedPortal { ContentLoader(root: fixture.root).load() }

    @Test func readsAWellFormedDocument() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường Tiểu học A")
        try fixture.write(
            "content/units/th-a/2023-2024/Kế hoạch số 1.md",
            """
            ---
            title: Kế   hoạch thử
            kind: ke-hoach
            number: 08 /KH - THA
            issued: 2024-04
            recipients: [Lưu VT]
            categories: [tai-chinh]
            ---
            Nội dung.
            """)
        let portal = load(fixture)
        #expect(portal.errors.isEmpty, "\(portal.errors.map { $0.formatted() })")
        let document = try #require(portal.documents.first)
        #expect(document.id == "th-a/2023-2024/ke-hoach-so-1")
        #expect(document.title == "Kế hoạch thử")
        #expect(document.number == "08/KH-THA")
        #expect(document.issued?.iso == "2024-04")
        #expect(document.recipients == ["Lưu VT"])
        #expect(document.bodyLine == 9)
    }

    @Test func everyBadFileIsReportedWithFileLineAndKey() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\nissued: 2023-02-30\n---\nx\n")
        try fixture.write("content/units/th-a/2023-2024/b.md", "---\nkind: thu-moi\n---\nx\n")
        try fixture.write("content/units/th-a/2023-2024/c.md", "---\ntitle: [unclosed\nkind: ke-hoach\n---\nx\n")
        try fixture.write(
            "content/units/th-a/2023-2024/d.md",
            "---\ntitle: D\nkind: ke-hoach\ncategories: [khong-co]\nschool_year: 2022-2023\n---\n")
        try fixture.write("content/units/th-a/2023-2024/e.md", "no front matter\n")
        let errors = load(fixture).errors
        func find(_ file: String, _ code: String) -> Diagnostic? {
            errors.first { $0.file == "content/units/th-a/2023-2024/\(file)" && $0.code == code }
        }
        let badDate = try #require(find("a.md", "front-matter.bad-date"))
        #expect(badDate.line == 4 && badDate.key == "issued")
        #expect(badDate.formatted().hasPrefix("content/units/th-a/2023-2024/a.md:4:1: lỗi: khóa `issued`:"))
        #expect(find("b.md", "front-matter.missing-key")?.key == "title")
        #expect(find("b.md", "front-matter.unknown-kind")?.line == 2)
        #expect(find("c.md", "yaml.syntax")?.line != nil)
        #expect(find("d.md", "front-matter.unknown-category")?.line == 4)
        #expect(find("d.md", "front-matter.school-year-mismatch")?.line == 5)
        #expect(find("e.md", "front-matter.missing") != nil)
        #expect(Diagnostic(.error, "x", file: "f", message: .init(vi: "v", en: "e")).formatted(.en) == "f: error: e")
    }

    /// A text-direction override or a C0 control written as a YAML escape is removed from the
    /// value, as one in the file itself is, and reported where it was written.
    @Test func controlCharactersWrittenAsEscapesAreRemoved() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\nkind: ke-hoach\ntitle: \"Kế hoạch \\u202Enăm\\x01 học\"\nrecipients: [\"Như trên\\u2066\"]\n---\nNội dung.\n"
        )
        let portal = load(fixture)
        let document = try #require(portal.documents.first)
        #expect(document.title == "Kế hoạch năm học")
        #expect(document.recipients == ["Như trên"])
        let warnings = portal.diagnostics.filter { $0.code == "front-matter.control-characters" }
        #expect(warnings.map(\.line) == [3, 4] && warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func nonUTF8FilesAreReportedNotCrashedOn() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        // "Phòng" in TCVN3 bytes on line 3.
        try fixture.writeBytes(
            "content/units/th-a/2023-2024/tcvn3.md",
            Array("---\ntitle: A\nkind: ".utf8) + [0x50, 0x68, 0xDF, 0x6E, 0x67] + Array("\n---\n".utf8))
        let error = try #require(load(fixture).errors.first { $0.code == "file.not-utf8" })
        #expect(error.file == "content/units/th-a/2023-2024/tcvn3.md")
        #expect(error.line == 3)
        #expect(error.column == 9)
    }

    @Test func textIsNormalisedToNFC() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: \("Dân vận khéo".decomposedStringWithCanonicalMapping)\nkind: ke-hoach\n---\n")
        let title = try #require(load(fixture).documents.first?.title)
        #expect(Array(title.unicodeScalars) == Array("Dân vận khéo".unicodeScalars))
    }

    @Test func misplacedFilesAndMissingUnitsAreErrors() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.write("content/units/th-b/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\n---\n")
        try fixture.write("content/ke-hoach.md", "---\ntitle: A\nkind: ke-hoach\n---\n")
        try fixture.unit("th-a", name: "A")
        try fixture.write("content/units/th-a/2023/a.md", "---\ntitle: A\nkind: ke-hoach\n---\n")
        let codes = Set(load(fixture).errors.map(\.code))
        #expect(codes.isSuperset(of: ["unit.missing-file", "content.misplaced", "content.bad-school-year"]))
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write("content/units/th-a/2023-2024/a.md", "---\ntitle: A\nkind: ke-hoach\ndraft: true\n---\n")
        #expect(ContentLoader(root: fixture.root).load().documents.isEmpty)
        #expect(ContentLoader(root: fixture.root, includeDrafts: true).load().documents.count == 1)
    }

    @Test func duplicateNumbersInOneYearAreErrors() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        for name in ["a", "b"] {
            try fixture.write(
                "content/units/th-a/2023-2024/\(name).md",
                "---\ntitle: \(name)\nkind: ke-hoach\nnumber: 12/KH-THA\nissued: 2024-03-01\n---\n")
        }
        let error = try #require(load(fixture).errors.first { $0.code == "document.duplicate-number" })
        #expect(error.file.hasSuffix("b.md"))
        #expect(error.formatted().contains("a.md"))
    }

    /// A build hands the loader content/ as its fingerprint listed it; what is loaded from that
    /// listing equals what a walk finds: hidden files and folders left out, a link inside
    /// content/ read, one leading outside refused, and each document stamped as `stamp` does.
    @Test func aListingGivenLoadsWhatAWalkLoads() throws {
        let root = try TestPaths.examplePortalCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let year = try #require(
            FileManager.default.subpathsOfDirectory(atPath: content.path)
                .filter { $0.hasSuffix(".md") && $0.hasPrefix("units/") }.sorted().first)
        let folder = content.appendingPathComponent(year).deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".an"), withIntermediateDirectories: true)
        try "---\ntitle: A\nkind: ke-hoach\n---\n".write(
            to: folder.appendingPathComponent(".an/an.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: A\nkind: ke-hoach\n---\n".write(
            to: folder.appendingPathComponent(".an-tep.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("lien-ket.md"),
            withDestinationURL: content.appendingPathComponent(year))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("ra-ngoai.md"),
            withDestinationURL: root.appendingPathComponent("congkhai.yaml"))
        // Old enough to be stamped.
        Thread.sleep(forTimeInterval: 0.15)
        let walked = ContentLoader(root: root).load()
        var loader = ContentLoader(root: root)
        loader.listing = ContentListing(entries: FolderEntries.statuses(content.path), takenAt: FileIdentity.now())
        let listed = loader.load()
        #expect(listed.documents.map(\.sourcePath) == walked.documents.map(\.sourcePath))
        #expect(walked.documents.contains { $0.sourcePath.hasSuffix("lien-ket.md") })
        #expect(!walked.documents.contains { $0.sourcePath.contains("/.an") })
        #expect(listed.diagnostics.map { $0.formatted() } == walked.diagnostics.map { $0.formatted() })
        #expect(walked.errors.contains { $0.code == "content.link-outside" })
        #expect(listed.documentLoads.map(\.stamp) == walked.documentLoads.map(\.stamp))
        #expect(listed.documentLoads.allSatisfy { $0.stamp != 0 })
    }

    /// Duplicates are found by a hash of each key; keys that share a hash but differ are
    /// still told apart (every hash the same here, to make them share it).
    @Test func keysSharingAHashAreToldApart() {
        let keys = ["a", "b", "a", "c", "b", "b"]
        var seen = DocumentChecks.FirstSeen()
        let earlier = keys.indices.map { seen.earlier(keys[$0], hash: 7, at: $0) { keys[$0] } }
        #expect(earlier == [nil, nil, 0, nil, 1, 1])
    }

    @Test func attachmentsMustSitBesideTheDocument() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nattachments: [../../../../congkhai.yaml, thieu.pdf]\n---\n")
        let codes = load(fixture).errors.filter { $0.key == "attachments" }.map(\.code)
        #expect(Set(codes) == ["front-matter.attachment-outside", "front-matter.attachment-missing"])
    }
}

@Suite struct FrontMatterSplitterTests {
    @Test func splitsAndCountsLines() {
        let split = FrontMatterSplitter.split("---\ntitle: A\n---\nbody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "body\n")
        #expect(split.bodyLine == 4)
    }

    @Test func noFrontMatterOrUnterminated() {
        #expect(FrontMatterSplitter.split("# Tiêu đề\n").yaml == nil)
        let open = FrontMatterSplitter.split("---\ntitle: A\n")
        #expect(open.yaml == nil && open.unterminated)
        #expect(FrontMatterSplitter.split("---\r\n").yaml == nil)
        #expect(FrontMatterSplitter.split("").yaml == nil)
    }
}
