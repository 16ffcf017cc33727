import Foundation
import TestSupport
import Testing

@testable import CongKhai

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Atom feeds, robots.txt, sitemap.xml and the print layout of a document.
@Suite struct DiscoveryTests {
    func portal(settings: String) throws -> PortalFixture {
        let fixture = try PortalFixture(settings: settings)
        try fixture.unit("th-a", name: "Trường Tiểu học A & B")
        for (day, title) in [(3, "Kế hoạch <đầu năm>"), (9, "Báo cáo \"giữa kỳ\"")] {
            try fixture.write(
                "content/units/th-a/2023-2024/vb-\(day).md",
                "---\ntitle: '\(title)'\nkind: ke-hoach\nnumber: \(day)/KH-A\nplace: Tân Hồng\nissued: 2024-03-0\(day)\nrecipients: [Lưu VT]\nletterhead: [UBND HUYỆN TÂN HỒNG, TRƯỜNG TIỂU HỌC A]\n---\nNội dung.\n"
            )
        }
        return fixture
    }

    /// Parses with Foundation's XMLParser: well-formed or not, and the text of chosen elements.
    func xmlTexts(_ data: Data, element: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let element: String
            var texts: [String] = []
            var current: String?
            init(element: String) { self.element = element }
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == element { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                if name == element, let text = current {
                    texts.append(text)
                    current = nil
                }
            }
        }
        let collector = Collector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "well-formed XML")
        return collector.texts
    }

    @Test func feedsAreWellFormedNewestFirstAndDeterministic() throws {
        let fixture = try portal(settings: "title: Cổng & thử\n")
        defer { fixture.remove() }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let feed = try Data(contentsOf: fixture.root.appendingPathComponent("public/feed.xml"))
        let titles = try xmlTexts(feed, element: "title")
        #expect(titles == ["Cổng & thử", "Kế hoạch 9/KH-A: Báo cáo \"giữa kỳ\"", "Kế hoạch 3/KH-A: Kế hoạch <đầu năm>"])
        #expect(try xmlTexts(feed, element: "updated").first == "2024-03-09T00:00:00+07:00")
        let unitFeed = try Data(contentsOf: fixture.root.appendingPathComponent("public/don-vi/th-a/feed.xml"))
        #expect(try xmlTexts(unitFeed, element: "entry").count == 2)
        #expect(
            try String(contentsOf: fixture.root.appendingPathComponent("public/index.html"), encoding: .utf8)
                .contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Văn bản mới – Cổng &amp; thử\" href=\"feed.xml\">"
                ))
        // Without base_url there is no sitemap (it needs absolute addresses), robots.txt still.
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("public/sitemap.xml").path))
        #expect(try fixture.read("public/robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func sitemapWithBaseURL() throws {
        let fixture = try portal(settings: "title: Cổng\nbase_url: https://congkhai.example.vn/truong/\n")
        defer { fixture.remove() }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let locations = try xmlTexts(
            Data(contentsOf: fixture.root.appendingPathComponent("public/sitemap.xml")), element: "loc")
        #expect(locations.first == "https://congkhai.example.vn/truong/")
        #expect(locations.contains("https://congkhai.example.vn/truong/don-vi/th-a/2023-2024/vb-3/"))
        #expect(locations.allSatisfy { $0.hasPrefix("https://congkhai.example.vn/truong/") })
        #expect(
            try fixture.read("public/robots.txt").contains("Sitemap: https://congkhai.example.vn/truong/sitemap.xml"))
        let feedIDs = try xmlTexts(
            Data(contentsOf: fixture.root.appendingPathComponent("public/feed.xml")), element: "id")
        #expect(feedIDs.contains("https://congkhai.example.vn/truong/don-vi/th-a/2023-2024/vb-9/index.html"))
        let page = try fixture.read("public/don-vi/th-a/2023-2024/vb-3/index.html")
        #expect(
            page.contains(
                "<link rel=\"canonical\" href=\"https://congkhai.example.vn/truong/don-vi/th-a/2023-2024/vb-3/\">"))
        // Shared, a document says what it is and whose: its kind, number, title and unit.
        #expect(
            page.contains(
                "<meta property=\"og:title\" content=\"Kế hoạch 3/KH-A: Kế hoạch &lt;đầu năm&gt; – Trường Tiểu học A &amp; B\">"
            ), "\(page.prefix(900))")
        #expect(
            page.contains("<title>Kế hoạch 3/KH-A: Kế hoạch &lt;đầu năm&gt; – Trường Tiểu học A &amp; B – Cổng</title>")
        )
    }

    /// Above the limit of addresses a file (sitemaps.org's 50,000, lowered here to 4) the
    /// sitemap is split: sitemap.xml indexes the parts, which hold every address of the whole
    /// sitemap, in order. Each part is keyed: a rebuild after a body edit writes the same
    /// files as a full build, and keeps the parts it leaves unchanged.
    @Test func aLargeSitemapIsSplitIntoKeyedParts() throws {
        let fixture = try portal(settings: "title: Cổng\nbase_url: https://congkhai.example.vn/truong/\n")
        defer { fixture.remove() }
        let wholeOutput = fixture.root.appendingPathComponent("whole")
        _ = try Builder(options: BuildOptions(source: fixture.root, output: wholeOutput)).build()
        let whole = try xmlTexts(Data(contentsOf: wholeOutput.appendingPathComponent("sitemap.xml")), element: "loc")
        #expect(whole.count > 8)

        var options = BuildOptions(source: fixture.root)
        options.sitemapLimit = 4
        _ = try Builder(options: options).build()
        let public_ = fixture.root.appendingPathComponent("public")
        let index = try xmlTexts(Data(contentsOf: public_.appendingPathComponent("sitemap.xml")), element: "loc")
        let parts = (whole.count + 3) / 4
        #expect(index == (1...parts).map { "https://congkhai.example.vn/truong/sitemap-\($0).xml" })
        var listed: [String] = []
        for number in 1...parts {
            let part = try xmlTexts(
                Data(contentsOf: public_.appendingPathComponent("sitemap-\(number).xml")), element: "loc")
            #expect(part.count == (number < parts ? 4 : whole.count - 4 * (parts - 1)))
            listed += part
        }
        #expect(listed == whole)
        #expect(
            try fixture.read("public/robots.txt").contains("Sitemap: https://congkhai.example.vn/truong/sitemap.xml"))

        // A document redated (its address's date, in a later part): the parts come out as a
        // full build makes them, and the first part's file (home and list pages, no document)
        // is kept, not written again.
        let firstPart = public_.appendingPathComponent("sitemap-1.xml")
        let inode = try FileManager.default.attributesOfItem(atPath: firstPart.path)[.systemFileNumber] as? UInt64
        try fixture.write(
            "content/units/th-a/2023-2024/vb-3.md",
            "---\ntitle: 'Kế hoạch <đầu năm>'\nkind: ke-hoach\nnumber: 3/KH-A\nissued: 2024-03-05\n---\nNội dung mới.\n"
        )
        _ = try Builder(options: options).build()
        var full = options
        full.output = fixture.root.appendingPathComponent("full")
        full.full = true
        _ = try Builder(options: full).build()
        for name in ["sitemap.xml"] + (1...parts).map({ "sitemap-\($0).xml" }) {
            #expect(
                try Data(contentsOf: public_.appendingPathComponent(name))
                    == Data(contentsOf: full.output.appendingPathComponent(name)), "\(name)")
        }
        #expect(
            !FileManager.default.fileExists(atPath: public_.appendingPathComponent("sitemap-\(parts + 1).xml").path))
        #expect(
            try (1...parts).contains {
                try fixture.read("public/sitemap-\($0).xml").contains("<lastmod>2024-03-05</lastmod>")
            })
        #expect(try FileManager.default.attributesOfItem(atPath: firstPart.path)[.systemFileNumber] as? UInt64 == inode)
    }

    /// A school's TT 09 checklists and the inspectors' progress pages are in the sitemap, and
    /// counted when it is split: none is left out of the parts, and the parts are as many as
    /// the addresses need.
    @Test func aSplitSitemapListsTheChecklistsToo() throws {
        let fixture = try PortalFixture(settings: "title: Cổng\nbase_url: https://congkhai.example.vn\n")
        defer { fixture.remove() }
        try fixture.write("content/units/th-a/unit.yaml", "name: Trường Tiểu học A\nkind: tieu-hoc\n")
        try fixture.write(
            "content/units/th-a/2025-2026/tuyen-sinh.md",
            "---\ntitle: Kế hoạch tuyển sinh\nkind: ke-hoach\nnumber: 1/KH-A\nissued: 2025-06-20\ncategories: [ke-hoach-tuyen-sinh]\n---\nNội dung.\n"
        )
        let wholeOutput = fixture.root.appendingPathComponent("whole")
        _ = try Builder(options: BuildOptions(source: fixture.root, output: wholeOutput)).build()
        let whole = try xmlTexts(Data(contentsOf: wholeOutput.appendingPathComponent("sitemap.xml")), element: "loc")
        #expect(whole.contains { $0.hasPrefix("https://congkhai.example.vn/don-vi/th-a/cong-khai/") })
        #expect(whole.contains { $0.hasPrefix("https://congkhai.example.vn/cong-khai/tien-do/") })

        var options = BuildOptions(source: fixture.root)
        options.sitemapLimit = 3
        _ = try Builder(options: options).build()
        let public_ = fixture.root.appendingPathComponent("public")
        let index = try xmlTexts(Data(contentsOf: public_.appendingPathComponent("sitemap.xml")), element: "loc")
        #expect(index.count == (whole.count + 2) / 3)
        var listed: [String] = []
        for part in index {
            let name = String(part.split(separator: "/").last ?? "")
            listed += try xmlTexts(Data(contentsOf: public_.appendingPathComponent(name)), element: "loc")
        }
        #expect(listed == whole)
    }

    @Test func thePrintLayoutHasTheHeaderBlockSignatureAndRecipients() throws {
        let fixture = try portal(settings: "title: Cổng\n")
        defer { fixture.remove() }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let page = try fixture.read("public/don-vi/th-a/2023-2024/vb-3/index.html")
        #expect(
            page.contains(
                "<p class=\"upper\">UBND HUYỆN TÂN HỒNG</p><p class=\"upper issuer\">TRƯỜNG TIỂU HỌC A</p></div>"))
        #expect(page.contains("<p class=\"print-number\">Số: 3/KH-A</p>"))
        #expect(page.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(page.contains("<em>Tân Hồng, ngày 03 tháng 3 năm 2024</em>"))
        #expect(
            page.contains(
                "<section class=\"print-only print-recipients\"><p><strong><em>Nơi nhận:</em></strong></p><ul><li>Lưu VT</li></ul></section>"
            ))
    }
}
