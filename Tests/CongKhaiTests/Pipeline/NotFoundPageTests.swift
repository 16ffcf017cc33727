import TestSupport
import Testing

@testable import CongKhai

/// The page a server shows for any missing address: without base_url its stylesheet is inline
/// and its script finds the root; a portal's own stylesheet can never end the <style> early.
@Suite struct NotFoundPageTests {
    @Test func inlineStyleCannotBreakOutAndBaseURLMakesLinksAbsolute() throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        try fixture.unit("th-a", name: "Trường Tiểu học A")
        try fixture.write(
            "templates/assets/style.css", "body { color: red; }\n/* </style><script>alert(1)</script> */\n")
        _ = try Builder(options: BuildOptions(source: fixture.root)).build()
        let page = try fixture.read("public/404.html")
        #expect(page.contains("<style>body { color: red; }"))
        #expect(!page.contains("</style><script>alert(1)"))
        #expect(page.components(separatedBy: "</style>").count == 2)
        #expect(page.contains("assets/favicon.svg';") && !page.contains("rel=\"stylesheet\""))

        let served = try PortalFixture(settings: "title: Cổng thử\nbase_url: https://truong.example.vn/cong-khai\n")
        defer { served.remove() }
        try served.unit("th-a", name: "Trường Tiểu học A")
        _ = try Builder(options: BuildOptions(source: served.root)).build()
        let absolute = try served.read("public/404.html")
        #expect(
            absolute.contains("<link rel=\"stylesheet\" href=\"https://truong.example.vn/cong-khai/assets/style.css\">")
        )
        #expect(
            absolute.contains("href=\"https://truong.example.vn/cong-khai/index.html\"")
                && !absolute.contains("<style>"))
        #expect(!absolute.contains("<script>"))
    }
}
