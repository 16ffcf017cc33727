import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

@Suite struct BuildSafetyTests {
    func build(_ fixture: PortalFixture) throws(BuildFailure) -> BuildReport {
        try Builder(options: BuildOptions(source: fixture.root)).build()
    }

    func minimalPortal() throws -> PortalFixture {
        let fixture = try PortalFixture()
        try fixture.unit("th-a", name: "Trường Tiểu học A", district: "Tân Hồng", province: "Đồng Tháp")
        try fixture.write(
            "content/units/th-a/2023-2024/ke-hoach.md",
            "---\ntitle: Kế hoạch thử\nkind: ke-hoach\nnumber: 01/KH-THA\nissued: 2024-01-05\n---\nNội dung kế hoạch.\n"
        )
        return fixture
    }

    @Test func aPortalWithOnlySettingsAndContentBuildsWithBuiltInTemplates() throws {
        let fixture = try minimalPortal()
        defer { fixture.remove() }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("templates").path))
        let report = try build(fixture)
        #expect(report.documents == 1)
        let page = try fixture.read("public/don-vi/th-a/2023-2024/ke-hoach/index.html")
        #expect(page.contains("Kế hoạch thử") && page.contains("01/KH-THA") && page.contains("ngày 5 tháng 1 năm 2024"))
        #expect(
            FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("public/assets/style.css").path))
        #expect(try LinkChecker.brokenLinks(in: fixture.root.appendingPathComponent("public")).isEmpty)
    }

    @Test func aTemplateInThePortalOverridesTheDefault() throws {
        let fixture = try minimalPortal()
        defer { fixture.remove() }
        try fixture.write("templates/footer.mustache", "<footer>Chân trang riêng của {{site.title}}</footer>\n")
        _ = try build(fixture)
        #expect(try fixture.read("public/index.html").contains("<footer>Chân trang riêng của Cổng thử</footer>"))
    }

    @Test func scriptsInTitlesAndBodiesComeOutInert() throws {
        let fixture = try PortalFixture(settings: "title: \"<script>alert('cổng')</script>\"\n")
        defer { fixture.remove() }
        try fixture.write("content/units/th-a/unit.yaml", "name: \"<img src=x onerror=alert(1)>\"\n")
        try fixture.write(
            "content/units/th-a/2023-2024/x.md",
            """
            ---
            title: "<script>alert('tiêu đề')</script>"
            kind: ke-hoach
            signer: "\\" onmouseover=\\"alert(1)"
            recipients: ["<b>in đậm</b>"]
            ---
            <script>alert('thân')</script>

            <a href="javascript:alert(1)">bấm</a> [bấm](javascript:alert(2)) <iframe src="https://x"></iframe>
            """)
        _ = try build(fixture)
        let output = fixture.root.appendingPathComponent("public")
        for page in try LinkChecker.htmlFiles(in: output) {
            // congkhai's own search and document scripts are the only scripts a page may load.
            let html = LinkChecker.withoutOwnScripts(
                try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8))
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("<img"), "\(page)")
            #expect(!html.contains("<iframe"), "\(page)")
            #expect(!html.contains("javascript:"), "\(page)")
            #expect(!html.contains("\" onmouseover=\""), "\(page)")
        }
        let page = try fixture.read("public/don-vi/th-a/2023-2024/x/index.html")
        #expect(
            page.contains("&lt;script&gt;alert(&#39;tiêu đề&#39;)&lt;/script&gt;")
                || page.contains("&lt;script&gt;alert('tiêu đề')&lt;/script&gt;"))
    }

    @Test func aBrokenFrontMatterFailsWithFileLineAndLeavesThePreviousOutput() throws {
        let fixture = try minimalPortal()
        defer { fixture.remove() }
        _ = try build(fixture)
        let output = fixture.root.appendingPathComponent("public")
        let before = try snapshot(output)
        try fixture.write(
            "content/units/th-a/2023-2024/hong.md", "---\ntitle: Hỏng\nkind: ke-hoach\nissued: 2024-02-31\n---\n")
        try fixture.write("content/units/th-a/2023-2024/hong-2.md", "---\ntitle: [\n---\n")
        do {
            _ = try build(fixture)
            Issue.record("the build should have failed")
        } catch {
            let messages = error.diagnostics.map { $0.formatted() }
            #expect(
                messages.contains { $0.hasPrefix("content/units/th-a/2023-2024/hong.md:4:1: lỗi: khóa `issued`") },
                "\(messages)")
            #expect(
                messages.contains { $0.hasPrefix("content/units/th-a/2023-2024/hong-2.md:") },
                "every bad file is reported")
        }
        #expect(try snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
            .filter { $0.contains("congkhai-staging") || $0.contains("congkhai-old") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFolderCongkhaiDidNotMakeIsNeverReplaced() throws {
        let fixture = try minimalPortal()
        defer { fixture.remove() }
        try fixture.write("public/luu-tru-quan-trong.docx", "không được xóa")
        #expect(throws: BuildFailure.self) { try build(fixture) }
        #expect(try fixture.read("public/luu-tru-quan-trong.docx") == "không được xóa")
        let inside = Builder(
            options: BuildOptions(source: fixture.root, output: fixture.root.appendingPathComponent("content")))
        #expect(throws: BuildFailure.self) { try inside.build() }
        let parent = Builder(
            options: BuildOptions(source: fixture.root, output: fixture.root.deletingLastPathComponent()))
        #expect(throws: BuildFailure.self) { try parent.build() }
        #expect(try fixture.read("content/units/th-a/unit.yaml").contains("Trường Tiểu học A"))
    }

    @Test func aRebuildReplacesTheOldSiteWhole() throws {
        let fixture = try minimalPortal()
        defer { fixture.remove() }
        _ = try build(fixture)
        try FileManager.default.removeItem(
            at: fixture.root.appendingPathComponent("content/units/th-a/2023-2024/ke-hoach.md"))
        try fixture.write("content/units/th-a/2023-2024/bao-cao.md", "---\ntitle: Báo cáo\nkind: bao-cao\n---\n")
        _ = try build(fixture)
        let files = try LinkChecker.allFiles(in: fixture.root.appendingPathComponent("public"))
        #expect(files.contains("don-vi/th-a/2023-2024/bao-cao/index.html"))
        #expect(!files.contains("don-vi/th-a/2023-2024/ke-hoach/index.html"))
    }

    @Test func longListingsArePaginated() throws {
        let fixture = try PortalFixture(settings: "title: Cổng\npage_size: 5\n")
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        for day in 1...12 {
            try fixture.write(
                "content/units/th-a/2023-2024/kh-\(day).md",
                "---\ntitle: Kế hoạch \(day)\nkind: ke-hoach\nnumber: \(day)/KH-THA\nissued: 2024-01-\(day < 10 ? "0" : "")\(day)\n---\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.\n"
            )
        }
        _ = try build(fixture)
        let first = try fixture.read("public/cong-khai/nam-hoc/2023-2024/index.html")
        #expect(first.contains("kh-12/index.html") && !first.contains("kh-1/index.html"))
        #expect(first.contains("href=\"../../../cong-khai/nam-hoc/2023-2024/trang-2/index.html\""))
        let third = try fixture.read("public/cong-khai/nam-hoc/2023-2024/trang-3/index.html")
        #expect(third.contains("kh-1/index.html") && third.contains("kh-2/index.html"))
        #expect(
            FileManager.default.fileExists(
                atPath: fixture.root.appendingPathComponent("public/can-cu/33-ctttg-2021/trang-3/index.html").path))
        #expect(try LinkChecker.brokenLinks(in: fixture.root.appendingPathComponent("public")).isEmpty)
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try LinkChecker.allFiles(in: folder) {
            result[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        return result
    }
}
