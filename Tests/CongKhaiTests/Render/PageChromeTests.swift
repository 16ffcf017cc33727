import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// The header and footer rendered once per menu entry (`header_html`, `footer_html`), the head's
/// links once (`head_links_html`) and the breadcrumbs once per trail (`breadcrumbs_html`) give
/// every page exactly what rendering the partials on each page gives.
@Suite struct PageChromeTests {
    /// Builds `root` as it is, and with a layout that renders `{{>header}}`, `{{>footer}}`,
    /// `{{>head-links}}` and `{{>breadcrumbs}}` on each page; every file must be the same.
    func expectSameAsPartials(_ root: URL, settings: String? = nil) throws {
        if let settings { try Data(settings.utf8).write(to: root.appendingPathComponent("congkhai.yaml")) }
        let chromeOutput = root.appendingPathComponent("chrome")
        _ = try Builder(options: BuildOptions(source: root, output: chromeOutput)).build()
        let layout = String(decoding: DefaultTemplates.templates["layout"]!, as: UTF8.self)
        let fragments = [
            "header_html": "header", "footer_html": "footer", "head_links_html": "head-links",
            "breadcrumbs_html": "breadcrumbs"
        ]
        var partials = layout
        for (value, partial) in fragments {
            #expect(layout.contains("{{{\(value)}}}"))
            partials = partials.replacingOccurrences(of: "{{{\(value)}}}", with: "{{>\(partial)}}")
        }
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(partials.utf8).write(to: templates.appendingPathComponent("layout.mustache"))
        let partialsOutput = root.appendingPathComponent("partials")
        _ = try Builder(options: BuildOptions(source: root, output: partialsOutput)).build()
        let files = try LinkChecker.allFiles(in: chromeOutput)
        #expect(files == (try LinkChecker.allFiles(in: partialsOutput)))
        var compared = 0
        for file in files where file.hasSuffix(".html") {
            let chrome = try Data(contentsOf: chromeOutput.appendingPathComponent(file))
            #expect(chrome == (try Data(contentsOf: partialsOutput.appendingPathComponent(file))), "\(file)")
            compared += 1
        }
        #expect(compared > 20)
        // The menu marks the current section, and only it.
        let units = try String(contentsOf: chromeOutput.appendingPathComponent(URLScheme.units), encoding: .utf8)
        #expect(units.components(separatedBy: "aria-current=\"page\"").count == 3, "the menu entry and the breadcrumb")
        #expect(units.contains("href=\"../don-vi/index.html\" aria-current=\"page\">Đơn vị</a>"))
        // The trail: its links, then the page itself.
        #expect(
            units.contains(
                "<ol>\n<li><a href=\"../index.html\">Trang chủ</a></li>\n<li aria-current=\"page\">Đơn vị</li>\n</ol>"))
    }

    func examplePortal() throws -> URL {
        try TestPaths.examplePortalCopy()
    }

    @Test func theExamplePortalIsTheSameAsWithPartialsOnEveryPage() throws {
        let root = try examplePortal()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            !(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/pages").path))
                .isEmpty,
            "free pages have menu entries of their own")
        try expectSameAsPartials(
            root,
            settings: """
                title: Cổng thử
                governing_body: Phòng GD&ĐT "Tân Hồng" <thử>
                base_url: https://congkhai.example.edu.vn/cong
                """)
    }

    /// Escapes in congkhai.yaml cannot put the marker that stands for `root` (nor a
    /// text-direction override) into the title: they are removed, with a warning.
    @Test func controlCharactersEscapedInTheTitleAreRemoved() throws {
        let root = try examplePortal()
        defer { try? FileManager.default.removeItem(at: root) }
        try expectSameAsPartials(root, settings: "title: \"Cổng \\x01 thử \\u202Eđảo\"\n")
        let home = try String(contentsOf: root.appendingPathComponent("chrome/index.html"), encoding: .utf8)
        #expect(home.contains("<a href=\"index.html\">Cổng thử đảo</a>"))
        #expect(!home.contains("\u{1}") && !home.contains("\u{202E}"))
        let report = try Builder(options: BuildOptions(source: root, output: root.appendingPathComponent("again")))
            .build()
        #expect(
            report.warnings.contains {
                $0.code == "front-matter.control-characters" && $0.file == "congkhai.yaml" && $0.line == 1
            })
    }

    /// A value that still holds the marker makes the fragment render on each page.
    @Test func aValueHoldingTheRootMarkerIsRenderedPerPage() throws {
        let (library, _) = TemplateLibrary.load(portal: try TestPaths.temporaryFolder())
        let templates = try #require(library)
        let context: [String: Any] = ["site": ["title": "A\u{1}B"], "nav": [[String: Any]]()]
        let fragment = RootRelativeFragment(rendering: context, template: "header", templates: templates)
        guard case .perPage = fragment else {
            Issue.record("a marker in a value must not be cut at")
            return
        }
        #expect(fragment.html(root: "../") { "per page" } == "per page")
        let plain = RootRelativeFragment(
            rendering: ["site": ["title": "AB"], "nav": [[String: Any]]()], template: "header", templates: templates)
        #expect(plain.html(root: "../../") { "per page" }.contains("href=\"../../index.html\""))
    }

    /// The chrome loses one final "\n" and nothing else: a final "\r\n" (a template saved on
    /// Windows) is one Character and stays whole, as it did before the trim went by bytes.
    @Test func onlyAFinalLineFeedIsTrimmed() {
        #expect(RootRelativeFragment.trimmingFinalLineBreak("<footer>\n") == "<footer>")
        #expect(RootRelativeFragment.trimmingFinalLineBreak("<footer>\r\n") == "<footer>\r\n")
        #expect(RootRelativeFragment.trimmingFinalLineBreak("<footer>") == "<footer>")
        #expect(RootRelativeFragment.trimmingFinalLineBreak("\n") == "")
        #expect(RootRelativeFragment.trimmingFinalLineBreak("") == "")
    }
}
