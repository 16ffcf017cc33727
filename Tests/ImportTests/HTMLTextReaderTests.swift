import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import Import

/// Saved web pages: the main text as lines, what is no part of the document left out, and the
/// address the page was saved from.
@Suite struct HTMLTextReaderTests {
    static let page = TestPaths.repository.appendingPathComponent("Tests/ImportFixtures/004.html")

    @Test func theMainTextIsReadAndThePagesChromeLeftOut() throws {
        let lines = try HTMLTextReader.read(Data(contentsOf: Self.page)).lines
        // The portal's menu, breadcrumbs, record, contents and footer are not the document's.
        for chrome in ["Tìm kiếm", "Thuộc tính văn bản", "Lên đầu trang", "Dữ liệu mở", "Mục lục"] {
            #expect(!lines.contains { $0.contains(chrome) }, "\(chrome)")
        }
        #expect(lines.contains("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"))
        #expect(lines.contains("Thực hiện “Năm dân vận khéo” 2020"))
        #expect(lines.contains("TM. BAN THƯỜNG VỤ") && lines.contains("CHỦ TỊCH"))
        #expect(lines.contains("- CĐCS trực thuộc;"))
        #expect(try HTMLTextReader.read(Data(contentsOf: Self.page)).sourceURL == nil)
    }

    /// Browsers note where a saved page came from; the page may also name its own address.
    @Test func theAddressThePageWasSavedFromIsKept() throws {
        let html = try String(contentsOf: Self.page, encoding: .utf8)
        let address = "https://pgdbinhson.edu.vn/van-ban/ke-hoach-08.html"
        let saved = "<!-- saved from url=(\(String(format: "%04d", address.count)))\(address) -->\n" + html
        #expect(try HTMLTextReader.read(Data(saved.utf8)).sourceURL == address)
        let canonical = html.replacingOccurrences(
            of: "<head>", with: "<head><link rel=\"canonical\" href=\"\(address)\">")
        #expect(try HTMLTextReader.read(Data(canonical.utf8)).sourceURL == address)
        let local = "<!-- saved from url=(0014)about:internet -->\n" + html
        #expect(try HTMLTextReader.read(Data(local.utf8)).sourceURL == nil)

        // Imported, it is the document's `source_url`, which its page links to.
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("cong-doan-giao-duc-ha-noi", name: "Công đoàn Giáo dục Hà Nội")
        let file = fixture.root.appendingPathComponent("ke-hoach.html")
        try Data(saved.utf8).write(to: file)
        let (_, document) = try ImporterTests().imported(file, unit: "cong-doan-giao-duc-ha-noi", into: fixture)
        #expect(document.sourceURL == address)
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let built = try String(
            contentsOf: fixture.root.appendingPathComponent("public").appendingPathComponent(
                URLScheme.documentFolder(document) + "index.html"), encoding: .utf8)
        #expect(built.contains("<a href=\"\(address)\" rel=\"nofollow noopener\">"))
    }

    /// A `source_url` that is no web address is a warning, and is not linked.
    @Test func aSourceThatIsNoWebAddressIsLeftOut() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        try fixture.write(
            "content/units/th-a/2023-2024/a.md",
            "---\ntitle: A\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2024-01-02\nsource_url: javascript:alert(1)\n---\nMột.\n"
        )
        let portal = ContentLoader(root: fixture.root).load()
        #expect(portal.documents.first?.sourceURL == nil)
        #expect(portal.diagnostics.contains { $0.code == "front-matter.bad-source-url" && $0.line == 6 })
    }

    @Test func aPageThatIsNoHTMLIsReadAsWellAsItCanBe() throws {
        let lines = try HTMLTextReader.read(Data("Kế hoạch <b>số 1</b>\n\nNội dung".utf8)).lines
        #expect(lines.contains("Kế hoạch **số 1** Nội dung"))
    }
}
