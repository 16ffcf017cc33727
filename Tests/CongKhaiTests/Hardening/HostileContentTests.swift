import Foundation
import TestSupport
import Testing

@testable import CongKhai
@testable import VietText

/// A portal made of hostile inputs in every field, file name and body. None of it may run in a
/// browser, escape the output folder, hang or crash the build; each gets a clear message.
@Suite(.serialized) struct HostileContentTests {
    /// Sets `data-pwned` on the page if it ever runs.
    static let payload = "document.documentElement.setAttribute('data-pwned','1')"
    static let script = "<script>\(payload)</script>"
    static let handler = "<img src=x onerror=\"\(payload)\">"

    static func makeCorpus() throws -> PortalFixture {
        let fixture = try PortalFixture(
            settings: """
                title: "\(script)"
                description: "\(handler.replacingOccurrences(of: "\"", with: "\\\""))"
                governing_body: "<svg onload=\\"\(payload)\\">"
                """)
        try fixture.write(
            "content/units/th-x/unit.yaml",
            """
            name: "\(script) Trường"
            kind: tieu-hoc
            district: "\(handler.replacingOccurrences(of: "\"", with: "\\\""))"
            province: "\u{202E}gnàhT gnồĐ"
            email: "x@y.vn\\" onmouseover=\\"\(payload)"
            phone: "javascript:\(payload)"
            website: "javascript:\(payload)"
            """)
        let year = "content/units/th-x/2023-2024"
        try fixture.write(
            "\(year)/<script>alert(1)<:script>.md",
            """
            ---
            title: "\(script)"
            kind: ke-hoach
            number: "<b>1</b>/KH-\(script)"
            signer: "\(handler.replacingOccurrences(of: "\"", with: "\\\""))"
            signer_title: "javascript:\(payload)"
            recipients: ["\(script)", "<a href='javascript:\(payload)'>x</a>"]
            letterhead: ["<iframe src='javascript:\(payload)'></iframe>"]
            place: "\u{202E}gnồH nâT"
            ---
            \(script)

            <div onclick="\(payload)">đoạn</div> \(handler) <iframe src="data:text/html,\(script)"></iframe>

            [bấm](javascript:\(payload)) [dữ liệu](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) ![ảnh](javascript:\(payload))
            <javascript:\(payload)> [trích](congkhai-cite:0) <a href="javascript:\(payload)">a</a>

            Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của \(script) về \(handler).
            """)
        // Decomposed Vietnamese and direction overrides.
        try fixture.write(
            "\(year)/nfd.md",
            "---\ntitle: \("Dân vận khéo".decomposedStringWithCanonicalMapping)\nkind: bao-cao\n---\nVăn bản \u{202E}đảo chiều\u{202C} chữ.\n"
        )
        // A 10 MB line, half of it citations.
        let long =
            String(repeating: "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; ", count: 70_000)
            + String(repeating: "chữ ", count: 1_200_000)
        try fixture.write("\(year)/dong-dai.md", "---\ntitle: Dòng rất dài\nkind: bao-cao\n---\n" + long + "\n")
        // Deep nesting, and a table cmark-gfm 0.29 would take minutes on.
        let nested =
            String(repeating: "> ", count: 20_000) + "trích\n\n" + String(repeating: "- ", count: 20_000) + "mục\n\n"
            + (0..<5_000).map { String(repeating: "  ", count: $0 % 200) + "- mục \($0)" }.joined(separator: "\n")
            + "\n\n"
        let wide =
            "|" + String(repeating: " a |", count: 40_000) + "\n|" + String(repeating: "---|", count: 40_000) + "\n|"
            + String(repeating: " b |", count: 40_000) + "\n"
        try fixture.write("\(year)/long-nhau.md", "---\ntitle: Lồng nhau\nkind: bao-cao\n---\n" + nested + wide)
        return fixture
    }

    @Test func theBuildSurvivesAndNothingRuns() throws {
        let fixture = try Self.makeCorpus()
        defer { fixture.remove() }
        let clock = ContinuousClock()
        var report: BuildReport?
        let elapsed = try clock.measure {
            report = try Builder(options: BuildOptions(source: fixture.root)).build()
        }
        #expect(elapsed < .seconds(120), "no hang: \(elapsed)")
        #expect(report?.documents == 4)
        let output = fixture.root.appendingPathComponent("public")
        var checked = 0
        for page in try LinkChecker.htmlFiles(in: output) {
            // congkhai's own search and document scripts are the only scripts a page may load.
            let html = LinkChecker.withoutOwnScripts(
                try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8))
            // Markdown images are allowed; their unsafe addresses are emptied by cmark-gfm.
            for forbidden in [
                "<script", "<img src=x", "<iframe", "<svg", "<div onclick", "onerror=\"", "onload=\"", "onmouseover=\"",
                "href=\"javascript:", "src=\"javascript:", "href=\"data:", "href=\"vbscript:", "congkhai-cite:",
                "\u{202E}"
            ] {
                #expect(!html.contains(forbidden), "\(page) contains \(forbidden)")
            }
            checked += 1
        }
        #expect(checked > 10)
        // Nothing was written outside the output folder but the build cache beside it.
        let outside = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
        #expect(outside == [".public.congkhai-cache", "congkhai.yaml", "content", "public"])
        let cache = try FileManager.default.contentsOfDirectory(
            atPath: fixture.root.appendingPathComponent(".public.congkhai-cache").path)
        #expect(
            cache.map { $0.hasPrefix("page-keys-") ? "page-keys-" : $0 }.sorted() == [
                "directive-index", "documents", "fingerprint", "page-keys-", "search-postings", "spare-output"
            ])
        let warnings = report?.warnings.map(\.code) ?? []
        #expect(warnings.contains("file.control-characters"))
    }

    @Test func hostileFilesGetClearMessages() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "A")
        let year = "content/units/th-a/2023-2024"
        try fixture.write(
            "\(year)/aliases.md",
            """
            ---
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            title: *g
            kind: ke-hoach
            ---
            """)
        try fixture.writeBytes(
            "\(year)/broken-utf8.md", Array("---\ntitle: A\nkind: ke-hoach\n---\nđoạn ".utf8) + [0xC3, 0x28, 0xFF])
        try fixture.write(
            "\(year)/escape.md",
            "---\ntitle: A\nkind: ke-hoach\nattachments: [../../../../../etc/passwd, \"..\\\\x.pdf\", .htaccess]\n---\n"
        )
        try fixture.write("outside/secret.md", "---\ntitle: bí mật\nkind: ke-hoach\n---\n")
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("\(year)/link.md").path,
            withDestinationPath: fixture.root.appendingPathComponent("outside/secret.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("content/units/th-a/2024-2025").path,
            withDestinationPath: fixture.root.appendingPathComponent("outside").path)
        try fixture.write("content/units/../units/th-a/2023-2024/ok.md", "---\ntitle: Được\nkind: ke-hoach\n---\n")
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure { diagnostics = Builder(options: BuildOptions(source: fixture.root)).check() }
        #expect(elapsed < .seconds(10))
        func has(_ code: String, _ file: String) -> Bool {
            diagnostics.contains {
                $0.code == code && $0.file.hasSuffix(file) && $0.line != nil
                    || $0.code == code && $0.file.hasSuffix(file)
            }
        }
        #expect(has("yaml.alias", "aliases.md"))
        #expect(diagnostics.first { $0.code == "yaml.alias" }?.line == 2)
        #expect(has("file.not-utf8", "broken-utf8.md"))
        #expect(diagnostics.filter { $0.code == "front-matter.attachment-outside" }.count == 3)
        #expect(has("content.link-outside", "link.md"))
        #expect(has("content.link-outside", "2024-2025"))
        #expect(!diagnostics.contains { $0.message.vi.contains("bí mật") })
        do {
            _ = try Builder(options: BuildOptions(source: fixture.root)).build()
            Issue.record("errors must stop the build")
        } catch {
            #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("public").path))
        }
    }

    /// Opens every page of the hostile build in headless Chromium: the payload would mark the
    /// page if any of it ran.
    @Test func noPayloadRunsInABrowser() throws {
        let fixture = try Self.makeCorpus()
        defer { fixture.remove() }
        // The long documents only slow the browser; the payloads are elsewhere.
        for name in ["dong-dai.md", "long-nhau.md"] {
            try FileManager.default.removeItem(
                at: fixture.root.appendingPathComponent("content/units/th-x/2023-2024/\(name)"))
        }
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let output = fixture.root.appendingPathComponent("public")
        let pages = try LinkChecker.htmlFiles(in: output)
        for page in pages {
            let dom = try Chromium.dumpDOM(output.appendingPathComponent(page))
            #expect(dom.contains("</html>"), "\(page) loaded")
            #expect(!dom.contains("data-pwned=\"1\""), "a payload ran on \(page)")
        }
    }
}
