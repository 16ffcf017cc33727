import Foundation
import TestSupport
import Testing

@testable import CongKhai

/// A document's HTML is let go once its page is written (a tenth of a large build's memory), and
/// made again, the same, should anything read it after.
@Suite struct DocumentHTMLReleaseTests {
    @Test func theHTMLGoesWithItsPageAndComesBackTheSame() throws {
        let root = TestPaths.repository
        let portal = ContentLoader(root: root).load()
        let site = SiteResolver.resolve(portal: portal, rendered: Builder.parse(portal))
        #expect(site.documents.count == 5)
        let before = site.documents.map { $0.rendered.html + $0.rendered.appendices.joined() }
        let templates = try #require(TemplateLibrary.load(portal: root).0)
        let output = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let parses = CallCount()
        let renderer = MarkdownRenderer()
        var writer = SiteWriter(site: site, templates: templates, portalRoot: root, folder: output)
        writer.parseAgain = { document in
            parses.add()
            return Builder.parse(document.body, firstLine: document.bodyLine, of: document, renderer)
        }
        _ = try writer.write()
        #expect(parses.value == 0, "nothing reads a document's HTML after its page")
        let page = try String(
            contentsOf: output.appendingPathComponent(site.documents[0].url), encoding: .utf8)
        #expect(page.contains("Chỉ thị"))
        let after = site.documents.map { $0.rendered.html + $0.rendered.appendices.joined() }
        #expect(after == before)
        #expect(parses.value == site.documents.count, "each made again once, when read")
        _ = site.documents.map(\.rendered.html)
        #expect(parses.value == site.documents.count, "and kept once made again")
    }
}
